import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// Signals in the store: matched and grouped, waiting when unmatched, worked in the queue.
@Suite("Early-warning signals in the store")
struct SignalStoreTests {
    static func incoming(_ id: String, _ partner: SignalPartner, received: String, crisis: Bool = false, client: SignalClient) -> IncomingSignal {
        IncomingSignal(signal: Signal(id: id, partner: partner, creditor: partner.ddas, amount: Money(euros: 300),
                                      received: CalendarDate(iso: received), crisis: crisis),
                       client: client, path: "leveringen[0].vroegsignalen[\(id)]")
    }

    @Test("Matched by BSN and by address into one zaak within six months; unmatched waits; an ID twice refuses everything")
    func importAndQueue() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)   // hh-demo-0001: Sanne Jansen, BSN 111222333, Westzijde 12, 1506 EA
            let outcome = try store.importSignals([
                Self.incoming("E-1", .energie, received: "2026-11-20", client: SignalClient(bsn: BSN("111222333"))),
                Self.incoming("H-2", .huur, received: "2026-11-27", crisis: true,
                              client: SignalClient(postcode: "1506 EA", houseNumber: "12", birthDate: CalendarDate(iso: "1991-04-12"))),
                Self.incoming("W-3", .water, received: "2026-11-25", client: SignalClient(postcode: "1011 AB", houseNumber: "1")),
            ], by: caseworker)
            #expect(outcome.matched == ["E-1": household, "H-2": household])
            #expect(outcome.unmatched == ["W-3"])
            #expect(outcome.cases.count == 1)
            let queue = try store.signalQueue()
            // The crisis zaak first, then the unmatched signal.
            #expect(queue.map(\.id) == [outcome.cases[0], "W-3"])
            #expect(queue[0].crisis && queue[0].signals.map(\.id) == ["E-1", "H-2"])
            #expect(queue[0].received == CalendarDate(iso: "2026-11-20"))
            let file = try store.caseFile(household)
            #expect(file.signals.filter { $0.caseId == outcome.cases[0] }.count == 2)

            // The same ID again: nothing of the file is taken.
            let before = try store.signalQueue()
            #expect(throws: StoreError.self) {
                _ = try store.importSignals([Self.incoming("N-9", .duo, received: "2026-11-28", client: SignalClient(bsn: BSN("111222333"))),
                                             Self.incoming("E-1", .energie, received: "2026-11-28", client: SignalClient(bsn: BSN("111222333")))],
                                            by: caseworker)
            }
            #expect(try store.signalQueue() == before)

            // An attempt picks it up; a result closes it; the audit trail has each step.
            let zaak = outcome.cases[0]
            let attempt = ContactAttempt(kind: .telefoon, reached: false, date: CalendarDate(iso: "2026-11-23")!, partOfDay: .ochtend, by: "r.westra")
            let picked = try store.recordContactAttempt(zaak, attempt, by: caseworker)
            #expect(picked.pickedUp == CalendarDate(iso: "2026-11-23"))
            #expect(try store.caseFile(household).signals.filter { $0.caseId == zaak }.allSatisfy { $0.status == .pickedUp })
            _ = try store.closeSignalCase(zaak, result: .adviceOrQuickFix, by: caseworker)
            #expect(try store.signalQueue().map(\.id) == ["W-3"])
            try store.setAsideSignal("W-3", status: .unfounded, reason: "Verkeerd adres", by: caseworker)
            #expect(try store.signalQueue().isEmpty)
            let actions = try store.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit WHERE action LIKE 'signal%' ORDER BY rowid") }
            #expect(actions == ["signal.match", "signal.match", "signals.import", "signal.contact", "signal.result", "signal.set-aside"])

            // The delivery for November: three signals, the zaak with its attempt and result.
            let delivery = try store.signalDelivery(from: CalendarDate(iso: "2026-11-01")!, to: CalendarDate(iso: "2026-11-30")!)
            #expect(delivery.map { $0.signals.compactMap(\.signal.id) } == [["E-1", "H-2"], ["W-3"]])
            #expect(delivery[0].outreach?.result == .adviceOrQuickFix && delivery[0].outreach?.attempts.count == 1)
            #expect(delivery[1].signals[0].signal.status == .unfounded)
        }
    }

    @Test("An unmatched signal becomes part of the household the intake made, in a zaak of its own")
    func attach() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            _ = try store.importSignals([Self.incoming("W-3", .water, received: "2026-11-25", client: SignalClient(postcode: "1011 AB", houseNumber: "1"))],
                                        by: caseworker)
            let zaak = try store.attachUnmatched("W-3", to: household, by: caseworker)
            #expect(try store.signalQueue().map(\.id) == [zaak])
            #expect(try store.caseFile(household).signals.last?.id == "W-3")
        }
    }

    @Test("A subject access request finds the signals about a BSN that matched no household")
    func subjectAccess() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try GrantStoreTests.setUp(folder)
            _ = try store.importSignals([Self.incoming("Z-7", .zorg, received: "2026-11-25", client: SignalClient(bsn: BSN("100778276")))],
                                        by: caseworker)
            let answer = try store.answerSubjectAccess(bsn: BSN("100778276")!, by: leader.actor)
            #expect(answer.households.isEmpty)
            #expect(answer.unmatchedSignals.map(\.id) == ["Z-7"])
            let detail = try store.read { db in try String.fetchOne(db, sql: "SELECT detail FROM audit WHERE action = 'subject-access'") }
            #expect(detail == "subject access request, BSN *****8276: 1 unmatched signals")
        }
    }

    @Test("A later delivery's earlier signal joins the open zaak and moves its start; a result is set once; picked-up signals stay picked up; not picked up after an attempt is refused")
    func groupingAndClosing() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let bsn = SignalClient(bsn: BSN("111222333"))
            let first = try store.importSignals([Self.incoming("A-1", .huur, received: "2026-11-20", client: bsn)], by: caseworker)
            let zaak = try #require(first.cases.first)
            // Delivered later, dated earlier (1 September): within six months of the zaak's start, so the same zaak.
            let second = try store.importSignals([Self.incoming("A-0", .energie, received: "2026-09-01", client: bsn)], by: caseworker)
            #expect(second.cases == [zaak])
            #expect(try store.signalCase(zaak).zaak.periodStart == CalendarDate(iso: "2026-09-01"))
            // Past the period (from 1 September: up to 28 February 2027): a new zaak.
            let third = try store.importSignals([Self.incoming("A-2", .water, received: "2027-03-01", client: bsn)], by: caseworker)
            #expect(third.cases.count == 1 && third.cases != [zaak])

            _ = try store.recordContactAttempt(zaak, ContactAttempt(kind: .brief, reached: false, date: CalendarDate(iso: "2026-11-23")!, partOfDay: .ochtend),
                                               by: caseworker)
            // Somebody tried to reach them: "not picked up" no longer fits.
            #expect(throws: StoreError.signalResult(.alreadyPickedUp)) {
                _ = try store.closeSignalCase(zaak, result: .otherReason, reason: "Verhuisd", by: caseworker)
            }
            _ = try store.closeSignalCase(zaak, result: .noContact, by: caseworker)
            #expect(throws: StoreError.signalCaseClosed(id: zaak)) { _ = try store.closeSignalCase(zaak, result: .adviceOrQuickFix, by: caseworker) }
            let statuses = try store.caseFile(household).signals.filter { $0.caseId == zaak }.map(\.status)
            #expect(statuses == [.pickedUp, .pickedUp])
            #expect(throws: StoreError.signalNotFound(id: "vz-999999")) { _ = try store.signalCase("vz-999999") }
        }
    }

    @Test("A case file's signal ids are checked like grant ids, and its zaak ids are not taken over")
    func caseFileImport() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            _ = try store.importSignals([Self.incoming("E-1", .energie, received: "2026-11-20", client: SignalClient(bsn: BSN("111222333")))], by: caseworker)
            var file = try store.caseFile(household)
            file.household.id = "hh-kopie"
            file.grants = []
            for i in file.household.members.indices { file.household.members[i].bsn = nil }
            let text = CaseFileWriter.text(file)
            let refused = #expect(throws: StoreError.self) {
                _ = try store.importCaseFiles([CaseFileSource(name: "kopie.json", bytes: Array(text.utf8))], by: caseworker)
            }
            guard case .importRejected(let problems)? = refused else { Issue.record("not refused as an import: \(String(describing: refused))"); return }
            #expect(problems.map(\.problem) == [CaseFileProblem(path: "signals[1].id", kind: .idInStore("E-1"))])
            file.signals = file.signals.map { var s = $0; s.id = nil; return s }
            let ids = try store.importCaseFiles([CaseFileSource(name: "kopie.json", bytes: Array(CaseFileWriter.text(file).utf8))], by: caseworker)
            #expect(try store.caseFile(ids[0]).signals.allSatisfy { $0.caseId == nil })
        }
    }

    @Test("An earlier signal moves a zaak's start only while every signal it holds stays within the six months")
    func earlierSignalOutOfReach() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try GrantStoreTests.setUp(folder)
            let bsn = SignalClient(bsn: BSN("111222333"))
            // 1 May and 25 October: one zaak (1 May to 31 October).
            let first = try store.importSignals([Self.incoming("G-1", .huur, received: "2026-05-01", client: bsn),
                                                 Self.incoming("G-2", .huur, received: "2026-10-25", client: bsn)], by: caseworker)
            let zaak = try #require(first.cases.first)
            #expect(first.cases == [zaak])
            // 20 April, delivered late: counted from it the six months end on 19 October, before
            // G-2: it may not pull the zaak's start back, so it starts a zaak of its own.
            let late = try store.importSignals([Self.incoming("G-0", .energie, received: "2026-04-20", client: bsn)], by: caseworker)
            #expect(late.cases.count == 1 && late.cases != [zaak])
            let kept = try store.signalCase(zaak).zaak
            #expect(kept.periodStart == CalendarDate(iso: "2026-05-01") && kept.periodEnd == CalendarDate(iso: "2026-10-31"))
        }
    }

    @Test("Attempts only on an open zaak, dated from its first signal to today; the other reason needs words; one signal of several set aside")
    func attemptsAndSettingAside() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)   // the store's today: 23 November 2026
            let outcome = try store.importSignals([
                Self.incoming("E-1", .energie, received: "2026-11-20", client: SignalClient(bsn: BSN("111222333"))),
                Self.incoming("H-2", .huur, received: "2026-11-21", client: SignalClient(bsn: BSN("111222333"))),
            ], by: caseworker)
            let zaak = try #require(outcome.cases.first)
            func attempt(_ day: String) -> ContactAttempt { ContactAttempt(kind: .telefoon, reached: false, date: CalendarDate(iso: day)!, partOfDay: .ochtend) }
            let today = CalendarDate(iso: "2026-11-23")!, first = CalendarDate(iso: "2026-11-20")!
            #expect(throws: StoreError.contactAttemptDate(CalendarDate(iso: "2026-11-19")!, first: first, today: today)) {
                _ = try store.recordContactAttempt(zaak, attempt("2026-11-19"), by: caseworker)
            }
            #expect(throws: StoreError.contactAttemptDate(CalendarDate(iso: "2026-11-24")!, first: first, today: today)) {
                _ = try store.recordContactAttempt(zaak, attempt("2026-11-24"), by: caseworker)
            }
            #expect(try store.signalCase(zaak).zaak.attempts.isEmpty)
            #expect(throws: StoreError.signalResult(.reasonMissing)) { _ = try store.closeSignalCase(zaak, result: .otherReason, reason: " ", by: caseworker) }

            // H-2 repeats E-1: set aside on its own; the zaak's last waiting signal is not.
            #expect(throws: StoreError.signalResult(.reasonMissing)) { try store.setAsideSignal("H-2", status: .otherReason, reason: "", by: caseworker) }
            try store.setAsideSignal("H-2", status: .repeated, reason: "Zelfde achterstand als E-1", by: caseworker)
            #expect(throws: StoreError.signalResult(.onlySignal(caseId: zaak))) {
                try store.setAsideSignal("E-1", status: .unfounded, reason: "", by: caseworker)
            }
            let signals = try store.caseFile(household).signals.filter { $0.caseId == zaak }
            #expect(signals.map(\.status) == [.notYetPickedUp, .repeated] && signals[1].reason == "Zelfde achterstand als E-1")

            // An attempt of today picks up what waits, not what was set aside.
            _ = try store.recordContactAttempt(zaak, attempt("2026-11-23"), by: caseworker)
            #expect(try store.caseFile(household).signals.filter { $0.caseId == zaak }.map(\.status) == [.pickedUp, .repeated])
            _ = try store.closeSignalCase(zaak, result: .noContact, by: caseworker)
            #expect(throws: StoreError.signalCaseClosed(id: zaak)) { _ = try store.recordContactAttempt(zaak, attempt("2026-11-23"), by: caseworker) }
        }
    }

    @Test("A signal taken in by hand gets an ID, joins a zaak, and is delivered with the household's address; without address or BSN it is counted, not delivered")
    func byHand() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let added = try store.addSignal(Signal(partner: .huur, creditor: "Parteon", amount: Money(euros: 1_250), received: CalendarDate(iso: "2026-11-22"),
                                                   crisis: true), household: household, by: caseworker)
            let id = try #require(added.value.id)
            #expect(id.hasPrefix(household + "-s"))
            let queue = try store.signalQueue()
            #expect(queue.count == 1 && queue[0].crisis && queue[0].signals.map(\.id) == [id])
            let november = (CalendarDate(iso: "2026-11-01")!, CalendarDate(iso: "2026-11-30")!)
            let delivery = try store.signalDelivery(from: november.0, to: november.1)
            #expect(delivery.count == 1 && delivery[0].outreach != nil)
            // Named by address and birth date (Westzijde 12, 1506 EA; 12-04-1991), the BSN only where the standard needs it.
            #expect(delivery.first?.signals.first?.client == SignalClient(postcode: "1506 EA", houseNumber: "12", birthDate: CalendarDate(iso: "1991-04-12")))

            // A household with neither address nor BSN: its hand signal is in the queue and the
            // figures, and the delivery says it left it out.
            var file = try store.caseFile(household)
            file.household.id = "hh-zonder-adres"
            file.household.address = nil
            file.grants = []
            file.signals = []
            for i in file.household.members.indices { file.household.members[i].bsn = nil }
            let imported = try store.importCaseFiles([CaseFileSource(name: "zonder-adres.json", bytes: Array(CaseFileWriter.text(file).utf8))], by: caseworker)
            let nameless = try store.addSignal(Signal(partner: .water, creditor: "PWN", amount: Money(euros: 80), received: CalendarDate(iso: "2026-11-22")),
                                               household: imported[0], by: caseworker)
            let both = try store.signalDelivery(from: november.0, to: november.1)
            #expect(DDASDelivery.undeliverable(both) == [nameless.value.id ?? "?"])
            #expect(SignalFigures.compute(both).received == 2 && SignalFigures.compute(both).cases == 2)
            let json = JSONWriter.compact(DDASDelivery.report(both, from: november.0, to: november.1,
                                                              sender: .init(municipalityCode: "0479", organisation: "Gemeente Zaanstad"), at: testClock.now()))
            #expect(json.contains(id) && !json.contains(nameless.value.id ?? "?"))
        }
    }

    @Test("A result of the contact needs an attempt; a signal joining a picked-up zaak is picked up; closing leaves none waiting; one set aside no longer makes a crisis")
    func zaakKeepsItsSignalsTrue() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)   // today: 23 November 2026
            let bsn = SignalClient(bsn: BSN("111222333"))
            let first = try store.importSignals([Self.incoming("E-1", .energie, received: "2026-11-18", client: bsn),
                                                 Self.incoming("H-2", .huur, received: "2026-11-19", crisis: true, client: bsn)], by: caseworker)
            let zaak = try #require(first.cases.first)
            #expect(throws: StoreError.signalResult(.attemptFirst)) { _ = try store.closeSignalCase(zaak, result: .followUpFinancial, by: caseworker) }
            // H-2 was a mistake: set aside, the zaak is no crisis any more and its term is E-1's ten working days.
            try store.setAsideSignal("H-2", status: .unfounded, reason: "Verkeerde huurder", by: caseworker)
            let item = try #require(store.signalQueue().first)
            #expect(!item.crisis && item.activeSignals.map(\.id) == ["E-1"])
            #expect(item.contactDue(policy: .defaults) == CalendarDate(iso: "2026-12-02"))
            _ = try store.recordContactAttempt(zaak, ContactAttempt(kind: .telefoon, reached: true, date: CalendarDate(iso: "2026-11-23")!, partOfDay: .ochtend),
                                               by: caseworker)
            // W-3 joins the zaak already picked up: picked up with it.
            _ = try store.importSignals([Self.incoming("W-3", .water, received: "2026-11-22", client: bsn)], by: caseworker)
            func statuses() throws -> [String: SignalStatus] {
                Dictionary(uniqueKeysWithValues: try store.caseFile(household).signals.filter { $0.caseId == zaak }.map { ($0.id ?? "", $0.status) })
            }
            #expect(try statuses() == ["E-1": .pickedUp, "H-2": .unfounded, "W-3": .pickedUp])
            _ = try store.closeSignalCase(zaak, result: .followUpFinancial, by: caseworker)
            #expect(try statuses().values.allSatisfy { $0 != .notYetPickedUp })

            // A referral without the resident needs no attempt, and leaves nothing waiting.
            let other = try store.importSignals([Self.incoming("D-4", .duo, received: "2027-06-01", client: bsn)], by: caseworker)
            let second = try #require(other.cases.first)
            let referred = try store.closeSignalCase(second, result: .referredWithoutResident, by: caseworker)
            #expect(try store.caseFile(household).signals.first { $0.id == "D-4" }?.status == .pickedUp)
            // Picked up on the day of the result, so the delivery gives a datumOpgepakt.
            #expect(referred.pickedUp == CalendarDate(iso: "2026-11-23"))
        }
    }
}
