import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel init --name FULL-NAME --team TEAM [--group GROUP]`: a new, empty store with
/// the OS user as its first team leader. Name and team are asked for when they are not given
/// and someone is at the keyboard; a script must give them.
struct InitCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Maak een nieuwe opslag met u als eerste teamleider. / Create a new store with you as its first team leader.",
        discussion: """
        De opslag komt in --store, KEUKENTAFEL_STORE of $XDG_DATA_HOME/keukentafel/keukentafel.sqlite. \
        Zonder --group is hij van u alleen (map 0700, bestand 0600); met --group GROEP is hij van het team in die groep \
        (map 2770, bestanden 0660, verder niemand).
        """
    )

    @Option(name: .long, help: ArgumentHelp("Uw volledige naam. / Your full name.", valueName: "full-name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Uw team. / Your team.", valueName: "team"))
    var team: String?

    @Option(name: .long, help: ArgumentHelp("Een teamopslag voor deze groep van de computer. / A team store for this group of the host.",
                                            valueName: "group"))
    var group: String?

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        let location = StoreAccess.location(global)
        let clock = try ProgramClock.make()
        let user = OSUser.current
        // Said before any question: there is nothing to make.
        if FileManager.default.fileExists(atPath: location.path) {
            try StoreAccess.reporting(l) { throw StoreError.alreadyExists(path: location.path) }
        }
        let fullName = try answer(name, question: l.pick("Uw volledige naam", "Your full name"), suggestion: OSUser.fullName,
                                  option: "--name", l)
        let teamName = try answer(team, question: l.pick("Uw team (bijvoorbeeld Wijkteam Oost)", "Your team (for example Wijkteam Oost)"),
                                  suggestion: nil, option: "--team", l)
        let member = StaffMember(user: user, name: fullName, role: .teamleader, team: teamName)
        _ = try StoreAccess.reporting(l) { try Store.create(at: location, firstStaff: member, group: group, clock: clock) }
        Console.out(l.pick("Opslag gemaakt: \(location.path)\n\(user) (\(member.name), \(teamName)) is teamleider.\n",
                           "Store created: \(location.path)\n\(user) (\(member.name), \(teamName)) is team leader.\n"))
        if let group {
            Console.out(l.pick("De opslag is van groep \(group): wie in die groep zit en in de medewerkerslijst staat, kan erbij.\n",
                               "The store belongs to group \(group): whoever is in that group and on the staff list can use it.\n"))
        }
    }

    /// The option's value, else the answer typed at the keyboard; without a keyboard (a
    /// script) the option is required: a team leader without a name or team cannot be fixed
    /// by anyone else.
    private func answer(_ given: String?, question: String, suggestion: String?, option: String, _ l: Language) throws -> String {
        if let given = given?.trimmingCharacters(in: .whitespaces), !given.isEmpty { return given }
        guard isatty(STDIN_FILENO) == 1 else {
            Console.error(l.pick("Geef \(option): de eerste teamleider heeft een naam en een team nodig.",
                                 "Give \(option): the first team leader needs a name and a team."))
            throw Failure(status: Exit.usage)
        }
        while true {
            Console.out(question + (suggestion.map { " [\($0)]" } ?? "") + ": ")
            guard let line = readLine() else { throw Failure(status: Exit.usage) }
            let typed = line.trimmingCharacters(in: .whitespaces)
            if !typed.isEmpty { return typed }
            if let suggestion { return suggestion }
        }
    }
}
