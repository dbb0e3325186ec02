import CaseStore
import Casework
import Foundation
import GRDB
import Testing
@testable import Workstation

/// The household under the cursor read ahead in the caseload's pauses (HouseholdReadAhead):
/// once per household the cursor rests on, never while a search is typed, never a household
/// the user may not open, and never recorded as a view (nothing of it is shown).
@Suite("The household under the cursor read ahead")
struct HouseholdReadAheadTests {
    static func auditRows(_ app: App) throws -> Int {
        try app.env.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0 }
    }

    @Test("A pause reads the resting row's household once; ↓ and a pause the next; no view recorded; none while a search is typed")
    func restingRow() throws {
        try withDemoApp(user: "r.westra") { app in
            let before = try Self.auditRows(app)
            #expect(app.state.caseload.selectedRow?.id == "hh-demo-0003")
            #expect(app.state.caseload.readAhead.lastRead == nil)
            #expect(app.idleWait == 0.02)            // the loop wakes soon to read it
            #expect(app.pause())
            #expect(app.state.caseload.readAhead.lastRead == "hh-demo-0003")
            #expect(app.state.caseload.readAhead.started == 1)
            #expect(app.idleWait == nil)             // read: nothing left to wake for
            #expect(app.pause())
            #expect(app.state.caseload.readAhead.started == 1)   // not read a second time
            app.handle(.key(.down))
            #expect(app.idleWait == 0.02)
            #expect(app.pause())
            #expect(app.state.caseload.readAhead.lastRead == "hh-demo-0001")
            #expect(app.state.caseload.readAhead.started == 2)
            #expect(try Self.auditRows(app) == before, "a read-ahead is no view: nothing in the audit trail")
            // Typing a search: the row under the cursor changes with every letter; none is read.
            app.handle(.key(.character("/")))
            for c in "zoë" { app.handle(.key(.character(c))) }
            #expect(app.state.caseload.selectedRow?.id == "hh-demo-0002")
            #expect(app.pause())
            #expect(app.state.caseload.readAhead.started == 2)
            // Enter: the list has the keys again, and the found household is read ahead.
            app.handle(.key(.enter))
            #expect(app.pause())
            #expect(app.state.caseload.readAhead.lastRead == "hh-demo-0002")
            #expect(app.state.caseload.readAhead.started == 3)
            // Opening it after that records the view as always.
            app.handle(.key(.enter))
            #expect(app.state.screen == .household)
            #expect(try app.env.store.auditTrail(household: "hh-demo-0002").last?.action == "household.view")
        }
    }

    @Test("Another team's household under the cursor is passed over: nothing of it read")
    func otherTeamsHousehold() throws {
        try withDemoApp(user: "r.westra") { app in
            try assignDemoHouseholdToOtherTeam(app.env.store)
            app.handle(.key(.function(4)))   // all households
            #expect(app.pause())
            let startedBefore = app.state.caseload.readAhead.started
            while app.state.caseload.selectedRow?.id != "hh-demo-0004" {
                let at = app.state.caseload.list.selected
                app.handle(.key(.down))
                try #require(app.state.caseload.list.selected == at + 1, "hh-demo-0004 is not in the list")
            }
            #expect(app.pause())
            #expect(app.state.caseload.readAhead.lastRead == "hh-demo-0004")   // looked at, and passed over
            #expect(app.state.caseload.readAhead.started == startedBefore)     // ↓ in a row, no pause: none read; this one neither
            #expect(app.idleWait == nil)
        }
    }
}
