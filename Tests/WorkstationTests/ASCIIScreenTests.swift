import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The screens in a locale that is not UTF-8 (LANG=C): ASCII only, amounts with "EUR",
/// names without accents, and no character of the interface turned into "?".
@Suite("Screens in ASCII mode")
struct ASCIIScreenTests {
    /// The app's state drawn in ASCII mode (as the launcher asks when the backend reports a
    /// locale that is not UTF-8): same state, same layout code, only the buffer's mode differs.
    static func ascii(_ app: App) -> ScreenBuffer { app.render(ascii: true) }

    @Test("Golden caseload in ASCII: EUR, names without accents, +-| borders")
    func goldenCaseload() throws {
        try withDemoApp(size: Size(width: 80, height: 24)) { app in
            app.handle(.key(.function(4)))
            try assertGolden(app, "caseload-all-nl-80x24-ascii", ascii: true)
            let screen = Self.ascii(app)
            let text = screen.text
            #expect(text.contains("Noelle Verbeek"))
            #expect(text.contains("EUR 6.500,00"))
            #expect(!text.contains("E 6.500,00 "))
        }
    }

    /// Every screen a caseworker or team leader reaches, with demo data.
    static func everyScreen(_ app: App) throws -> [(String, ScreenBuffer, ScreenBuffer)] {
        var screens: [(String, ScreenBuffer, ScreenBuffer)] = []
        func keep(_ name: String) { screens.append((name, app.render(), ascii(app))) }
        app.handle(.key(.function(4)))
        keep("caseload")
        app.handle(.key(.function(1))); keep("caseload help"); app.handle(.key(.escape))
        app.handle(.key(.character("/"))); for c in "zoë" { app.handle(.key(.character(c))) }; keep("search")
        app.handle(.key(.escape))
        app.handle(.key(.function(7))); keep("dashboard"); app.handle(.key(.escape))
        app.handle(.key(.function(6))); keep("review queue")
        app.handle(.key(.enter)); keep("review item"); app.handle(.key(.escape)); app.handle(.key(.escape))
        for id in ["hh-demo-0002", "hh-demo-0007"] {
            app.handle(.key(.home))
            try open(id, in: app)
            keep("\(id) overview")
            app.handle(.key(.character("2"))); keep("\(id) ledger")
            app.handle(.key(.character("x"))); keep("\(id) ledger explained"); app.handle(.key(.escape))
            app.handle(.key(.character("a"))); keep("\(id) ledger form"); app.handle(.key(.escape))
            app.handle(.key(.character("3"))); keep("\(id) conversations")
            app.handle(.key(.character("a"))); keep("\(id) conversation form")
            app.handle(.key(.function(1))); keep("\(id) conversation help"); app.handle(.key(.escape))
            app.handle(.key(.escape)); app.handle(.key(.character("d")))
            app.handle(.key(.character("4"))); keep("\(id) grants")
            app.handle(.key(.character("a"))); keep("\(id) grant form"); app.handle(.key(.escape))
            app.handle(.key(.escape))
            try #require(app.state.screen == .caseload, "back on the caseload after \(id)")
        }
        return screens
    }

    @Test("Every character of every screen has an ASCII stand-in; only Chinese and emoji become ?",
          arguments: [Language.nl, .en])
    func noMojibake(language: Language) throws {
        try withDemoApp(user: "j.bakker", language: language, size: Size(width: 120, height: 40)) { app in
            let screens = try Self.everyScreen(app)
            #expect(screens.count >= 20)
            var missing: Set<Character> = []
            for (name, unicode, ascii) in screens {
                #expect(ascii.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) }, "\(name): not ASCII")
                for cell in unicode.cells {
                    for character in cell.text where !character.isASCII && DisplayWidth.of(character) == 1 {
                        if ASCIIFallback.short(character).contains("?") { missing.insert(character) }
                    }
                }
                // Everything but the wide characters of names keeps its place: "?" only stands for those.
                let questionMarks = ascii.text.filter { $0 == "?" }.count
                let allowed = unicode.text.filter { $0 == "?" }.count
                    + unicode.cells.filter { $0.width == 2 && ASCIIFallback.short(Character($0.text)) == "??" }.count * 2
                #expect(questionMarks <= allowed, "\(name): \(questionMarks - allowed) unexpected \"?\"\n\(ascii.text)")
            }
            #expect(missing.isEmpty, "no ASCII stand-in for \(missing.sorted())")
        }
    }
}
