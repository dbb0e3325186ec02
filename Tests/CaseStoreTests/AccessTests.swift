import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// Who may open which household (Access.swift): the rules hold in the store, whatever
/// screen or command asks, and every refused attempt is in the audit trail.
@Suite("Roles: who may open what")
struct AccessTests {
    static let west = Actor(user: "w.west", role: .caseworker)

    /// hh-demo-0001 (caseworker r.westra, team "") in a store with a caseworker of another team.
    func setUp(_ folder: String) throws -> (Store, String) {
        let store = try makeStore(in: folder)
        try store.addStaff(StaffMember(user: "w.west", name: "Wim West", role: .caseworker, team: "Wijkteam West"), by: leader.actor)
        let id = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)[0]
        return (store, id)
    }

    func assign(_ store: Store, _ id: String, to user: String) throws {
        try store.assignHousehold(id, to: user, by: leader.actor)
    }

    /// As a file imported without a caseworker is: held by no one, of no team.
    func release(_ store: Store, _ id: String) throws {
        try store.change(by: leader.actor, household: id, action: "test.release", detail: "") { db, _ in
            try db.execute(sql: "UPDATE household SET caseworker = NULL, team = NULL WHERE id = ?", arguments: [id])
        }
    }

    @Test("A caseworker opens their own team's households, and another team's only once assigned")
    func caseworkerOfAnotherTeam() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            #expect(try store.caseFile(id).household.caseworker == "r.westra")
            #expect(throws: StoreError.notAllowed(user: "w.west", role: .caseworker, action: .openOtherTeamsHousehold)) {
                _ = try store.viewCaseFile(id, by: Self.west, action: "household.view")
            }
            #expect(try !store.mayView(household: id, by: Self.west))
            // the attempt is recorded, the view is not
            let trail = try store.auditTrail(household: id).filter { $0.user == "w.west" }
            #expect(trail.map(\.action) == ["household.view.refused"])
            // the same team (both without a team name here), the team leader: allowed
            _ = try store.viewCaseFile(id, by: otherCaseworker, action: "household.view")
            _ = try store.viewCaseFile(id, by: leader.actor, action: "household.view")
            // assigned to w.west: allowed; and r.westra, now of another team's household, not
            try assign(store, id, to: "w.west")
            _ = try store.viewCaseFile(id, by: Self.west, action: "household.view")
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .openOtherTeamsHousehold)) {
                _ = try store.viewCaseFile(id, by: caseworker, action: "household.view")
            }
            // held by no one and of no team (imported without a caseworker): every caseworker may pick it up
            try release(store, id)
            _ = try store.viewCaseFile(id, by: caseworker, action: "household.view")
            #expect(try store.mayView(household: id, by: Self.west))
        }
    }

    @Test("A caseworker changes nothing in a household that went to another team while it was open")
    func noChangesInAnotherTeamsHousehold() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            try assign(store, id, to: "w.west")
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .openOtherTeamsHousehold)) {
                try store.change(by: caseworker, household: id, action: "ledger.add", detail: "x") { _, _ in }
            }
            #expect(try store.auditTrail(household: id).last?.action == "household.assign")
            try store.change(by: Self.west, household: id, action: "ledger.add", detail: "x") { _, _ in }
        }
    }

    @Test("A trainer gets nothing from a real store, and everything from a demo store")
    func trainerOnlyInDemo() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            let trainer = Actor(user: "a.dekker", role: .trainer)
            #expect(throws: StoreError.notAllowed(user: "a.dekker", role: .trainer, action: .openRealStore)) {
                try store.requireMayOpen(as: trainer)
            }
            #expect(throws: StoreError.notAllowed(user: "a.dekker", role: .trainer, action: .openRealStore)) {
                _ = try store.viewCaseFile(id, by: trainer, action: "household.view")
            }
            let demo = try Store.createDemo(from: sampleData, temporaryRoot: folder, clock: testClock)
            try demo.requireMayOpen(as: trainer)
            _ = try demo.viewCaseFile("hh-demo-0001", by: trainer, action: "household.view")
        }
    }

    @Test("A caseworker decides nothing: no approval, no rejection, not even within the queue's reach")
    func caseworkerDecidesNothing() throws {
        try withTemporaryFolder { folder in
            let (store, id) = try setUp(folder)
            let request = GrantStoreTests.request(amount: 240_000, motivation: GrantStoreTests.motivation)  // above the mandate
            let draft = try store.addGrantDraft(request, household: id, by: caseworker)
            let submitted = try store.submitGrant(draft, by: caseworker)
            #expect(submitted.grant.status == .submitted)
            for action in [GrantAction.approve, .reject] {
                #expect(throws: StoreError.grantRefusals([.notTeamLeader])) {
                    _ = try store.decideGrant(submitted, action, comment: "zelf", by: otherCaseworker)
                }
            }
            #expect(try store.grant(submitted.id).grant.status == .submitted)
        }
    }
}
