import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// A returned request is no dead end: mended and sent in again; rejecting and returning say why.
@Suite("Returned requests and the reasons for a decision")
struct GrantReturnTests {
    @Test("Returning or rejecting without a comment is refused; with one it goes")
    func commentRequired() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let draft = try GrantStoreTests.draft(store, household)
            let submitted = try store.submitGrant(draft, by: caseworker)
            #expect(throws: StoreError.grantRefusals([.commentRequired(.return)])) {
                _ = try store.decideGrant(submitted, .return, comment: "  ", by: leader.actor)
            }
            #expect(throws: StoreError.grantRefusals([.commentRequired(.reject)])) {
                _ = try store.decideGrant(submitted, .reject, comment: nil, by: leader.actor)
            }
            let returned = try store.decideGrant(submitted, .return, comment: "Reken eerst de beslagvrije voet uit.", by: leader.actor)
            #expect(returned.grant.status == .returned)
        }
    }

    @Test("The caseworker mends a returned request: a draft again, the comment kept; then submitted again")
    func mendAndResubmit() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let draft = try GrantStoreTests.draft(store, household)
            let submitted = try store.submitGrant(draft, by: caseworker)
            let returned = try store.decideGrant(submitted, .return, comment: "Zet het bedrag op € 2.300.", by: leader.actor)
            var mended = returned.grant
            mended.amount = Money(cents: 230_000)
            let saved = try store.updateGrantDraft(returned, to: mended, by: caseworker)
            #expect(saved.grant.status == .draft)
            #expect(saved.grant.decisionComment == "Zet het bedrag op € 2.300.")
            let again = try store.submitGrant(saved, by: caseworker)
            #expect(again.grant.status == .submitted)
            // The application's date stays the first submission's (the decision term counts from it).
            #expect(again.grant.submittedAt != nil && again.grant.submittedAt == submitted.grant.submittedAt)
            #expect(again.grant.amount == Money(cents: 230_000))
            let steps = try store.read { db in try String.fetchAll(db, sql: "SELECT action FROM grant_event WHERE grantId = ? ORDER BY id", arguments: [again.id]) }
            #expect(steps == ["draft", "submit", "return", "reopen", "submit"])
        }
    }

    @Test("A returned request can be submitted again as it stands")
    func resubmitDirectly() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let draft = try GrantStoreTests.draft(store, household)
            let returned = try store.decideGrant(try store.submitGrant(draft, by: caseworker), .return, comment: "Graag de offerte erbij.",
                                                 by: leader.actor)
            #expect(try store.submitGrant(returned, by: caseworker).grant.status == .submitted)
        }
    }
}

/// Marking paid by hand is money: a team leader's, and it can be taken back.
@Suite("Paid by hand")
struct PaidByHandTests {
    @Test("A caseworker may not mark paid; a team leader may, and take it back: payable again")
    func payAndUndo() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let draft = try GrantStoreTests.draft(store, household, amount: 120_000)
            let approved = try store.submitGrant(draft, by: caseworker)       // within the mandate
            #expect(approved.grant.status == .approved)
            #expect(throws: StoreError.grantRefusals([.notTeamLeader])) { _ = try store.payGrant(approved, by: caseworker) }
            let paid = try store.payGrant(approved, by: leader.actor)
            #expect(paid.grant.status == .paid)
            let debtor = SEPACreditTransfer.Debtor(name: "Gemeente Zaanstad", iban: try IBAN.check("NL91ABNA0417164300").get())
            #expect(try store.preparePayments(debtor: debtor, by: leader.actor, execution: CalendarDate(iso: "2026-11-24")!)?
                .grantIds.contains(paid.id) != true)
            let back = try store.unpayGrant(paid, by: leader.actor)
            #expect(back.grant.status == .approved && back.grant.paidAt == nil)
            #expect(try store.preparePayments(debtor: debtor, by: leader.actor, execution: CalendarDate(iso: "2026-11-24")!)?
                .grantIds.contains(paid.id) == true)
            #expect(try store.paymentBatch(ofGrant: paid.id) == nil)
        }
    }
}

