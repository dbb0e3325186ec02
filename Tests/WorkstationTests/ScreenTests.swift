import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// Golden renders of the caseload and the household overview: 80×24 and 120×40, Dutch and
/// English, with diacritics (ë é ü), euro amounts and a wide character (陈秀兰).
@Suite("Golden screens")
struct ScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test("Caseload, all households", arguments: [Language.nl, .en], sizes)
    func caseload(language: Language, size: Size) throws {
        try withDemoApp(language: language, size: size) { app in
            app.handle(.key(.function(4))) // all households
            try assertGolden(app, "caseload-all-\(language.rawValue)-\(size.width)x\(size.height)")
        }
    }

    @Test("Caseload of one caseworker, searching", arguments: [Language.nl, .en])
    func caseloadSearching(language: Language) throws {
        try withDemoApp(language: language, size: Size(width: 80, height: 24)) { app in
            app.handle(.key(.character("/")))
            for c in "kok" { app.handle(.key(.character(c))) }
            try assertGolden(app, "caseload-search-\(language.rawValue)-80x24")
        }
    }

    @Test("Household overview", arguments: ["hh-demo-0005", "hh-demo-0007"], sizes)
    func household(id: String, size: Size) throws {
        for language in [Language.nl, .en] {
            try withDemoApp(user: "j.bakker", language: language, size: size) { app in
                try open(id, in: app)
                try assertGolden(app, "household-\(id.suffix(4))-\(language.rawValue)-\(size.width)x\(size.height)")
            }
        }
    }

    @Test("Help over the caseload, and the too-small notice")
    func helpAndTooSmall() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            app.handle(.key(.function(1)))
            try assertGolden(app, "caseload-help-nl-80x24")
            app.handle(.key(.escape))
            app.handle(.resize(Size(width: 60, height: 20)))
            try assertGolden(app, "too-small-nl-60x20")
        }
    }
}

/// Selects the household `id` in the caseload (all open households, or the closed ones
/// when that list is shown) and opens it.
func open(_ id: String, in app: App) throws {
    if app.state.caseload.scope == .mine { app.handle(.key(.function(4))) }
    if app.state.caseload.scope == .closed && app.state.caseload.count == 0 { app.handle(.key(.function(4))) }
    for _ in 0..<app.state.caseload.count {
        if app.state.caseload.selectedRow?.id == id { break }
        app.handle(.key(.down))
    }
    try #require(app.state.caseload.selectedRow?.id == id, "\(id) not in the caseload")
    app.handle(.key(.enter))
    try #require(app.state.household?.id == id)
}
