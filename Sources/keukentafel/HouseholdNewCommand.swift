import ArgumentParser
import CaseStore
import Casework

/// `keukentafel household new`: an intake from the command line, typed as in the
/// workstation — a person on one line (name, birth date, BSN), the address on one line —
/// and refused, with what was found, when the family may be in the store already.
struct HouseholdNewCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Neem een nieuw huishouden in. / Take in a new household.",
        discussion: """
        Een persoon als één regel: naam, geboortedatum (dd-mm-jjjj) en eventueel BSN, zoals "Sanne Jansen 12-04-1991 111222333". \
        Het adres als één regel: "Westzijde 12A, 1506 EA Zaandam". Staat het gezin mogelijk al in de opslag (BSN, naam met \
        geboortedatum, adres van een open huishouden), dan wordt niets opgeslagen (exit 65), tenzij --despite-duplicates.
        A person on one line: name, birth date (dd-mm-yyyy) and, if known, BSN, like "Sanne Jansen 12-04-1991 111222333". \
        The address on one line: "Westzijde 12A, 1506 EA Zaandam". When the family may be in the store already (BSN, name with \
        birth date, address of an open household), nothing is saved (exit 65), unless --despite-duplicates.
        """
    )

    @Option(help: ArgumentHelp("De aanvrager. / The applicant.", valueName: "person")) var applicant: String
    @Option(help: ArgumentHelp("Het adres. / The address.", valueName: "address")) var address: String
    @Option(help: ArgumentHelp("De partner. / The partner.", valueName: "person")) var partner: String?
    @Option(help: ArgumentHelp("Een kind (herhaalbaar). / A child (repeatable).", valueName: "person")) var child: [String] = []
    @Option(help: ArgumentHelp("Een medebewoner (herhaalbaar). / Another resident (repeatable).", valueName: "person")) var other: [String] = []
    @Option(help: ArgumentHelp("De naam van het huishouden; standaard \"Huishouden\" en de achternaam. / The household's name; by default \"Huishouden\" and the surname.",
                               valueName: "name"))
    var name: String = ""
    @Option(help: ArgumentHelp("De regisseur (teamleider); standaard uzelf. / The caseworker (team leader); yourself by default.",
                               valueName: "user"))
    var caseworker: String?
    @Flag(help: "Sla toch op als het gezin mogelijk al bestaat (staat in het logboek). / Save even when the family may exist already (recorded).")
    var despiteDuplicates = false
    @Flag(help: "Uitkomst als JSON. / Result as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        let today = try ProgramClock.today()
        let others = (partner.map { [Intake.Person(line: $0, role: .partner)] } ?? [])
            + child.map { Intake.Person(line: $0, role: .child) } + other.map { Intake.Person(line: $0, role: .other) }
        let intake = Intake(applicant: applicant, address: address, others: others, name: name)
        guard let household = intake.household(caseworker: caseworker, today: today) else {
            for problem in intake.problems(today: today) {
                Console.error(option(problem.row, others) + ": " + problem.kind.message(in: l))
            }
            throw Failure(status: Exit.badData)
        }
        let (store, me) = try StoreAccess.openAsStaff(global)
        let found = try StoreAccess.reporting(l) { try store.possibleDuplicates(of: household) }
        if !found.isEmpty && !despiteDuplicates {
            if json { Console.out(JSONWriter.write(.object(["id": .null, "duplicates": .array(found.map(\.json))]))) }
            Console.error(StoreError.possibleDuplicates(found).message(in: l) + "\n"
                          + l.pick("Bewust toch opslaan: voeg --despite-duplicates toe.", "To save anyway, knowingly: add --despite-duplicates."))
            throw Failure(status: Exit.badData)
        }
        let id = try StoreAccess.reporting(l) { try store.createHousehold(household, despite: found, by: me.actor) }
        if json {
            Console.out(JSONWriter.write(.object([
                "id": .string(id), "name": .string(household.name), "caseworker": .string(household.caseworker ?? me.user),
                "members": .number(String(household.members.count)), "duplicates": .array(found.map(\.json)),
            ])))
        } else {
            Console.out(id + "\n")
            for f in found {
                Console.error(l.pick("Let op: bewust opgeslagen naast ", "Note: saved knowingly beside ") + f.sentence(in: l))
            }
        }
    }

    /// The option a problem is about, as the user typed it.
    private func option(_ row: IntakeProblem.Row, _ others: [Intake.Person]) -> String {
        switch row {
        case .applicant: "--applicant"
        case .address: "--address"
        case .name: "--name"
        case .person(let i): others.indices.contains(i) ? "--\(others[i].role.map(optionName) ?? "other") \"\(others[i].line)\"" : "--other"
        }
    }

    private func optionName(_ role: MemberRole) -> String {
        switch role {
        case .partner: "partner"
        case .child: "child"
        default: "other"
        }
    }
}