@Suite("Letters as sent")
struct SentLetterTests {
    @Test("A letter is kept with its hash; nothing changes or deletes it")
    func unchangeable() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let sent = try store.recordLetter("Beste Sanne,\n", grant: "gr-1", household: household, by: leader.actor)
            // SHA-256 of "Beste Sanne,\n" as `sha256sum` (and Python's hashlib) computes it.
            #expect(sent.sha256 == "3fdc3b6ac1715dff16ab33d10c40444599e6a20022583a9f0359b30fa12b69bc")
            #expect(try store.lastLetter(grant: "gr-1")?.text == "Beste Sanne,\n")
            #expect(throws: (any Error).self) { try store.writer.write { db in try db.execute(sql: "UPDATE letter SET text = 'x'") } }
            #expect(throws: (any Error).self) { try store.writer.write { db in try db.execute(sql: "DELETE FROM letter") } }
            #expect(try store.lastLetter(grant: "gr-1")?.text == "Beste Sanne,\n")
        }
    }

    @Test("Step 20 computes a kept letter's digest again from its text, and the letter stays unchangeable")
    func digestMended() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            _ = try store.recordLetter("Beste Sanne,\n", grant: "gr-1", household: household, by: leader.actor)
            // As before step 20: the digest of the digest's bytes.
            try store.writer.write { db in
                try db.execute(sql: "DROP TRIGGER letter_never_changes")
                try db.execute(sql: "UPDATE letter SET sha256 = ?", arguments: [SHA256.hex(SHA256.hash(Array("Beste Sanne,\n".utf8)))])
                try db.execute(sql: "CREATE TRIGGER letter_never_changes BEFORE UPDATE ON letter BEGIN SELECT RAISE(ABORT, 'a letter as sent is never changed'); END")
            }
            #expect(try store.lastLetter(grant: "gr-1")?.sha256 != "3fdc3b6ac1715dff16ab33d10c40444599e6a20022583a9f0359b30fa12b69bc")
            try store.writer.write { db in try Schema.letterDigests(db) }
            #expect(try store.lastLetter(grant: "gr-1")?.sha256 == "3fdc3b6ac1715dff16ab33d10c40444599e6a20022583a9f0359b30fa12b69bc")
            #expect(throws: (any Error).self) { try store.writer.write { db in try db.execute(sql: "UPDATE letter SET text = 'x'") } }
        }
    }
}

@Suite("Paid through a payment file")
struct PaidThroughFileTests {
    @Test("Recording a batch pays its grants from that moment (history pay.batch); such a payment is not taken back")
    func batchPays() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            _ = try store.importCaseFiles([try sampleSource("hh-demo-0003.json")], by: caseworker)   // gr-0003-2 approved, unpaid
            let debtor = SEPACreditTransfer.Debtor(name: "Gemeente Zaanstad", iban: try #require(IBAN("NL91ABNA0417164300")))
            let batch = try #require(try store.preparePayments(debtor: debtor, by: leader.actor, execution: day("2026-11-23")))
            #expect(batch.grantIds == ["gr-0003-2"])
            try store.recordPayments(batch, by: leader.actor)
            let paid = try store.grant("gr-0003-2")
            #expect(paid.grant.status == .paid && paid.grant.paidBy == leader.user && paid.grant.paidAt != nil)
            let last = try store.read { db in
                try Row.fetchOne(db, sql: "SELECT action, comment FROM grant_event WHERE grantId = 'gr-0003-2' ORDER BY id DESC LIMIT 1")
                    .map { [$0["action"] as String? ?? "", $0["comment"] as String? ?? ""] }
            }
            #expect(last == ["pay.batch", batch.id])
            #expect(throws: StoreError.grantRefusals([.notMarkedPaidByHand])) { _ = try store.unpayGrant(paid, by: leader.actor) }
            #expect(try store.preparePayments(debtor: debtor, by: leader.actor, execution: day("2026-11-23")) == nil)
            // In the household's own audit trail too.
            let audited = try store.read { db in
                try String.fetchAll(db, sql: "SELECT detail FROM audit WHERE action = 'grant.pay.batch' AND householdId = 'hh-demo-0003'")
            }
            #expect(audited == ["gr-0003-2 978.45 \(batch.id)"])

            // Step 21: a grant exported before a file paid it (left approved) is paid from its file's moment.
            let before = try store.grant("gr-0003-2")
            var unpaid = before.grant
            unpaid.status = .approved; unpaid.paidAt = nil; unpaid.paidBy = nil
            let fileMoment = try #require(Moment(iso: batch.createdAt))
            try store.writer.write { db in
                _ = try Store.write(db, before, unpaid, user: "j.bakker", at: fileMoment)
                let row = try Row.fetchOne(db, sql: "SELECT status FROM grant_request WHERE id = 'gr-0003-2'")
                #expect(row?["status"] as String? == "approved")
                try Store.payExportedGrants(db)
            }
            let mended = try store.grant("gr-0003-2").grant
            #expect(mended.status == .paid && mended.paidAt == fileMoment)
        }
    }
}
