import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// Golden renders of a case from intake to closing: the intake (read back, with its
/// mistakes, the duplicate question), the overview's forms, the plan, a closed household,
/// the handover note — 80×24 and 120×40, Dutch and English, with diacritics, `€` and a wide
/// character.
@Suite("Golden screens of a case: intake, overview forms, plan, closing")
struct CaseScreenTests {
    static let cases: [(Language, Size)] = [Language.nl, .en].flatMap { l in ScreenTests.sizes.map { (l, $0) } }
    static func name(_ base: String, _ app: App) -> String {
        "\(base)-\(app.env.language.rawValue)-\(app.state.size.width)x\(app.state.size.height)"
    }
    static func keys(_ app: App, _ keys: Key...) { for key in keys { app.handle(.key(key)) } }
    static func type(_ app: App, _ text: String) { for c in text { app.handle(.key(.character(c))) } }

    @Test("The intake: typed and read back, its mistakes, the duplicate question", arguments: cases)
    func intake(language: Language, size: Size) throws {
        try withDemoApp(language: language, size: size) { app in
            Self.keys(app, .character("n"))
            Self.type(app, "Noëlle Verbeek 02-05-1986 111222333"); Self.keys(app, .enter)
            Self.type(app, "Rosmolenstraat 3 b, 1502ab Zaandam"); Self.keys(app, .enter)
            Self.type(app, "陈秀兰 14-03-2017"); Self.keys(app, .enter)
            Self.type(app, "Zoë Verbeek 31-02-2019")
            Self.keys(app, .up)
            try assertGolden(app, Self.name("intake-typed", app))
            Self.keys(app, .down, .end); for _ in 0..<10 { Self.keys(app, .backspace) }
            Self.type(app, "28-02-2019"); Self.keys(app, .function(2))
            try assertGolden(app, Self.name("intake-duplicates", app))
        }
    }

    @Test("The overview: an item chosen, the member and the signal forms (€ read back)", arguments: cases)
    func overviewForms(language: Language, size: Size) throws {
        try withDemoApp(user: "j.bakker", language: language, size: size) { app in
            try open("hh-demo-0005", in: app)
            Self.keys(app, .down, .down)
            try assertGolden(app, Self.name("overview-selected-0005", app))
            Self.keys(app, .enter)
            try assertGolden(app, Self.name("member-form-0005", app))
            Self.keys(app, .escape)
            let items = HouseholdOverview.items(HouseholdOverview.rows(try #require(app.state.household), ctx: app.context(), width: size.width - 3))
            let signal = try #require(items.firstIndex { if case .signal = $0 { true } else { false } })
            Self.keys(app, .home); for _ in 0..<signal { Self.keys(app, .down) }
            Self.keys(app, .enter)
            try assertGolden(app, Self.name("signal-form-0005", app))
        }
    }

    @Test("The plan: goals with who does what by when, an overdue action, the action form", arguments: cases)
    func plan(language: Language, size: Size) throws {
        try withDemoApp(user: "r.westra", language: language, size: size) { app in
            try open("hh-demo-0002", in: app)
            Self.keys(app, .character("5"), .character("a"))
            Self.type(app, "Noëlle betaalt de huur van € 812,50 weer op tijd"); Self.keys(app, .tab, .character("h")); Self.keys(app, .tab)
            Self.type(app, "01-06-2027"); Self.keys(app, .function(2))
            Self.keys(app, .character("+")); Self.type(app, "Betalingsregeling met de verhuurder"); Self.keys(app, .tab)
            Self.type(app, "Roos Westra"); Self.keys(app, .tab); Self.type(app, "20-11-2026"); Self.keys(app, .function(2))
            Self.keys(app, .character("+")); Self.type(app, "陈秀兰 helpt met de brieven"); Self.keys(app, .tab)
            Self.type(app, "陈秀兰"); Self.keys(app, .tab); Self.type(app, "15-12-2026")
            try assertGolden(app, Self.name("plan-action-form-0002", app))
            Self.keys(app, .function(2))
            try assertGolden(app, Self.name("plan-0002", app))
        }
    }

    @Test("A closed household, the closed list, and the handover note its new caseworker sees", arguments: cases)
    func closedAndHandover(language: Language, size: Size) throws {
        try withDemoApp(user: "j.bakker", language: language, size: size) { app in
            try app.env.store.closeHousehold("hh-demo-0009", reason: .moved, note: "Naar Wormerveer, € 0 schuld over", on: app.env.today,
                                             by: app.env.actor)
            while app.state.caseload.scope != .closed { Self.keys(app, .function(4)) }
            try assertGolden(app, Self.name("caseload-closed", app))
            try open("hh-demo-0009", in: app)
            try assertGolden(app, Self.name("household-closed-0009", app))
            try app.env.store.assignHousehold("hh-demo-0005", to: "r.westra", note: "Zoë belt liever na 16 uur; de huurachterstand is € 1.234,56.",
                                              by: app.env.actor)
            Self.keys(app, .escape)
            while app.state.caseload.scope != .all { Self.keys(app, .function(4)) }
            while app.env.staff.user != "r.westra" { Self.keys(app, .function(9)) }
            try open("hh-demo-0005", in: app)
            try assertGolden(app, Self.name("handover-0005", app))
        }
    }
}
