import CaseStore
import Casework
import Foundation
import GRDB
import Testing
@testable import Workstation

/// Roles on the screen: what a caseworker cannot reach, said in a sentence, nothing shown.
@Suite("Roles on the screen")
struct RoleScreenTests {
    @Test("A caseworker's F6 does not open the review queue: a sentence, the caseload stays")
    func caseworkerHasNoReviewQueue() throws {
        try withDemoApp(user: "r.westra") { app in
            app.handle(.key(.function(6)))
            #expect(app.state.screen == .caseload)
            #expect(app.state.review == nil)
            #expect(app.state.message?.text == "De beoordelingslijst is voor teamleiders.")
            #expect(!app.render().text.contains("F6 Beoordelen"))
        }
    }

    @Test("A caseworker cannot open another team's household, sees why, and can once it is assigned to them")
    func otherTeamsHousehold() throws {
        try withDemoApp(user: "r.westra") { app in
            let store = app.env.store
            let leader = try assignDemoHouseholdToOtherTeam(store)
            func assign(_ user: String) throws { try store.assignHousehold("hh-demo-0004", to: user, by: leader) }
            app.handle(.key(.function(4)))   // all households
            app.handle(.key(.character("/")))
            let name = try store.caseFile("hh-demo-0004").household.name
            for c in name { app.handle(.key(.character(c))) }
            app.handle(.key(.enter))
            #expect(app.state.caseload.selectedRow?.id == "hh-demo-0004")
            // the list shows who and where, not how it is doing
            let adults = try #require(app.state.caseload.selectedRow?.adults)
            let row = try #require(app.render().lines.first { $0.contains(adults) })
            #expect(row.contains("elders"))
            #expect(!row.contains("€"))
            // the household's team decides, not where its caseworker works now: w.west moving
            // to r.westra's team leaves the household with team West until it is transferred
            try store.change(by: leader, household: nil, action: "staff.team", detail: "w.west to Zaandam-Oost") { db, _ in
                try db.execute(sql: "UPDATE staff SET team = 'Wijkteam Zaandam-Oost' WHERE user = 'w.west'")
            }
            app.handle(.key(.escape))
            app.handle(.key(.character("/")))
            for c in name { app.handle(.key(.character(c))) }
            app.handle(.key(.enter))
            #expect(app.render().lines.first { $0.contains(adults) }?.contains("elders") == true)
            app.handle(.key(.enter))
            #expect(app.state.screen == .caseload)
            #expect(app.state.household == nil)
            #expect(app.render().text.contains("Dit huishouden hoort bij een ander team"))
            #expect(try store.auditTrail(household: "hh-demo-0004").last?.action == "household.view.refused")
            try assign("r.westra")
            app.handle(.key(.enter))
            #expect(app.state.screen == .household)
            #expect(app.state.household?.id == "hh-demo-0004")
        }
    }
}
