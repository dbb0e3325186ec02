import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel signals import|report|list`: early-warning signals (vroegsignalering) in the
/// shape of the DDAS exchange standard, in and out (docs/signals.md).
struct SignalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "Vroegsignalen inlezen, de wachtrij, de DDAS-levering. / Early-warning signals in, the queue, the DDAS delivery.",
        subcommands: [Import.self, List.self, Contact.self, Result.self, SetAside.self, Report.self]
    )

    struct Import: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Lees de vroegsignalen van een DDAS-bestand in: alles of niets. / Import the signals of a DDAS file: all or nothing.",
            discussion: """
            Elk signaal wordt gekoppeld aan een open huishouden (BSN, anders postcode, huisnummer en geboortedatum); de rest wacht \
            in de wachtrij voor de intake. Een ID dat al bekend is, een onbekende signaalpartner of een BSN dat de elfproef niet \
            haalt: niets ingelezen (65).
            Each signal is matched to an open household (BSN, else postcode, house number and birth date); the rest waits in the \
            queue for the intake. An ID already known, an unknown partner type or a BSN failing the 11-test: nothing imported (65).
            """
        )
        @Argument(help: "Het DDAS-bestand (JSON). / The DDAS file (JSON).") var file: String
        @Flag(help: "Uitkomst als JSON. / Result as JSON.") var json = false
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let bytes = try CaseFileLoading.readBytes(path: file, language: l)
            let (store, me) = try StoreAccess.openAsStaff(global)
            // Every problem in one run: the file's own, and the IDs the store holds already.
            let municipality = try StoreAccess.reporting(l) { try store.municipality() }
            let read = DDASDelivery.readSignalsCollecting(String(decoding: bytes, as: UTF8.self), municipalityCode: municipality?.code,
                                                          today: store.clock.today)
            let problems = read.problems + (try StoreAccess.reporting(l) { try store.signalsInStore(read.signals) })
            guard problems.isEmpty else {
                let n = problems.count
                Console.error(l.pick("Niets ingelezen: \(n) \(n == 1 ? "probleem" : "problemen") in \(file).",
                                     "Nothing imported: \(n) \(n == 1 ? "problem" : "problems") in \(file)."))
                for problem in problems { Console.error(problem.message(in: l)) }
                throw Failure(status: Exit.badData)
            }
            let incoming = read.signals
            let outcome = try StoreAccess.reporting(l) { try store.importSignals(incoming, file: file, by: me.actor) }
            if json {
                Console.out(JSONWriter.write(.object([
                    "matched": .object(JSONObject(outcome.matched.keys.sorted().map { (key: $0, value: .string(outcome.matched[$0]!)) })),
                    "unmatched": .array(outcome.unmatched.map(JSONValue.string)),
                    "cases": .array(outcome.cases.map(JSONValue.string)),
                ])))
            } else {
                Console.out(l.pick("\(incoming.count) signalen ingelezen: \(outcome.matched.count) gekoppeld aan een huishouden (\(outcome.cases.count) \(outcome.cases.count == 1 ? "zaak" : "zaken")), \(outcome.unmatched.count) wachten op de intake.\n",
                                   "\(incoming.count) signals imported: \(outcome.matched.count) matched to a household (\(outcome.cases.count) \(outcome.cases.count == 1 ? "case" : "cases")), \(outcome.unmatched.count) wait for the intake.\n"))
            }
        }
    }

    struct Report: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "De DDAS-levering aan het CBS over een periode. / The DDAS delivery to the CBS for a period.",
            discussion: """
            Gemeentecode en aanleverende organisatie komen uit de instellingen van de gemeente (municipality set). Het bestand \
            is 0600 en houdt zich aan het DDAS-schema v1.2. / The municipality code and delivering organisation come from the \
            municipality's settings. The file is 0600 and follows the DDAS schema v1.2.
            """
        )
        @Option(help: ArgumentHelp("Eerste dag (JJJJ-MM-DD). / First day (YYYY-MM-DD).", valueName: "date")) var from: String
        @Option(help: ArgumentHelp("Laatste dag (JJJJ-MM-DD). / Last day (YYYY-MM-DD).", valueName: "date")) var to: String
        @Option(name: .shortAndLong, help: ArgumentHelp("Schrijf naar dit bestand. / Write to this file.", valueName: "file")) var output: String
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            guard let start = CalendarDate(typed: from), let end = CalendarDate(typed: to), start <= end else {
                Console.error(l.pick("Geef --from en --to als dd-mm-jjjj (of JJJJ-MM-DD), --from niet na --to.", "Give --from and --to as dd-mm-yyyy (or YYYY-MM-DD), --from not after --to."))
                throw Failure(status: Exit.usage)
            }
            let (store, me) = try StoreAccess.openAsStaff(global)
            guard let municipality = try StoreAccess.reporting(l, { try store.municipality() }) else {
                Console.error(MunicipalityCommand.notSet(l))
                throw Failure(status: Exit.usage)
            }
            let cases = try StoreAccess.reporting(l) { try store.signalDelivery(from: start, to: end) }
            let json = DDASDelivery.report(cases, from: start, to: end,
                                           sender: DDASDelivery.Sender(municipalityCode: municipality.code,
                                                                       organisation: municipality.signalsDeliveredBy ?? municipality.name),
                                           at: store.clock.now())
            try OutputFile.write(JSONWriter.write(json), to: output, language: l)
            let left = DDASDelivery.undeliverable(cases)
            if !left.isEmpty {
                Console.error(l.pick("Let op: \(left.count) \(left.count == 1 ? "signaal is" : "signalen zijn") niet geleverd: bij het huishouden staat geen adres en geen BSN (\(left.joined(separator: ", "))). Vul het adres aan en maak de levering opnieuw.",
                                     "Note: \(left.count) \(left.count == 1 ? "signal was" : "signals were") not delivered: the household has no address and no BSN (\(left.joined(separator: ", "))). Add the address and make the delivery again."))
            }
            // Zaken and the signals nobody matched (each delivered alone, without a zaak) apart.
            let delivered = DDASDelivery.deliverable(cases)
            let zaken = delivered.filter { $0.outreach != nil }.count
            let signals = delivered.map(\.signals.count).reduce(0, +)
            let waiting = delivered.filter { $0.outreach == nil }.map(\.signals.count).reduce(0, +)
            try StoreAccess.reporting(l) {
                try store.recordSignalReport(from: start, to: end, signals: signals, cases: zaken, by: me.actor)
            }
            Console.out(l.pick("\(signals) \(signals == 1 ? "signaal" : "signalen"): \(zaken) \(zaken == 1 ? "zaak" : "zaken"), \(waiting) niet gekoppeld; geschreven naar \(output).\n",
                               "\(signals) \(signals == 1 ? "signal" : "signals"): \(zaken) \(zaken == 1 ? "case" : "cases"), \(waiting) not matched; written to \(output).\n"))
        }
    }

    struct List: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "De wachtrij van de vroegsignalering: crisis eerst, dan de oudste. / The outreach queue: crisis first, then the oldest."
        )
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, _) = try StoreAccess.openAsStaff(global)
            let queue = try StoreAccess.reporting(l) { try store.signalQueue() }
            let policy = (try? store.rules().policy(on: store.clock.today).policy) ?? .defaults
            if queue.isEmpty { Console.out(l.pick("De wachtrij is leeg.\n", "The queue is empty.\n")); return }
            for item in queue {
                let due = item.contactDue(policy: policy)
                let late = item.isOverdue(policy: policy, today: store.clock.today)
                let who: String
                switch item.kind {
                case .zaak(_, let id, _): who = id
                case .unmatched: who = l.pick("(niet gekoppeld)", "(not matched)")
                }
                Console.out("\(item.crisis ? "CRISIS " : "")\(item.id)  \(who)  \(item.received.dutch)  "
                            + l.pick("contact vóór \(due.dutch)", "contact by \(due.dutch)") + (late ? " !" : "") + "\n")
            }
        }
    }

    struct Contact: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "contact",
            abstract: "Leg een contactpoging vast op een zaak. / Record a contact attempt on a case."
        )
        @Argument(help: "De zaak (vz-…). / The case (vz-…).") var caseID: String
        @Option(help: ArgumentHelp("Soort: \(ContactKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "kind")) var kind: String
        @Flag(inversion: .prefixedNo, help: "Bereikt of niet (--reached / --no-reached). / Reached or not.") var reached: Bool
        @Option(help: ArgumentHelp("Datum (dd-mm-jjjj), standaard vandaag. / Date, today by default.", valueName: "date")) var date: String?
        @Option(help: ArgumentHelp("Dagdeel: ochtend, middag, avond; standaard nu. / Part of day; now by default.", valueName: "part")) var part: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let kind: ContactKind = try TypedCode.parse(self.kind, option: "--kind", l)
            let day = try TypedDay.parse(date, option: "--date", l)
            let (store, me) = try StoreAccess.openAsStaff(global)
            let now = store.clock.now()
            guard let partOfDay = part.map({ PartOfDay(rawValue: $0) }) ?? PartOfDay(now) else {
                Console.error(l.pick("--part kiest uit ochtend, middag, avond.", "--part chooses from ochtend, middag, avond."))
                throw Failure(status: Exit.usage)
            }
            let zaak = try StoreAccess.reporting(l) {
                try store.recordContactAttempt(caseID, ContactAttempt(kind: kind, reached: reached, date: day, partOfDay: partOfDay, by: me.actor.user), by: me.actor)
            }
            Console.out(l.pick("Contactpoging \(zaak.attempts.count) op \(caseID) vastgelegd.\n", "Contact attempt \(zaak.attempts.count) on \(caseID) recorded.\n"))
        }
    }

    struct Result: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "result",
            abstract: "Sluit een zaak met haar resultaat. / Close a case with its result.",
            discussion: "Resultaten / results: \(SignalCaseResult.allCases.map(\.rawValue).joined(separator: ", "))."
        )
        @Argument(help: "De zaak (vz-…). / The case (vz-…).") var caseID: String
        @Option(help: ArgumentHelp("Het resultaat (code). / The result (code).", valueName: "code")) var result: String
        @Option(help: ArgumentHelp("Waarom niet opgepakt, bij zo'n resultaat. / Why not picked up, with such a result.", valueName: "text"))
        var reason: String = ""
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let result: SignalCaseResult = try TypedCode.parse(self.result, option: "--result", l)
            let (store, me) = try StoreAccess.openAsStaff(global)
            _ = try StoreAccess.reporting(l) { try store.closeSignalCase(caseID, result: result, reason: reason, by: me.actor) }
            Console.out(l.pick("\(caseID) gesloten: \(result.name(in: l)).\n", "\(caseID) closed: \(result.name(in: l)).\n"))
        }
    }

    struct SetAside: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-aside",
            abstract: "Pak één signaal niet op, met de reden. / Do not pick up one signal, with the reason.",
            discussion: """
            Voor een signaal dat bij niemand hoort, of één van de wachtende signalen van een zaak (een herhaalde melding). Het \
            enige wachtende signaal van een zaak gaat met het resultaat van de zaak (signals result). Redenen: \
            \(SignalStatus.notPickedUp.map(\.rawValue).joined(separator: ", ")).
            For a signal that matches nobody, or one of a case's waiting signals (a repeated one). A case's only waiting signal goes \
            with the case's result (signals result).
            """
        )
        @Argument(help: "Het signaal (zijn ID). / The signal (its ID).") var signalID: String
        @Option(help: ArgumentHelp("Waarom niet opgepakt (code). / Why not picked up (code).", valueName: "code")) var status: String
        @Option(help: ArgumentHelp("Toelichting; verplicht bij niet-opgepakt-anders. / Note; required with niet-opgepakt-anders.", valueName: "text"))
        var reason: String = ""
        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let status: SignalStatus = try TypedCode.parse(self.status, option: "--status", l)
            guard SignalStatus.notPickedUp.contains(status) else {
                Console.error(l.pick("--status kiest uit \(SignalStatus.notPickedUp.map(\.rawValue).joined(separator: ", ")).",
                                     "--status chooses from \(SignalStatus.notPickedUp.map(\.rawValue).joined(separator: ", "))."))
                throw Failure(status: Exit.usage)
            }
            let (store, me) = try StoreAccess.openAsStaff(global)
            try StoreAccess.reporting(l) { try store.setAsideSignal(signalID, status: status, reason: reason, by: me.actor) }
            Console.out(l.pick("\(signalID): \(status.name(in: l)).\n", "\(signalID): \(status.name(in: l)).\n"))
        }
    }
}
