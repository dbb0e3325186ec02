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

    @Test("Rules that blocked a good outcome: by rule, how often and what it cost, from the register")
    func barriers() throws {
        try withDemoApp(user: "j.bakker", size: Size(width: 120, height: 90)) { app in
            let rw = Actor(user: "r.westra", role: .caseworker)
            try app.env.store.recordRuleBarrier(rule: "Kostendelersnorm (art. 22a)", household: "hh-demo-0002", what: "Zoon bleef niet wonen.",
                                                cost: Money(cents: 250_000), by: rw)
            try app.env.store.recordRuleBarrier(rule: "Kostendelersnorm (art. 22a)", household: nil, what: "Idem.", cost: Money(cents: 100_000), by: rw)
            try app.env.store.recordRuleBarrier(rule: "Verrekening toeslagen", household: nil, what: "Onder de beslagvrije voet.", cost: nil, by: rw)
            app.handle(.key(.function(7)))
            let text = app.render().text
            #expect(text.contains("Regels die een goede uitkomst blokkeerden"))
            let lines = text.split(separator: "\n").map(String.init)
            let first = try #require(lines.firstIndex { $0.contains("Kostendelersnorm (art. 22a)") })
            #expect(lines[first].contains("2× · € 3.500,00"))
            #expect(lines[first + 1].contains("Verrekening toeslagen") && lines[first + 1].contains("1× · € 0,00"))
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
