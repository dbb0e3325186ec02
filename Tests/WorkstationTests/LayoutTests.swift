import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The layout check with the longest realistic values: a household whose amounts reach
/// € 99.999,99, with 40-character labels, double-barrelled names and a Chinese name
/// (Fixtures/hh-lang-0001.json), walked through every screen and state at 80×24, 100×30 and
/// 120×40 in both languages. No amount, date or other figure may lose a digit and no
/// message may be cut (CutText); words may be shortened with "…".
@Suite("Nothing is cut: every screen with the longest values")
struct LayoutTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]

    static func importLongHousehold(_ app: App) throws {
        let bytes = try #require(FileManager.default.contents(atPath: packageRoot.appendingPathComponent("Tests/WorkstationTests/Fixtures/hh-lang-0001.json").path))
        _ = try app.env.store.importCaseFiles([CaseFileSource(name: "hh-lang-0001.json", bytes: Array(bytes))],
                                              by: Actor(user: "j.bakker", role: .teamleader))
    }

    /// The Dutch screens of a walk, to look for English in when the walk is done.
    final class Renders: @unchecked Sendable { var screens: [(what: String, text: String)] = [] }
    @TaskLocal static var renders: Renders?

    /// Draws the screen, and with help over it, checking both.
    static func look(_ app: App, _ what: String, help: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = checkedRender(app, what, sourceLocation: sourceLocation)
        if app.env.language == .nl { renders?.screens.append((what, screen.text)) }
        guard help, app.state.help == nil else { return }
        app.handle(.key(.function(1)))
        for page in 0..<4 {
            let helpScreen = checkedRender(app, what + ", help page \(page + 1)", sourceLocation: sourceLocation)
            if app.env.language == .nl { renders?.screens.append((what + ", help", helpScreen.text)) }
            app.handle(.key(.pageDown))
        }
        app.handle(.key(.escape))
    }

    /// Words that are Dutch as well as English, decided one by one (the catalogue's Dutch side
    /// is not asked: an English word put there by mistake would then count as Dutch).
    static let bothLanguages: Set<String> = ["alcohol", "awb", "caseload", "dashboard", "drugs", "letters", "scores", "shell", "teams", "whatsapp", "zrm"]

    /// Words of the English texts a Dutch walk used that are not Dutch: not in a Dutch text
    /// of the catalogue or of the households shown (nor part of one: a word cut off by a
    /// dialog's border shows as a piece), and not a key's name on the keyboard (Home, End).
    /// The English that must never show on a Dutch screen.
    static func englishOnly(_ catalogue: TextCatalogue) throws -> Set<String> {
        func words(_ texts: [String]) -> Set<String> {
            Set(texts.flatMap { $0.lowercased().split { !$0.isLetter } }.filter { $0.count >= 3 }.map(String.init))
        }
        let data = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("sample-data").path)
            .map { packageRoot.appendingPathComponent("sample-data/" + $0) } + [packageRoot.appendingPathComponent("Tests/WorkstationTests/Fixtures/hh-lang-0001.json")]
        let dutch = words(try data.map { try String(contentsOf: $0, encoding: .utf8) })
        let keyNames: Set<String> = ["home", "end", "enter", "esc", "tab", "shift", "ctrl", "del", "ins", "pgup", "pgdn"]
        return words(catalogue.english).subtracting(dutch).subtracting(keyNames).subtracting(bothLanguages)
            .filter { word in !dutch.contains { $0.contains(word) } }
    }

    static func keys(_ app: App, _ keys: Key...) { for key in keys { app.handle(.key(key)) } }
    static func type(_ app: App, _ text: String) { for c in text { app.handle(.key(.character(c))) } }

    @Test("Every screen and state, at three sizes, in Dutch and English; the Dutch ones without English", arguments: [Language.nl, .en], sizes)
    func everyScreen(language: Language, size: Size) throws {
        let catalogue = TextCatalogue(), renders = Renders()
        try Language.$catalogue.withValue(catalogue) {
            try Self.$renders.withValue(renders) { try Self.walk(language: language, size: size) }
        }
        guard language == .nl else { return }
        let english = try Self.englishOnly(catalogue)
        #expect(english.count > 100, "the English catalogue of the walk is too small to mean anything: \(english.count) words")
        for (what, text) in renders.screens {
            let found = Set(text.lowercased().split { !$0.isLetter }.map(String.init)).intersection(english)
            #expect(found.isEmpty, "English on the Dutch screen \(what): \(found.sorted())")
        }
    }

    static func walk(language: Language, size: Size) throws {
        try withDemoApp(user: "j.bakker", language: language, size: size) { app in
            try Self.importLongHousehold(app)
            let at = "\(language.rawValue) \(size.width)×\(size.height)"
            // the caseload, all of it, and a search
            Self.keys(app, .function(4))
            Self.look(app, "caseload \(at)", help: true)
            Self.keys(app, .character("/")); Self.type(app, "berg")
            Self.look(app, "search \(at)")
            Self.keys(app, .escape)
            try open("hh-lang-0001", in: app)

            // the overview, page by page, then every item's form, and the plan
            for page in 0..<4 { Self.look(app, "overview page \(page + 1) \(at)", help: page == 0); Self.keys(app, .pageDown) }
            try Self.walkOverviewAndPlan(app, at)

            // the ledger: every line of every section, the explanations, the forms
            Self.keys(app, .character("2"))
            Self.look(app, "ledger \(at)", help: true)
            for section in 0..<4 {
                for line in 0..<5 { Self.look(app, "ledger section \(section + 1) line \(line + 1) \(at)"); Self.keys(app, .down) }
                Self.keys(app, .character("x")); Self.look(app, "ledger explained \(section + 1) \(at)"); Self.keys(app, .escape)
                Self.keys(app, .home, .enter); Self.look(app, "ledger line edited \(section + 1) \(at)", help: true)
                Self.keys(app, .escape, .delete); Self.look(app, "ledger delete asked \(section + 1) \(at)"); Self.keys(app, .escape)
                Self.keys(app, .tab)
            }
            Self.keys(app, .character("a"))
            Self.type(app, "Een omschrijving van precies veertig tek"); Self.keys(app, .tab); Self.type(app, "99.999,99")
            Self.look(app, "ledger new line \(at)")
            for mistake in ["1,2,3", "12,345", "-5"] {
                for _ in 0..<12 { Self.keys(app, .backspace) }
                Self.type(app, mistake)
                Self.look(app, "ledger amount \(mistake) \(at)")
            }
            Self.keys(app, .enter)
            Self.look(app, "ledger refused save \(at)")
            Self.keys(app, .escape)

            // the conversations: the list and every field of the form
            Self.keys(app, .character("3"))
            Self.look(app, "conversations \(at)", help: true)
            Self.keys(app, .enter)
            for field in 0..<ConversationForm.fields.count {
                Self.look(app, "conversation field \(field + 1) \(at)", help: field == 0)
                if case .domain? = app.state.household?.conversations?.form?.field {
                    Self.keys(app, .function(8)); Self.look(app, "conversation score asked \(field + 1) \(at)"); Self.keys(app, .escape)
                    Self.keys(app, .control("t")); Self.look(app, "conversation questions \(field + 1) \(at)"); Self.keys(app, .control("t"))
                }
                Self.keys(app, .tab)
            }
            Self.keys(app, .escape); Self.look(app, "conversation closing \(at)"); Self.keys(app, .character("d"))

            // the grants: every request, and the form with its mistakes
            Self.keys(app, .character("4"))
            for row in 0..<3 { Self.look(app, "grants row \(row + 1) \(at)", help: row == 0); Self.keys(app, .down) }
            Self.keys(app, .character("a"))
            for field in GrantRequestForm.Field.allCases {
                switch field {
                case .amount: Self.type(app, "3.450,7")
                case .payeeName: Self.type(app, "Stichting Woningcorporatie Zaandam-Oost en Wormerland")
                case .iban: Self.type(app, "NL91ABNA0417164301")
                case .urgency: Self.type(app, "31-02-2026")
                case .motivation: Self.type(app, "kort")
                case .businessCase: Self.type(app, "Noodopvang | 99.999,99\nzonder bedrag")
                default: break
                }
                Self.look(app, "grant form \(field) \(at)", help: field == .route)
                Self.keys(app, .tab)
            }
            Self.keys(app, .function(2)); Self.look(app, "grant draft refused \(at)")
            Self.keys(app, .escape, .escape)

            // the review queue as its team leader: each list, a request, a decision
            Self.keys(app, .function(6))
            for list in ["1", "2", "3", "4"] { Self.keys(app, .character(Character(list))); Self.look(app, "review list \(list) \(at)", help: list == "1") }
            Self.keys(app, .character("1"))
            for _ in 0..<5 { if app.state.review?.item(app.state.review?.selected ?? 0)?.grant.id == "gr-lang-1" { break }; Self.keys(app, .down) }
            Self.keys(app, .enter); Self.look(app, "review request \(at)", help: true)
            // the read-only pages of the request: its finances, its last conversation
            Self.keys(app, .character("2")); Self.look(app, "review finances \(at)")
            Self.keys(app, .character("3")); Self.look(app, "review conversation \(at)")
            Self.keys(app, .character("1"))
            Self.keys(app, .character("w")); Self.type(app, String(repeating: "Een toelichting die langer is dan de regel. ", count: 4))
            Self.look(app, "review comment \(at)")
            Self.keys(app, .escape, .escape, .escape)

            // a case from intake to closing
            try Self.walkIntake(app, at)

            // the dashboard, own team and all teams, scrolled
            Self.keys(app, .function(7))
            for page in 0..<3 { Self.look(app, "dashboard page \(page + 1) \(at)", help: page == 0); Self.keys(app, .pageDown) }
            Self.keys(app, .function(4), .home); Self.look(app, "dashboard all teams \(at)")
            Self.keys(app, .escape)

            // the signals queue: a zaak, the attempt's prompt, the result list; a signal nobody matched set aside
            Self.keys(app, .function(12)); Self.look(app, "signals queue \(at)", help: true)
            Self.keys(app, .character("a")); Self.look(app, "signals attempt \(at)")
            Self.keys(app, .character("t")); Self.look(app, "signals attempt reached? \(at)")
            Self.keys(app, .escape, .character("e")); Self.look(app, "signals result \(at)")
            Self.keys(app, .escape)
            while app.state.signals?.selectedUnmatched == nil { Self.keys(app, .down) }
            Self.look(app, "signals unmatched \(at)")
            Self.keys(app, .delete); Self.look(app, "signals set aside \(at)")
            Self.keys(app, .escape, .escape)
            #expect(app.state.screen == .caseload, "the walk did not come back to the caseload")
        }
    }

    @Test("A long refusal wraps on the status line instead of being cut", arguments: sizes)
    func longMessage(size: Size) throws {
        try withDemoApp(size: size) { app in
            app.show(String(repeating: "Dit IBAN is geen geldig IBAN: de controle (mod 97) klopt niet; controleer op een tikfout. ", count: 2),
                     isError: true)
            _ = checkedRender(app, "a long message \(size.width)×\(size.height)")
        }
    }
}
