import ArgumentParser
import CaseStore
import Casework

/// `keukentafel objection add|decide|list`: objections (bezwaar) against decisions on grants —
/// recorded when they come in, decided by a team leader within the term (Awb 7:10).
struct ObjectionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "objection",
        abstract: "Bezwaren tegen besluiten vastleggen en beslissen. / Record and decide objections against decisions.",
        subcommands: [Add.self, Decide.self, List.self]
    )

    struct Add: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Leg een ontvangen bezwaar vast. / Record an objection received.",
            discussion: """
            Tegen een toegekende, afgewezen, betaalde of geëvalueerde aanvraag; één open bezwaar tegelijk.
            Against an approved, rejected, paid or evaluated grant; one open objection at a time.
            """
        )
        @Argument(help: "Het id van de aanvraag. / The grant id.") var grantID: String
        @Option(help: ArgumentHelp("Ontvangen op (dd-mm-jjjj), standaard vandaag. / Received on (dd-mm-yyyy), today by default.",
                                   valueName: "date"))
        var received: String?
        @Option(help: ArgumentHelp("De gronden: waarom de bewoner het er niet mee eens is. / The grounds.", valueName: "text"))
        var grounds: String
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let day = try TypedDay.parse(received, option: "--received", l)
            let (store, me) = try StoreAccess.openAsStaff(global)
            let stored = try StoreAccess.reporting(l) { try store.grant(grantID) }
            let after = try StoreAccess.reporting(l) { try store.recordObjection(stored, received: day, grounds: grounds, by: me.actor) }
            // recordObjection appended it: the last is the one just recorded.
            guard let o = after.grant.objections.last else { return }
            let due = o.decisionDue.dutch, deadline = o.objectionDeadline.dutch
            Console.out(l.pick("Bezwaar tegen \(grantID) vastgelegd; beslissen uiterlijk \(due).\(o.isLate ? " Let op: ontvangen na de bezwaartermijn (\(deadline))." : "")\n",
                               "Objection against \(grantID) recorded; decide by \(due).\(o.isLate ? " Note: received after the objection term (\(deadline))." : "")\n"))
        }
    }

    struct Decide: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide",
            abstract: "Beslis op het open bezwaar (teamleider). / Decide the open objection (team leader).",
            discussion: """
            gegrond tegen een afwijzing kent de aanvraag alsnog toe; gegrond tegen een toekenning vraagt --new-decision.
            gegrond (upheld) against a rejection approves the grant; upheld against an approval needs --new-decision.
            """
        )
        @Argument(help: "Het id van de aanvraag. / The grant id.") var grantID: String
        @Option(help: ArgumentHelp("gegrond, ongegrond of niet-ontvankelijk.", valueName: "outcome")) var outcome: ObjectionOutcomeOption
        @Option(help: ArgumentHelp("De motivering van de beslissing op bezwaar. / The reasons.", valueName: "text")) var reasons: String
        @Option(name: .customLong("new-decision"), help: ArgumentHelp("Het nieuwe besluit, waar dat er is. / The new decision, where one applies.",
                                                                        valueName: "text"))
        var newDecision: String = ""
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openAsStaff(global)
            let stored = try StoreAccess.reporting(l) { try store.grant(grantID) }
            let after = try StoreAccess.reporting(l) {
                try store.decideObjection(stored, outcome: outcome.outcome, reasons: reasons, newDecision: newDecision, by: me.actor)
            }
            Console.out(l.pick("Bezwaar tegen \(grantID) \(outcome.outcome.name(in: l)) verklaard; de aanvraag is \(after.grant.status.name(in: l)).\n",
                               "Objection against \(grantID) \(outcome.outcome.name(in: l)); the request is \(after.grant.status.name(in: l)).\n"))
        }
    }

    struct List: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "De bezwaren, open eerst, met hun termijn. / The objections, open first, with their term."
        )
        @Flag(help: "Alleen open bezwaren. / Open objections only.") var open = false
        @Flag(help: "Als JSON. / As JSON.") var json = false
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openAsStaff(global)
            _ = me
            let rows = try StoreAccess.reporting(l) { try store.objections() }
                .flatMap { stored in stored.grant.objections.map { (stored, $0) } }
                .filter { !open || $0.1.isOpen }
                .sorted { ($0.1.isOpen ? 0 : 1, $0.1.received) < ($1.1.isOpen ? 0 : 1, $1.1.received) }
            if json {
                Console.out(JSONWriter.write(.array(rows.map { stored, o in
                    return .object(["grant": .string(stored.id), "household": .string(stored.householdId),
                                    "received": .string(o.received.iso), "grounds": .string(o.grounds),
                                    "due": .string(o.decisionDue.iso), "late": .bool(o.isLate),
                                    "outcome": o.outcome.map { .string($0.rawValue) } ?? .null,
                                    "newDecision": o.ledToNewDecision ? .bool(true) : .bool(false)])
                })))
                return
            }
            if rows.isEmpty { Console.out(l.pick("Geen bezwaren.\n", "No objections.\n")); return }
            for (stored, o) in rows {
                let due = o.decisionDue.dutch
                let state = o.outcome.map { $0.name(in: l) } ?? l.pick("open, beslissen uiterlijk \(due)", "open, decide by \(due)")
                Console.out("\(stored.id)  \(stored.householdId)  \(o.received.dutch)  \(state)\n")
            }
        }
    }
}

enum ObjectionOutcomeOption: String, ExpressibleByArgument, CaseIterable {
    case gegrond, ongegrond, nietOntvankelijk = "niet-ontvankelijk"
    var outcome: ObjectionOutcome { ObjectionOutcome(rawValue: rawValue)! }
}
