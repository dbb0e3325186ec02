import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The grant rules hold inside the store: a screen that is bypassed still cannot break them.
@Suite("Grants in the store")
struct GrantStoreTests {
    static let motivation = String(repeating: "Zonder kinderopvang verliest Sanne haar baan; dat kost meer dan dit. ", count: 2)
    static let teamleader2 = Actor(user: "t.tweede", role: .teamleader)

    /// A motivated request of `amount` cents, saved as a draft of `household` by the caseworker.
    static func draft(_ store: Store, _ household: String, amount: Int = 240_000) throws -> StoredGrant {
        try store.addGrantDraft(request(amount: amount, motivation: motivation), household: household, by: caseworker)
    }

    /// The same, submitted: above the mandate it waits for a team leader, within it it is approved.
    static func submitted(_ store: Store, _ household: String, amount: Int = 240_000) throws -> StoredGrant {
        try store.submitGrant(try draft(store, household, amount: amount), by: caseworker)
    }

    static func request(amount: Int, motivation: String = "") -> Grant {
        Grant(route: .custom, category: .kinderopvang, amount: Money(cents: amount),
              payee: Payee(name: "Kinderopvang De Zaan", iban: "NL91ABNA0417164300", reference: "Jansen/2026-11"),
              goalShort: "Sanne houdt haar baan", motivation: motivation)
    }

    static func setUp(_ folder: String) throws -> (Store, String) {
        let store = try makeStore(in: folder)
        try store.addStaff(StaffMember(user: "t.tweede", name: "Tweede Teamleider", role: .teamleader), by: leader.actor)
        let ids = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)
        return (store, ids[0])
    }

    @Test("Above the norm without motivation: refused in the transaction, nothing changes")
    func refusedWithoutMotivation() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try Self.setUp(folder)
            let draft = try store.addGrantDraft(Self.request(amount: 240_000), household: household, by: caseworker)
            let audit = try count(store, "audit")
            #expect(throws: StoreError.grantRefusals([.motivationTooShort(length: 0, required: 80)])) {
                _ = try store.submitGrant(draft, by: caseworker)
            }
            #expect(try store.grant(draft.id) == draft)
            #expect(try count(store, "audit") == audit)
            #expect(StoreError.grantRefusals([.motivationTooShort(length: 0, required: 80)]).message(in: .nl)
                    == "Boven de norm is een motivering van minstens 80 tekens nodig; er staan er 0.")
        }
    }

    @Test("Submitted above the mandate with the figures of that day; four eyes on approval")
    func submitAndApprove() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try Self.setUp(folder)
            let draft = try store.addGrantDraft(Self.request(amount: 240_000, motivation: Self.motivation), household: household,
                                                by: leader.actor)
            let submitted = try store.submitGrant(draft, by: leader.actor)
            #expect(submitted.grant.status == .submitted)
            // hh-demo-0001 on 2026-11-23 (table 2026-07-01): assessed 1750.00 − 150.00 = 1600.00 above
            // the threshold 1561.41; draagkracht (1600.00 − 1419.46) × 0.35 = 63.19 a month, 758.28
            // over 12 months, so of 2400.00 the grant can cover 2400.00 − 758.28 = 1641.72
            let snapshot = try #require(submitted.grant.snapshot)
            #expect(snapshot.normTest?.assessedIncome == Money(cents: 160_000))
            #expect(snapshot.draagkracht?.total == Money(cents: 75_828))
            #expect(snapshot.grantable == Money(cents: 164_172))
            // the team leader who submitted it may not approve it
            #expect(throws: StoreError.grantRefusals([.ownRequest])) {
                _ = try store.decideGrant(submitted, .approve, comment: nil, by: leader.actor)
            }
            #expect(throws: StoreError.grantRefusals([.notTeamLeader])) {
                _ = try store.decideGrant(submitted, .approve, comment: nil, by: caseworker)
            }
            let approved = try store.decideGrant(submitted, .approve, comment: "Akkoord", by: Self.teamleader2)
            #expect(approved.grant.status == .approved)
            #expect(approved.grant.decidedBy == "t.tweede")
            let paid = try store.payGrant(approved, by: Self.teamleader2)
            #expect(paid.grant.status == .paid)
            let evaluated = try store.evaluateGrant(paid, Evaluation(shortTerm: .yes, participation: "Werkt nog", societalCost: .higher),
                                                    by: caseworker)
            #expect(evaluated.grant.status == .evaluated)
            // every step in the audit trail and in the grant's history
            let actions = try store.auditTrail(household: household).map(\.action).filter { $0.hasPrefix("grant.") }
            #expect(actions == ["grant.draft", "grant.submit", "grant.approve", "grant.pay", "grant.evaluate"])
            let events = try store.read { db in try String.fetchAll(db, sql: "SELECT toStatus FROM grant_event WHERE grantId = ? ORDER BY id", arguments: [draft.id]) }
            #expect(events == ["draft", "submitted", "approved", "paid", "evaluated"])
            // a stale copy cannot be stepped again
            #expect(throws: StoreError.self) { _ = try store.payGrant(approved, by: Self.teamleader2) }
            // the snapshot survives export and import
            let file = try store.caseFile(household)
            let again = try CaseFileReader.read(text: CaseFileWriter.text(file)).get()
            #expect(again.grants.last?.snapshot == snapshot)
        }
    }

    @Test("Within the mandate the caseworker's submission approves it")
    func withinMandate() throws {
        try withTemporaryFolder { folder in
            let (store, household) = try Self.setUp(folder)
            let draft = try store.addGrantDraft(Self.request(amount: 150_000, motivation: Self.motivation), household: household, by: caseworker)
            let submitted = try store.submitGrant(draft, by: caseworker)
            #expect(submitted.grant.status == .approved)
            #expect(submitted.grant.approvedUnderMandate)
            #expect(submitted.grant.decidedBy == "r.westra")
        }
    }
}
