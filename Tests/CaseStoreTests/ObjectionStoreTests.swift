import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// Withdrawal, the reasons for the letter, and objections as units of work in the store.
@Suite("Withdrawal, letter reasons and objections in the store")
struct ObjectionStoreTests {
    static let secondLeader = Actor(user: "t.tweede", role: .teamleader)

    @Test("A withdrawn request stays on record, with its step in the history and the audit trail")
    func withdraw() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let draft = try GrantStoreTests.draft(store, household)
            let withdrawn = try store.withdrawGrant(draft, by: caseworker)
            #expect(try store.grant(draft.id).grant.status == .withdrawn)
            #expect(throws: StoreError.grantRefusals([.illegalTransition(from: .withdrawn, action: .submit)])) {
                _ = try store.submitGrant(withdrawn, by: caseworker)
            }
            let steps = try store.read { db in try String.fetchAll(db, sql: "SELECT action FROM grant_event WHERE grantId = ? ORDER BY id", arguments: [draft.id]) }
            #expect(steps == ["draft", "withdraw"])
            let audit = try store.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit WHERE action LIKE 'grant.%' ORDER BY rowid") }
            #expect(audit.suffix(1) == ["grant.withdraw"])
        }
    }

    @Test("Approving keeps the reasons as the reviewer edited them; rejecting keeps them as reasons and comment")
    func letterReasons() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let a = try GrantStoreTests.submitted(store, household)
            let approved = try store.decideGrant(a, .approve, comment: nil, letterReasons: "  Opvang houdt Sanne aan het werk.\n", by: leader.actor)
            #expect(approved.grant.letterReasons == "Opvang houdt Sanne aan het werk.")
            #expect(approved.grant.decisionComment == nil)
            let b = try GrantStoreTests.submitted(store, household, amount: 250_000)
            #expect(throws: StoreError.grantRefusals([.commentRequired(.reject)])) {
                _ = try store.decideGrant(b, .reject, comment: nil, letterReasons: " ", by: leader.actor)
            }
            let rejected = try store.decideGrant(b, .reject, comment: nil, letterReasons: "Dit is al vergoed.", by: leader.actor)
            #expect(rejected.grant.letterReasons == "Dit is al vergoed." && rejected.grant.decisionComment == "Dit is al vergoed.")
        }
    }

    @Test("An objection is recorded, listed for the team leader, decided upheld: the rejected grant is approved and payable")
    func objection() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try GrantStoreTests.setUp(folder)
            let submitted = try GrantStoreTests.submitted(store, household)
            let rejected = try store.decideGrant(submitted, .reject, comment: nil, letterReasons: "Er is een voorliggende voorziening.", by: leader.actor)
            #expect(try store.reviewCount(.objections) == 0)
            let today = store.clock.today
            #expect(throws: StoreError.grantRefusals([.objectionGroundsMissing])) {
                _ = try store.recordObjection(rejected, received: today, grounds: " ", by: caseworker)
            }
            let open = try store.recordObjection(rejected, received: today, grounds: "De voorziening vergoedt opvang niet.", by: caseworker)
            #expect(try store.reviewCount(.objections) == 1)
            #expect(try store.reviewPage(.objections, offset: 0, limit: 10).map(\.grant.id) == [open.id])
            #expect(try store.objections().map(\.id) == [open.id])
            #expect(throws: StoreError.grantRefusals([.notTeamLeader, .objectionOwnDecision])) {
                _ = try store.decideObjection(open, outcome: .upheld, reasons: "x", newDecision: "", by: caseworker)
            }
            let upheld = try store.decideObjection(open, outcome: .upheld, reasons: "De voorziening vergoedt opvang inderdaad niet.",
                                                   newDecision: "", by: Self.secondLeader)
            #expect(upheld.grant.status == .approved && upheld.grant.decidedBy == "t.tweede")
            #expect(try store.reviewCount(.objections) == 0)
            #expect(try store.reviewPage(.unpaid, offset: 0, limit: 10).map(\.grant.id).contains(open.id))
            let steps = try store.read { db in try String.fetchAll(db, sql: "SELECT action FROM grant_event WHERE grantId = ? ORDER BY id", arguments: [open.id]) }
            #expect(steps == ["draft", "submit", "reject", "objection", "objection.gegrond"])
            let audit = try store.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit WHERE action LIKE 'grant.objection%' ORDER BY rowid") }
            #expect(audit == ["grant.objection", "grant.objection.decide"])
            // The export carries the objection; it imports again to the same grant.
            let file = try store.caseFile(household)
            let written = CaseFileWriter.text(file)
            #expect(written.contains("\"objections\"") && written.contains("\"gegrond\""))
            guard case .success(let again) = CaseFileReader.read(text: written) else { Issue.record("does not read again"); return }
            #expect(again.grants.first { $0.id == open.id } == upheld.grant)
        }
    }

    @Test("Step 15 finds the open objection of a grant stored before it, in the document")
    func migration() throws {
        try withTemporaryFolder { folder in
            let (store, _) = try GrantStoreTests.setUp(folder)
            try store.writer.write { db in
                try db.execute(sql: """
                    UPDATE grant_request SET objectionOpenSince = NULL,
                        document = json_set(document, '$.objections', json('[{"decisionDate": "2026-11-09", "received": "2026-11-20", "grounds": "x", "outcome": "ongegrond"}, {"decisionDate": "2026-11-09", "received": "2026-11-27", "grounds": "y"}]'))
                    WHERE id = 'gr-1'
                    """)
                try Schema.openObjectionsFromDocuments(db)
            }
            #expect(try store.reviewPage(.objections, offset: 0, limit: 5).map(\.grant.id) == ["gr-1"])
            let since = try store.read { db in try String.fetchOne(db, sql: "SELECT objectionOpenSince FROM grant_request WHERE id = 'gr-1'") }
            #expect(since == "2026-11-27")
        }
    }
}
