import ArgumentParser
import CaseStore
import Casework

/// `keukentafel init [--name FULL-NAME]`: a new, empty store with the OS user as its first
/// team leader.
struct InitCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Maak een nieuwe opslag met u als eerste teamleider. / Create a new store with you as its first team leader.",
        discussion: """
        De opslag komt in --store, KEUKENTAFEL_STORE of $XDG_DATA_HOME/keukentafel/keukentafel.sqlite; \
        de map krijgt rechten 0700 en het bestand 0600.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Uw volledige naam. / Your full name.", valueName: "full-name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Uw team. / Your team.", valueName: "team"))
    var team: String = ""

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        let location = StoreAccess.location(global)
        let clock = try ProgramClock.make()
        let user = OSUser.current
        let member = StaffMember(user: user, name: name ?? OSUser.fullName ?? user, role: .teamleader, team: team)
        _ = try StoreAccess.reporting(l) { try Store.create(at: location, firstStaff: member, clock: clock) }
        Console.out(l.pick("Opslag gemaakt: \(location.path)\n\(user) (\(member.name)) is teamleider.\n",
                           "Store created: \(location.path)\n\(user) (\(member.name)) is team leader.\n"))
    }
}
