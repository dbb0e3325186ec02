import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// Staff kept right on a team's store, and the counters screens follow.
@Suite("Staff changed and deactivated; change counters")
struct TeamStaffTests {
    @Test("A team leader changes role, team and name, audited with before and after; a caseworker may not")
    func change() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .manageStaff)) {
                _ = try store.changeStaff("s.elidrissi", team: "West", by: caseworker)
            }
            let changed = try store.changeStaff("r.westra", name: "Roos Westra-de Vries", team: "West", by: leader.actor)
            #expect(changed.name == "Roos Westra-de Vries" && changed.team == "West" && changed.role == .caseworker)
            #expect(try store.staffMember("r.westra") == changed)
            let detail = try store.read { db in try String.fetchOne(db, sql: "SELECT detail FROM audit WHERE action = 'staff.change'") }
            #expect(detail == "r.westra: Roos Westra, caseworker, team - → Roos Westra-de Vries, caseworker, team West")
        }
    }

    @Test("A leaver is refused from then on; their name stays; reactivated they are back")
    func leaver() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            try store.deactivateStaff("s.elidrissi", by: leader.actor)
            #expect(throws: StoreError.deactivated(user: "s.elidrissi")) { _ = try store.staffMember("s.elidrissi") }
            #expect(try store.staff().first { $0.user == "s.elidrissi" }?.active == false)
            #expect(try store.staff().first { $0.user == "s.elidrissi" }?.name == "Samira El Idrissi")
            try store.reactivateStaff("s.elidrissi", by: leader.actor)
            #expect(try store.staffMember("s.elidrissi").active)
        }
    }

    @Test("Never the last active team leader: not deactivated, not made caseworker; with a second one it can")
    func lastTeamLeader() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(throws: StoreError.lastTeamLeader(user: "j.bakker")) { try store.deactivateStaff("j.bakker", by: leader.actor) }
            #expect(throws: StoreError.lastTeamLeader(user: "j.bakker")) {
                _ = try store.changeStaff("j.bakker", role: .caseworker, by: leader.actor)
            }
            _ = try store.changeStaff("r.westra", role: .teamleader, by: leader.actor)
            try store.deactivateStaff("j.bakker", by: leader.actor)
            #expect(throws: StoreError.deactivated(user: "j.bakker")) { _ = try store.staffMember("j.bakker") }
        }
    }

    @Test("A household's counter rises with every saved part; the requests' counter with every request")
    func counters() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let ids = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)
            let other = try store.importCaseFiles([try sampleSource("hh-demo-0004.json")], by: caseworker)
            let before = try store.householdChangeCounter(ids[0])
            let otherBefore = try store.householdChangeCounter(other[0])
            let grantsBefore = try store.grantsChangeCounter()
            let line = try store.addLedgerLine(.expense(ExpenseLine(label: "Fiets", amount: Money(cents: 1_000), frequency: .month,
                                                                    category: .vervoer)), household: ids[0], by: caseworker)
            #expect(try store.householdChangeCounter(ids[0]) > before)
            let afterLine = try store.householdChangeCounter(ids[0])
            try store.deleteLedgerLine(line, by: caseworker)
            #expect(try store.householdChangeCounter(ids[0]) > afterLine)
            #expect(try store.householdChangeCounter(other[0]) == otherBefore)
            _ = try store.addGrantDraft(GrantStoreTests.request(amount: 10_000), household: ids[0], by: caseworker)
            #expect(try store.grantsChangeCounter() > grantsBefore)
        }
    }
}
