import ArgumentParser
import CaseStore
import Casework

/// `keukentafel staff add|list`: the staff list; team leaders manage it.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Medewerkers en hun rol. / Staff and their roles.",
        subcommands: [Add.self, List.self]
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
                    + pad(l == .nl ? m.role.dutchName : m.role.rawValue, 10) + "  " + m.team + "\n"
            }
            Console.out(out)
        }
    }
}

enum RoleOption: String, ExpressibleByArgument, CaseIterable {
    case caseworker, teamleader, trainer
    var role: Actor.Role { Actor.Role(rawValue: rawValue)! }
}
