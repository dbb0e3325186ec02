import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

@Suite("The dashboard")
struct DashboardTests {
    @Test("Golden dashboard over the demo data", arguments: [Language.nl, .en], ScreenTests.sizes)
    func golden(language: Language, size: Size) throws {
        try withDemoApp(user: "j.bakker", language: language, size: size) { app in
            app.handle(.key(.function(7)))
            #expect(app.state.screen == .dashboard)
            try assertGolden(app, "dashboard-\(language.rawValue)-\(size.width)x\(size.height)")
        }
    }

    @Test("The screen shows the figures of the report, also in ASCII")
    func figures() throws {
        try withDemoApp(user: "j.bakker", size: Size(width: 120, height: 60)) { app in
            app.handle(.key(.function(7)))
            let r = try #require(app.state.dashboard?.report)
            // hand-added over the demo data: 4180 + 978.45 + 1100 + 650 + 2294.90 + 3850 + 3600
            #expect(r.grants.count == 7)
            #expect(r.grants.total == Money(cents: 1_665_335))
            let text = app.render().text
            #expect(text.contains("7 · € 16.653,35"))
            #expect(text.contains(r.netAvoided.dutch))
            #expect(DashboardBars(ascii: true, width: 10).bar(0.5) == "#####")
            #expect(DashboardBars(ascii: false, width: 10).bar(0.55) == "█████▌")
            #expect(DashboardBars(ascii: false, width: 10).sparkline([0, 1, 8]) == "▁▁█")
            app.handle(.key(.escape))
            #expect(app.state.screen == .caseload)
        }
    }
}
