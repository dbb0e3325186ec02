import ArgumentParser
import CaseStore
import Casework

/// `keukentafel household new|assign|close|reopen`: a case from intake to closing, for
/// scripts and batch work — the same rules and audit rows as in the workstation.
struct HouseholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household",
        abstract: "Huishoudens innemen, toewijzen, sluiten en heropenen. / Take in, assign, close and reopen households.",
        subcommands: [HouseholdNewCommand.self, Assign.self, Close.self, Reopen.self]
    )

    struct Assign: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Wijs een huishouden toe of draag het over (teamleider); neem er zelf een over (regisseur). / Assign or transfer a household (team leader); take one yourself (caseworker).",
            discussion: """
            Een teamleider wijst toe aan elke regisseur, ook van een ander team; het huishouden gaat dan naar dat team. \
            Een regisseur neemt alleen een huishouden van het eigen team over dat nog van niemand is (--to is dan uzelf).
            A team leader assigns to any caseworker, also of another team; the household then goes to that team. \
            A caseworker only takes a household of their own team that nobody holds yet (--to is then yourself).
            """
        )

        @Argument(help: "Het id van het huishouden. / The household's id.") var id: String
        @Option(help: ArgumentHelp("De nieuwe regisseur. / The new caseworker.", valueName: "user")) var to: String
        @Option(help: ArgumentHelp("Overdrachtsnotitie; de ontvanger ziet die bij openen. / Handover note; the receiver sees it on opening.",
                                   valueName: "text"))
        var note: String = ""
        @Flag(help: "Uitkomst als JSON. / Result as JSON.") var json = false
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openAsStaff(global)
            let before = try StoreAccess.reporting(l) { try store.householdRows(id).record }
            try StoreAccess.reporting(l) { try store.assignHousehold(id, to: to, note: note, by: me.actor) }
            let after = try StoreAccess.reporting(l) { try store.householdRows(id).record }
            if json {
                Console.out(JSONWriter.write(.object([
                    "id": .string(id), "caseworker": .string(to), "team": after.team.map(JSONValue.string) ?? .null,
                    "previous": before.caseworker.map(JSONValue.string) ?? .null,
                ])))
            } else {
                Console.out(l.pick("\(id) is nu van \(to)\(after.team.map { " (\($0))" } ?? "").\n",
                                   "\(id) is now held by \(to)\(after.team.map { " (\($0))" } ?? "").\n"))
            }
        }
    }

    struct Close: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "close",
            abstract: "Sluit een huishouden, met een reden. / Close a household, with a reason.",
            discussion: """
            Redenen / reasons: \(ClosingReason.allCases.map(\.rawValue).joined(separator: ", ")). \
            Bij overgedragen en anders hoort --note. Niet zolang een aanvraag wacht op besluit of betaling.
            overgedragen (handed over) and anders (other) need --note. Not while a request waits for a decision or payment.
            """
        )

        @Argument(help: "Het id van het huishouden. / The household's id.") var id: String
        @Option(help: ArgumentHelp("De reden. / The reason.", valueName: "code")) var reason: ClosingReasonOption
        @Option(help: ArgumentHelp("Toelichting: aan wie, of waarom. / Note: to whom, or why.", valueName: "text")) var note: String = ""
        @Option(help: ArgumentHelp("Sluitdatum (dd-mm-jjjj), standaard vandaag. / Closing day (dd-mm-yyyy), today by default.",
                                   valueName: "date"))
        var date: String?
        @Flag(help: "Uitkomst als JSON. / Result as JSON.") var json = false
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let day = try TypedDay.parse(date, option: "--date", l)
            let (store, me) = try StoreAccess.openAsStaff(global)
            try StoreAccess.reporting(l) { try store.closeHousehold(id, reason: reason.reason, note: note, on: day, by: me.actor) }
            if json {
                Console.out(JSONWriter.write(.object([
                    "id": .string(id), "status": .string("closed"), "closedOn": .string(day.iso), "reason": .string(reason.rawValue),
                    "note": note.isEmpty ? .null : .string(note),
                ])))
            } else {
                Console.out(l.pick("\(id) gesloten per \(day.dutch): \(reason.reason.name(in: l)).\n",
                                   "\(id) closed on \(day.dutch): \(reason.reason.name(in: l)).\n"))
            }
        }
    }

    struct Reopen: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Heropen een gesloten huishouden (regisseur of teamleider). / Reopen a closed household (its caseworker or a team leader)."
        )

        @Argument(help: "Het id van het huishouden. / The household's id.") var id: String
        @Flag(help: "Uitkomst als JSON. / Result as JSON.") var json = false
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openAsStaff(global)
            try StoreAccess.reporting(l) { try store.reopenHousehold(id, by: me.actor) }
            Console.out(json ? JSONWriter.write(.object(["id": .string(id), "status": .string("open")]))
                        : l.pick("\(id) is weer open.\n", "\(id) is open again.\n"))
        }
    }
}

enum ClosingReasonOption: String, ExpressibleByArgument, CaseIterable {
    case doelenBereikt = "doelen-bereikt", verhuisd, overgedragen, geenContact = "geen-contact", overleden, anders
    var reason: ClosingReason { ClosingReason(rawValue: rawValue)! }
}
