import Foundation
import GRDB
import Testing

/// The real binary in terminals that make life hard: too small, resized in a storm, dumb,
/// or in a locale that is not UTF-8. Each ends with the terminal as it was (`stty -a`).
@Suite("Terminal edge cases end to end under tmux", .serialized)
struct TerminalEdgeCaseTests {
    /// The words on the screen, wherever the window wrapped them.
    static func words(_ screen: String) -> String {
        screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let notice = "Het venster is te klein (20×6). Maak het minstens 80×24; F10 stopt."

    @Test("20×6: a notice and nothing else; keys do nothing; at 80×24 the caseload is back; q, Esc and F10 quit")
    func tooSmall() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let tmux = try Tmux(folder: folder, width: 20, height: 6, environment: Tmux.sampleData)
            try tmux.runBetweenStty(binary, "demo")
            tmux.waitUntil("the notice") { Self.words($0) == Self.notice }

            try tmux.keys("j", "Down", "Enter", "a", "/", "x", "F4", "F7", "F1", "Tab", "DC")
            tmux.waitForInputRead()
            #expect(Self.words(tmux.screen) == Self.notice)

            try tmux.resize(width: 80, height: 24)
            tmux.waitFor("F1 Help")
            let lines = tmux.lines
            #expect(lines.count == 24)
            #expect(lines.first?.hasPrefix(" Keukentafel · Roos Westra") == true)
            #expect(lines[1].hasPrefix(" Mijn huishoudens · 5 huishoudens"))     // F4 did not switch to all
            #expect(lines[3].hasPrefix(" › "))                                  // the first row is still selected
            #expect(lines.last?.hasPrefix(" F1 Help  Enter Openen") == true)
            #expect(!tmux.screen.contains("te klein"))
            #expect(!tmux.screen.contains("Zoeken:"))            // "/" and "x" started no search
            #expect(!tmux.screen.contains("Help —"))             // F1 opened no help

            try tmux.resize(width: 20, height: 6)
            tmux.waitUntil("the notice again") { Self.words($0) == Self.notice }
            try tmux.keys("q")
            tmux.waitFor("EXIT=0")
            let (before, after) = try sttyBeforeAndAfter(folder)
            #expect(!before.isEmpty)
            #expect(before == after, "stty -a differs after quitting")

            for (n, key) in ["Escape", "F10"].enumerated() {
                try tmux.shell("clear; \(Tmux.quote(binary.path)) demo; echo QUIT\(n)=$?")
                tmux.waitUntil("the notice (\(key))") { Self.words($0) == Self.notice }
                try tmux.keys(key)
                tmux.waitFor("QUIT\(n)=0")
            }
        }
    }

    /// The screen once a frame is complete: two captures in a row agree and the key bar is
    /// on the last line.
    static func settled(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var previous = ""
        var settled = ""
        tmux.waitUntil("the screen to settle", sourceLocation: sourceLocation) { screen in
            defer { previous = screen }
            guard screen == previous, screen.split(separator: "\n").last?.hasPrefix(" F1 Help") == true else { return false }
            settled = screen
            return true
        }
        return settled
    }

    /// Sizes the storm goes through: tiny, too small, just too small, and large.
    static let stormSizes = [(20, 6), (80, 24), (1, 1), (132, 43), (40, 12), (79, 24), (100, 30), (80, 23), (3, 2), (120, 40)]

    /// `count` resizes paced over `seconds`, ending at `final`; returns how long it took.
    static func storm(_ tmux: Tmux, count: Int = 200, seconds: Double = 2, final: (Int, Int) = (80, 24)) throws -> Double {
        let start = Date()
        for i in 0..<count {
            let (w, h) = i == count - 1 ? final : stormSizes[i % stormSizes.count]
            try tmux.resize(width: w, height: h)
            // Halfway, proof that the program follows the storm: it shows the notice for 20×6.
            if i == count / 2 && (w, h) == (20, 6) { tmux.waitUntil(timeout: 5, "the notice mid-storm") { words($0) == notice } }
            let due = start.addingTimeInterval(seconds * Double(i + 1) / Double(count))
            let wait = due.timeIntervalSinceNow
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
        return Date().timeIntervalSince(start)
    }

    /// The terminal reset and cleared (`send-keys -R`) while ncurses believes it still shows
    /// `text`, then SIGWINCH at the same size: the program must send everything again.
    static func clearTerminalAndSignalResize(_ tmux: Tmux, showing text: String,
                                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let pid = try #require(tmux.foregroundPID, sourceLocation: sourceLocation)
        try tmux.run(["send-keys", "-R", "-t", tmux.session])
        tmux.waitUntil("the terminal cleared", sourceLocation: sourceLocation) { !$0.contains(text) }
        #expect(kill(pid, SIGWINCH) == 0, sourceLocation: sourceLocation)
    }

    /// What a resize storm can leave behind, made certain: the terminal lost what was on it
    /// (`send-keys -R` resets and clears it) while ncurses believes it still shows the
    /// caseload. On SIGWINCH the program must send everything again, not only what changed.
    @Test("SIGWINCH at the same size after the terminal was cleared: everything is drawn again")
    func resizeToTheSameSize() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let tmux = try Tmux(folder: folder, width: 80, height: 24, environment: Tmux.sampleData)
            try tmux.runBetweenStty(binary, "demo")
            tmux.waitFor("Mijn huishoudens")
            let caseload = Self.settled(tmux)
            try Self.clearTerminalAndSignalResize(tmux, showing: "Mijn huishoudens")
            tmux.waitUntil("the caseload drawn again") { $0 == caseload }
            try tmux.keys("F10")
            tmux.waitFor("EXIT=0")
        }
    }

    /// The backend sends a frame as the cells that changed since the one before. Screens
    /// that move wide characters, diacritics and colours about, drawn that way, must leave
    /// the terminal exactly as a whole repaint draws the same screen (a cleared terminal and
    /// SIGWINCH), colours and attributes included.
    @Test("Frames sent as their changes leave the terminal as a whole repaint draws it")
    func changedCellsOnly() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let tmux = try Tmux(folder: folder, width: 100, height: 30, environment: Tmux.sampleData)
            try tmux.runBetweenStty(binary, "demo")
            tmux.waitFor("陈秀兰")
            try tmux.keys("/")
            try tmux.type("verb")          // the rows below move up: 陈秀兰 gives way to narrow text
            tmux.waitFor("1 huishouden ")
            try tmux.keys("Escape")        // and back, on other columns than before
            tmux.waitFor("陈秀兰")
            try tmux.keys("F4")            // another list, another column
            tmux.waitFor("Alle huishoudens")
            try tmux.keys("Down", "Down", "Enter")
            tmux.waitFor("Leefgebieden (ZRM)")
            try tmux.keys("Escape")
            tmux.waitFor("Alle huishoudens")
            _ = Self.settled(tmux)
            let changed = Self.visibleCells(tmux.styledScreen)
            #expect(changed.joined(separator: "\n").contains("陈秀兰"))
            #expect(changed.joined(separator: "\n").contains("[reverse]"), "the selected row's style is compared too")
            try Self.clearTerminalAndSignalResize(tmux, showing: "Alle huishoudens")
            tmux.waitFor("Alle huishoudens")
            _ = Self.settled(tmux)
            let whole = Self.visibleCells(tmux.styledScreen)
            #expect(changed.count == 30)
            for (y, (a, b)) in zip(changed, whole).enumerated() {
                #expect(a == b, "row \(y + 1) drawn by changes:\n\(a)\nrepainted whole:\n\(b)")
            }
            try tmux.keys("F10")
            tmux.waitFor("EXIT=0")
        }
    }

    /// The rows of `capture-pane -e` as what a person sees: each character with its colours
    /// and attributes, a space with only what shows on a space (background, reverse,
    /// underline), blank cells at a row's end left out. Terminals may keep an erased cell's
    /// attributes or not (ncurses erases to the end of a row on a whole repaint), which the
    /// eye cannot tell apart.
    static func visibleCells(_ styled: String) -> [String] {
        styled.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            var codes: [Int] = []   // what is in force since the last reset
            var cells: [String] = []
            var scalars = Substring(line).unicodeScalars[...]
            while let scalar = scalars.first {
                scalars = scalars.dropFirst()
                if scalar == "\u{1B}", scalars.first == "[" {
                    let body = scalars.dropFirst().prefix { $0 != "m" }
                    scalars = scalars.dropFirst(body.count + 2)
                    for code in String(String.UnicodeScalarView(body)).split(separator: ";", omittingEmptySubsequences: false).map({ Int($0) ?? 0 }) {
                        if code == 0 { codes = [] } else { codes.append(code) }
                    }
                    continue
                }
                let background = codes.last { (40...49).contains($0) || (100...107).contains($0) }.map { $0 == 49 ? "" : " bg\($0)" } ?? ""
                var look = background + (codes.contains(7) ? " [reverse]" : "") + (codes.contains(4) ? " underline" : "")
                if scalar != " " {
                    let foreground = codes.last { (30...39).contains($0) || (90...97).contains($0) }.map { $0 == 39 ? "" : " fg\($0)" } ?? ""
                    look += foreground + (codes.contains(1) ? " bold" : "") + (codes.contains(2) ? " dim" : "")
                }
                cells.append(look.isEmpty ? String(scalar) : "\(scalar){\(look.dropFirst())}")
            }
            while cells.last == " " { cells.removeLast() }
            return cells.joined()
        }
    }

    @Test("200 resizes in two seconds on the caseload and again while typing a note: alive, the right screen, the text intact")
    func resizeStorm() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = try sampleStore(in: folder)
            let tmux = try Tmux(folder: folder, width: 80, height: 24, environment: ["KEUKENTAFEL_STORE": store])
            try tmux.runBetweenStty(binary, "")
            tmux.waitFor("Mijn huishoudens")
            try tmux.keys("F4")
            tmux.waitFor("Sanne Jansen")
            let caseload = Self.settled(tmux)
            let first = try Self.storm(tmux)
            #expect(first < 10, "the storm took \(first) s")
            tmux.waitUntil("the caseload as it was before the storm") { $0 == caseload }
            #expect(tmux.lines.last?.hasPrefix(" F1 Help  Enter Openen") == true)

            try tmux.keys("Enter")
            tmux.waitFor("Leefgebieden (ZRM)")
            try typeNewConversation(tmux, note: ConversationEndToEndTests.note)
            tmux.waitForInputRead()
            let typing = Self.settled(tmux)
            let second = try Self.storm(tmux)
            #expect(second < 10, "the storm took \(second) s")
            tmux.waitUntil("the note as it was before the storm") { $0 == typing }
            try tmux.type(" Daarna verder.")
            tmux.waitFor(ConversationEndToEndTests.note + " Daarna verder.")
            #expect(tmux.lines.count == 24)
            #expect(tmux.lines.last?.hasPrefix(" F1 Help  F2 Opslaan") == true)
            try tmux.keys("F2")
            tmux.waitFor("Gesprek opgeslagen.")
            try tmux.keys("Escape")
            tmux.waitFor("Alle huishoudens")
            try tmux.keys("F10")
            tmux.waitFor("EXIT=0")
            let (before, after) = try sttyBeforeAndAfter(folder)
            #expect(!before.isEmpty)
            #expect(before == after, "stty -a differs after the storms")
            let export = try CLI.run(["export", "hh-demo-0001", "--store", store])
            #expect(export.stdout.contains(ConversationEndToEndTests.note + " Daarna verder."))
            #expect(export.stdout.contains("Sanne wil haar baan houden."))
        }
    }

    @Test("TERM=dumb: one sentence that says what to do, exit 64, nothing drawn, the terminal as it was")
    func dumbTerminal() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = try sampleStore(in: folder)
            let tmux = try Tmux(folder: folder, width: 100, height: 30, environment: ["KEUKENTAFEL_STORE": store])
            try tmux.shell("clear; stty -a > before.txt; TERM=dumb \(Tmux.quote(binary.path)); echo EXIT=$?; stty -a > after.txt")
            tmux.waitFor("EXIT=64")
            let words = Self.words(tmux.joinedScreen)
            #expect(words.contains("Terminaltype TERM=\"dumb\" kan de cursor niet plaatsen; de werkplek heeft een volledig scherm nodig. Open hem in een echte terminal (xterm, GNOME Terminal, PuTTY, tmux). EXIT=64"))
            // Only the command line, the sentence and the status: no escape sequences shown as text.
            let shown = tmux.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(shown.count <= 5, "\(shown)")
            #expect(!tmux.screen.contains("^["))
            let (before, after) = try sttyBeforeAndAfter(folder)
            #expect(!before.isEmpty)
            #expect(before == after, "stty -a differs after TERM=dumb")
            let views = try DatabaseQueue(path: store).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE action = 'household.view'")
            }
            #expect(views == 0)
        }
    }

    @Test("LANG=C: ASCII names, amounts in EUR, +-| and no mojibake; typed accents do no harm", arguments: ["LANG", "LC_ALL"])
    func cLocale(variable: String) throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            // LANG=C alone, or LC_ALL=C over a UTF-8 LANG: both are the C locale.
            let locale = variable == "LANG" ? ["LANG": "C", "LC_ALL": ""] : ["LANG": "C.UTF-8", "LC_ALL": "C"]
            let tmux = try Tmux(folder: folder, width: 100, height: 30, environment: Tmux.sampleData.merging(locale) { $1 })
            try tmux.runBetweenStty(binary, "demo")
            tmux.waitFor("De taalinstelling is geen UTF-8: tekens zonder accenten (zet LANG=C.UTF-8).")
            try tmux.keys("F4")
            tmux.waitFor("Alle huishoudens - 9 huishoudens")
            let screen = tmux.screen
            #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "not ASCII:\n\(screen)")
            #expect(screen.hasPrefix(" Keukentafel - Roos Westra (regisseur, "))
            #expect(screen.contains("DEMO - oefengegevens"))
            for name in ["Noelle Verbeek", "Rene Zijlstra", "Naima Bak", "Lois de Wit", "Jurgen Mulder & Renee Muld", "Chen Xiulan"] {
                #expect(screen.contains(name), "\(name) not on the screen:\n\(screen)")
            }
            #expect(screen.components(separatedBy: "EUR 6.500,00").count == 3)
            // "?" only where a character has no ASCII form at all: the Chinese name.
            for line in tmux.lines where line.contains("?") { #expect(line.contains("Chen Xiulan"), "\(line)") }

            // tmux sends UTF-8 under LANG=C, as a terminal over ssh without LANG does: the ë
            // arrives whole (shown as e) and the key after it is not lost.
            try tmux.keys("/")
            try tmux.type("verbeëk")
            try tmux.type("x")
            tmux.waitFor("Zoeken: verbeekx")
            try tmux.keys("BSpace")
            tmux.waitFor("1 huishouden")
            try tmux.keys("Enter", "Enter")
            tmux.waitFor("Leefgebieden (ZRM)")
            try tmux.keys("2")
            tmux.waitFor("Financien")
            tmux.waitFor("per maand EUR")
            let ledger = tmux.screen
            #expect(ledger.unicodeScalars.allSatisfy { $0.isASCII }, "not ASCII:\n\(ledger)")
            #expect(!ledger.contains("?"), "a ? in the ledger:\n\(ledger)")
            #expect(ledger.contains("+-") || ledger.contains("|") || ledger.contains("---"))
            try tmux.keys("Escape")
            tmux.waitFor("Alle huishoudens")
            try tmux.keys("F10")
            tmux.waitFor("EXIT=0")
            let (before, after) = try sttyBeforeAndAfter(folder)
            #expect(before == after, "stty -a differs after LANG=C")
        }
    }
}
