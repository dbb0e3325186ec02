import ArgumentParser
import CaseStore
import Casework

/// `keukentafel staff add|list|change|deactivate|reactivate`: the staff list; team leaders
/// manage it. Nobody is deleted: a leaver is deactivated, and their name stays in history.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Medewerkers en hun rol. / Staff and their roles.",
        subcommands: [Add.self, List.self, Change.self, Deactivate.self, Reactivate.self]
    )

    struct Add: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Voeg een medewerker toe (alleen teamleiders). / Add a member of staff (team leaders only)."
        )

        @Argument(help: "De gebruikersnaam op deze computer. / The user name on this machine.")
        var user: String

        @Option(name: .long, help: ArgumentHelp("Volledige naam. / Full name.", valueName: "full-name"))
        var name: String

        @Option(name: .long, help: "caseworker | teamleader | trainer")
        var role: RoleOption

        @Option(name: .long, help: ArgumentHelp("Team.", valueName: "team"))
        var team: String?

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openAsStaff(global)
            let member = StaffMember(user: user, name: name, role: role.role, team: team ?? me.team)
            try StoreAccess.reporting(l) { try store.addStaff(member, by: me.actor) }
            Console.out(l.pick("\(user) (\(name)) toegevoegd als \(role.role.dutchName).\n",
                               "\(user) (\(name)) added as \(role.role.rawValue).\n"))
        }
    }

    struct List: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Toon de medewerkers. / List the staff."
        )

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, _) = try StoreAccess.openAsStaff(global)
            let staff = try StoreAccess.reporting(l) { try store.staff() }
            let userWidth = max(10, staff.map(\.user.count).max() ?? 0)
            let nameWidth = max(12, staff.map(\.name.count).max() ?? 0)
            func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
            var out = pad(l.pick("gebruiker", "user"), userWidth) + "  " + pad(l.pick("naam", "name"), nameWidth)
                + "  " + pad(l.pick("rol", "role"), 10) + "  team\n"
            for m in staff {
                out += pad(m.user, userWidth) + "  " + pad(m.name, nameWidth) + "  "
                    + pad(l == .nl ? m.role.dutchName : m.role.rawValue, 10) + "  " + m.team
                    + (m.active ? "" : l.pick("  (uit dienst)", "  (left)")) + "\n"
            }
            Console.out(out)
        }
    }
}

extension StaffCommand {
    struct Change: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "change",
            abstract: "Wijzig naam, rol of team van een medewerker (alleen teamleiders). / Change a person's name, role or team (team leaders only)."
        )

        @Argument(help: "De gebruikersnaam. / The user name.")
        var user: String

        @Option(name: .long, help: ArgumentHelp("Volledige naam. / Full name.", valueName: "full-name"))
        var name: String?

        @Option(name: .long, help: "caseworker | teamleader | trainer")
        var role: RoleOption?

        @Option(name: .long, help: ArgumentHelp("Team.", valueName: "team"))
        var team: String?

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            guard name != nil || role != nil || team != nil else {
                Console.error(l.pick("Geef aan wat er verandert: --name, --role of --team.", "Say what changes: --name, --role or --team."))
                throw Failure(status: Exit.usage)
            }
            let (store, me) = try StoreAccess.openAsStaff(global)
            let member = try StoreAccess.reporting(l) {
                try store.changeStaff(user, name: name, role: role?.role, team: team, by: me.actor)
            }
            Console.out(l.pick("\(user): \(member.name), \(member.role.dutchName), team \(member.team.isEmpty ? "-" : member.team).\n",
                               "\(user): \(member.name), \(member.role.rawValue), team \(member.team.isEmpty ? "-" : member.team).\n"))
        }
    }

    struct Deactivate: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate",
            abstract: "Een vertrekker: kan de opslag niet meer gebruiken; naam blijft in de geschiedenis. / A leaver: no more access; the name stays in history."
        )

        @Argument(help: "De gebruikersnaam. / The user name.")
        var user: String

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            try StaffCommand.setActive(user, false, global, l)
        }
    }

    struct Reactivate: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "reactivate",
            abstract: "Weer in dienst. / Back at work."
        )

        @Argument(help: "De gebruikersnaam. / The user name.")
        var user: String

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            try StaffCommand.setActive(user, true, global, l)
        }
    }

    /// Deactivate or reactivate: one store call, one sentence.
    static func setActive(_ user: String, _ active: Bool, _ global: GlobalOptions, _ l: Language) throws {
        let (store, me) = try StoreAccess.openAsStaff(global)
        try StoreAccess.reporting(l) {
            if active { try store.reactivateStaff(user, by: me.actor) } else { try store.deactivateStaff(user, by: me.actor) }
        }
        Console.out(active ? l.pick("\(user) heeft weer toegang.\n", "\(user) has access again.\n")
                    : l.pick("\(user) is uit dienst: geen toegang meer tot deze opslag.\n", "\(user) has left: no more access to this store.\n"))
    }
}

enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case caseworker, teamleader, trainer
    var role: Actor.Role { Actor.Role(rawValue: rawValue)! }
}
