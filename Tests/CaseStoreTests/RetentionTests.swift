import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// A clock that stands still at one moment: a workstation on a later day.
func fixedClock(_ iso: String) -> WallClock { .fixed(Moment(iso: iso)!) }

@Suite("Retention: closed households past their period, anonymised")
struct RetentionTests {
    /// The day after the import: everything imported "today" (2026-11-23) is older.
    static let tomorrow = day("2026-11-24")

    /// Every sample household; gr-0002-1 approved with a comment, a draft typed on
    /// hh-demo-0002; then `closed` closed (straight in SQL: some have grants under way,
    /// which `closeHousehold` refuses).
    static func store(in folder: String, closed: [String]) throws -> Store {
        let store = try makeStore(in: folder)
        _ = try store.importCaseFiles(try sampleFileNames().map(sampleSource), by: caseworker)
        // The demo's early-warning signals, as a partner delivers them: Verbeek's rent signal matches by BSN.
        let delivery = try String(contentsOf: URL(fileURLWithPath: packageRoot.appendingPathComponent("sample-data/vroegsignalen.json").path), encoding: .utf8)
        _ = try store.importSignals(try DDASDelivery.readSignals(delivery).get(), by: caseworker)
        _ = try store.decideGrant(try store.grant("gr-0002-1"), .approve, comment: "Akkoord na gesprek met de verhuurder", by: leader.actor)
        try store.saveDraft(Conversation(date: day("2026-11-23"), author: "r.westra", notes: "Noëlle belt de verhuurder"),
                            conversationId: nil, household: "hh-demo-0002", by: caseworker)
        // The decision letter as sent, and a request being typed: both name her.
        _ = try store.recordLetter("Mevrouw N. Verbeek\nWij kennen u bijzondere bijstand toe.\n", grant: "gr-0002-1", household: "hh-demo-0002", by: leader.actor)
        try store.saveGrantFormDraft(#"{"texts":{"payeeName":"Verbeek Verhuur"},"motivation":"Noëlle Verbeek belde"}"#, grantId: nil,
                                     household: "hh-demo-0002", by: caseworker)
        // The payment file as sent: Bakkal's transfer says "Klantnummer 55102873 / Bakkal".
        let debtor = SEPACreditTransfer.Debtor(name: "Gemeente Zaanstad", iban: try #require(IBAN("NL91ABNA0417164300")))
        if let batch = try store.preparePayments(debtor: debtor, by: leader.actor, execution: day("2026-11-23")) {
            try store.recordPayments(batch, by: leader.actor)
        }
        try store.writer.write { db in
            for id in closed { try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = ?", arguments: [id]) }
        }
        return store
    }

    static func report(_ store: Store) throws -> PracticeReport {
        PracticeReport.compute(try store.reportFigures(team: nil, from: day("2020-01-01"), to: day("2026-12-31")),
                               from: day("2020-01-01"), to: day("2026-12-31"),
                               now: PracticeReport.endOfDay(day("2026-11-23")))
    }

    /// What the dashboard shows: the figures of `report --json`, and of each grant paid late
    /// its id, amount and dates.
    static func figures(_ store: Store) throws -> String {
        let r = try report(store)
        return JSONWriter.write(r.json) + r.late.map { "\($0.id ?? "?") \($0.amount.plain) \($0.decidedAt.iso) \($0.paidAt?.iso ?? "")\n" }.joined()
    }

    /// The texts of a case file that say who the people are: names, address, BSNs, IBANs,
    /// payees, and the free texts people typed.
    static func identifying(_ file: CaseFile) -> [String] {
        let h = file.household
        var texts = [h.name] + h.members.map(\.name) + h.members.compactMap { $0.bsn?.digits }
        texts += [h.address?.street, h.address?.postcode].compactMap { $0 }
        texts += file.grants.flatMap { [$0.payee.name, $0.payee.iban, $0.payee.reference, $0.motivation, $0.goalShort] }
        texts += file.conversations.flatMap { [$0.question, $0.notes, $0.ownStrength, $0.network] + $0.agreements.map(\.text) }
        texts += file.plan?.goals.map(\.text) ?? []
        return texts.filter { $0.count >= 5 }
    }

    @Test("Listed: closed households whose last change lies before the cutoff; a view makes none younger, a change does")
    func candidates() throws {
        try withTemporaryFolder { folder in
            let store = try Self.store(in: folder, closed: ["hh-demo-0002", "hh-demo-0003"])
            #expect(try store.retentionCandidates(before: Self.tomorrow).map(\.id) == ["hh-demo-0002", "hh-demo-0003"])
            #expect(try store.retentionCandidates(before: day("2026-11-23")).isEmpty) // exactly that day is not "before"
            let first = try #require(try store.retentionCandidates(before: Self.tomorrow).first)
            #expect(first.members == 3 && first.caseworker == "r.westra")

            // a workstation a year later: looking changes nothing, a change does (a closed
            // household takes one only once reopened; then closed again)
            let later = try Store.open(at: store.location, clock: fixedClock("2027-11-30T10:00:00+01:00"))
            try later.recordView(by: caseworker, household: "hh-demo-0002")
            let line = try #require(try later.ledgerLines(household: "hh-demo-0003").first)
            #expect(throws: StoreError.householdClosed(id: "hh-demo-0003")) { _ = try later.updateLedgerLine(line, to: line.entry, by: caseworker) }
            try later.reopenHousehold("hh-demo-0003", by: caseworker)
            _ = try later.updateLedgerLine(line, to: line.entry, by: caseworker)
            try later.writer.write { db in try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = 'hh-demo-0003'") }
            #expect(try store.retentionCandidates(before: day("2027-11-01")).map(\.id) == ["hh-demo-0002"])
        }
    }

    @Test("Anonymised: nobody can be found, the dashboard's figures stay exactly the same, and twice is harmless")
    func anonymise() throws {
        try withTemporaryFolder { folder in
            let closed = ["hh-demo-0002", "hh-demo-0003", "hh-demo-0005", "hh-demo-0006"]
            let store = try Self.store(in: folder, closed: closed)
            let before = try closed.map { try store.caseFile($0) }
            let figures = try Self.figures(store)
            // eight grants decided, five of them in households about to be anonymised; one of
            // those broke the 24-hour promise
            #expect(try Self.report(store).grants.count == 8)
            #expect(try Self.report(store).late.compactMap(\.id).contains("gr-0006-1"))
            let staleLine = try #require(try store.ledgerLines(household: "hh-demo-0003").first)
            let events = try count(store, "grant_event")
            // the names are in the file before (so the look at the file afterwards can fail)
            try store.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            #expect(try Data(contentsOf: URL(fileURLWithPath: store.location.path)).range(of: Data("Verbeek".utf8)) != nil)

            for id in closed {
                #expect(try store.anonymise(id, before: Self.tomorrow, by: leader.actor, reason: "test"))
            }
            try store.compactAfterAnonymising()
            // Verbeek's rent signal (sample-data/vroegsignalen.json): the BSN the landlord gave and its id are gone too.
            let kept = try store.read { db in
                try Row.fetchAll(db, sql: "SELECT client, signalId FROM signal WHERE householdId = 'hh-demo-0002'").map { [$0["client"] as String?, $0["signalId"] as String?] }
            }
            #expect(!kept.isEmpty && kept.allSatisfy { $0 == [nil, nil] }, "\(kept)")

            #expect(try Self.figures(store) == figures)
            for (old, id) in zip(before, closed) {
                let new = try store.caseFile(id)
                let text = CaseFileWriter.text(new)
                for secret in Self.identifying(old) { #expect(!text.contains(secret), "\(id) still holds \"\(secret)\"") }
                #expect(new.household.name == CaseFile.anonymisedHouseholdName && new.household.address == nil)
                #expect(new.household.members.map(\.role) == old.household.members.map(\.role))
                #expect(new.household.members.map { $0.birthDate?.year } == old.household.members.map { $0.birthDate?.year })
                #expect(new.household.members.allSatisfy { $0.bsn == nil && ($0.birthDate.map { $0.month == 1 && $0.day == 1 } ?? true) })
                #expect(new.finances.income.map(\.amount) == old.finances.income.map(\.amount))
                #expect(new.finances.debts.map(\.amount) == old.finances.debts.map(\.amount))
                #expect(new.grants.map(\.status) == old.grants.map(\.status))
                #expect(new.grants.map(\.amount) == old.grants.map(\.amount))
                #expect(new.grants.map(\.decidedAt) == old.grants.map(\.decidedAt))
                #expect(new.grants.allSatisfy { $0.payee.iban.isEmpty && $0.motivation.isEmpty })
                #expect(new.conversations.map(\.date) == old.conversations.map(\.date))
            }
            // what is kept beside the case file
            #expect(try count(store, "grant_event") == events)
            #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grant_event WHERE comment IS NOT NULL AND grantId = 'gr-0002-1'") } == 0)
            #expect(try store.draft(household: "hh-demo-0002", user: "r.westra") == nil)
            #expect(try store.grantFormDraft(household: "hh-demo-0002", user: "r.westra") == nil)
            // The payment file keeps Bakkal's transfer (id, amount, IBAN) without her name or customer number.
            let batches = try store.read { db in try String.fetchAll(db, sql: "SELECT document FROM payment_batch") }
            #expect(batches.count == 1 && batches[0].contains("<EndToEndId>gr-0003-2</EndToEndId>"))
            #expect(!batches[0].contains("55102873") && batches[0].contains("<Nm>Geanonimiseerd</Nm>"))
            // The letter as sent goes whole at the end of the period (its digest stays in the audit trail).
            #expect(try store.lastLetter(grant: "gr-0002-1") == nil)
            #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM letter") } == 0)
            // a workstation still holding the old text cannot save it back
            #expect(throws: StoreError.self) { _ = try store.updateLedgerLine(staleLine, to: staleLine.entry, by: caseworker) }

            // not findable: not in the search index, also when reopened
            let match = { (word: String) in
                try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM household_search WHERE household_search MATCH ?", arguments: [word]) }
            }
            try store.writer.write { db in try db.execute(sql: "UPDATE household SET status = 'open' WHERE id = 'hh-demo-0002'") }
            #expect(try match("verbeek") == 0)
            #expect(try store.caseloadCount(CaseloadFilter(search: "verbeek")) == 0)
            #expect(try store.caseloadCount(CaseloadFilter(search: "geanonimiseerd")) == 1)
            try store.writer.write { db in try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = 'hh-demo-0002'") }
            // and not in the file: replaced text was zeroed, the index merged, the log emptied
            let fileAfter = try Data(contentsOf: URL(fileURLWithPath: store.location.path))
                + ((try? Data(contentsOf: URL(fileURLWithPath: store.location.path + "-wal"))) ?? Data())
            for name in ["Verbeek", "Bakkal", "Mulder", "Al-Khatib", "797228184"] {
                #expect(fileAfter.range(of: Data(name.utf8)) == nil, "\"\(name)\" is still in the file")
            }

            // one audit row per household; the chain is whole
            let rows = try store.auditTrail().filter { $0.action == Store.anonymiseAction }
            #expect(rows.map(\.householdId) == closed)
            guard case .intact = try store.verifyAuditTrail(by: leader.actor) else { Issue.record("the chain broke"); return }

            // twice is harmless: nothing left to do, nothing written
            let after = try closed.map { try store.caseFile($0) }
            let auditCount = try count(store, "audit")
            #expect(try store.retentionCandidates(before: day("2030-01-01")).isEmpty)
            #expect(try !store.anonymise("hh-demo-0002", before: day("2030-01-01"), by: leader.actor, reason: "again"))
            #expect(try count(store, "audit") == auditCount)
            #expect(try closed.map { try store.caseFile($0) } == after)
        }
    }

    @Test("Team leaders only: a caseworker is refused and nothing changes; in a demo store a trainer may")
    func roles() throws {
        try withTemporaryFolder { folder in
            let store = try Self.store(in: folder, closed: ["hh-demo-0002"])
            let before = try store.caseFile("hh-demo-0002")
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .anonymise)) {
                _ = try store.anonymise("hh-demo-0002", before: Self.tomorrow, by: caseworker, reason: "test")
            }
            #expect(try store.caseFile("hh-demo-0002") == before)
            // an open household is never anonymised, whoever asks
            #expect(try !store.anonymise("hh-demo-0001", before: Self.tomorrow, by: leader.actor, reason: "test"))

            let demo = try Store.createDemo(from: sampleData, temporaryRoot: folder, clock: testClock)
            try demo.writer.write { db in try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = 'hh-demo-0004'") }
            let trainer = try #require(try demo.staff().first { $0.role == .trainer })
            #expect(try demo.anonymise("hh-demo-0004", before: day("2099-01-01"), by: trainer.actor, reason: "training"))
            #expect(try demo.caseFile("hh-demo-0004").household.name == CaseFile.anonymisedHouseholdName)
        }
    }
}
