import Foundation
import GRDB
import Testing

/// The real binary in a real terminal (tmux, private socket, 100×30, xterm-256color,
/// C.UTF-8): keys in, screen and store checked.
@Suite("The workstation end to end under tmux", .serialized)
struct WorkstationEndToEndTests {
    @Test("demo: caseload, search, open, help, back, resize, quit with the terminal restored")
    func demoSession() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let tmux = try Tmux(folder: folder, environment: Tmux.sampleData)
            try tmux.runBetweenStty(binary, "demo")
            tmux.waitFor("Mijn huishoudens")
            let start = tmux.screen
            #expect(start.contains("DEMO"))
            #expect(start.contains("Noëlle Verbeek"))
            #expect(start.contains("陈秀兰"))
            #expect(start.contains("5 huishoudens"))

            try tmux.keys("/")
            try tmux.type("verb")
            tmux.waitFor("1 huishouden ")
            #expect(!tmux.screen.contains("Sanne Jansen"))
            #expect(tmux.screen.contains("Noëlle Verbeek"))

            try tmux.keys("Enter")   // from the search field to the list
            try tmux.keys("Enter")   // open
            tmux.waitFor("Leefgebieden (ZRM)")
            #expect(tmux.screen.contains("Huishouden Verbeek"))

            try tmux.keys("F1")
            tmux.waitFor("Terug naar de caseload")
            try tmux.keys("Escape")
            tmux.waitUntil("help to close") { !$0.contains("Terug naar de caseload") && $0.contains("Leefgebieden") }
            try tmux.keys("Escape")
            tmux.waitFor("Mijn huishoudens")

            try tmux.resize(width: 60, height: 20)
            tmux.waitFor("te klein")
            try tmux.resize(width: 100, height: 30)
            tmux.waitFor("Mijn huishoudens")
            #expect(tmux.screen.contains("Noëlle Verbeek"))

            try tmux.keys("q")
            tmux.waitFor("EXIT=0")
            let (before, after) = try sttyBeforeAndAfter(folder)
            #expect(!before.isEmpty)
            #expect(before == after, "stty -a differs after quitting")
        }
    }

    @Test("kill -TERM restores the terminal and exits with the signal's status")
    func terminated() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let tmux = try Tmux(folder: folder, environment: Tmux.sampleData)
            try tmux.runBetweenStty(binary, "demo")
            tmux.waitFor("Mijn huishoudens")
            let pid = try #require(tmux.foregroundPID, "no process in the pane")
            kill(pid, SIGTERM)
            tmux.waitFor("EXIT=143")
            let (before, after) = try sttyBeforeAndAfter(folder)
            #expect(before == after, "stty -a differs after SIGTERM")
        }
    }

    @Test("On a real store, opening a household is in the audit trail under the OS user")
    func realStoreAudit() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = try sampleStore(in: folder)
            let tmux = try Tmux(folder: folder, environment: ["KEUKENTAFEL_STORE": store])
            try tmux.shell("\(Tmux.quote(binary.path)) --theme monochrome; echo EXIT=$?")
            openSanneJansen(tmux)
            try tmux.keys("Escape")
            tmux.waitFor("Alle huishoudens")
            try tmux.keys("F10")
            tmux.waitFor("EXIT=0")
            let queue = try DatabaseQueue(path: store)
            let views = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT user, householdId FROM audit WHERE action = 'household.view'")
            }
            #expect(views.count == 1)
            #expect(views.first?["householdId"] == "hh-demo-0001")
        }
    }
}

/// A store made with init and the example of docs/case-file.md imported, in `folder`.
func sampleStore(in folder: URL) throws -> String {
    let store = folder.appendingPathComponent("store/k.sqlite").path
    #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
    #expect(try CLI.run(["import", "--store", store, CLI.sample]).status == 0)
    return store
}

/// From the caseload of that store, as its team leader: all households, then hh-demo-0001.
func openSanneJansen(_ tmux: Tmux, until shown: String = "Leefgebieden (ZRM)", sourceLocation: SourceLocation = #_sourceLocation) {
    tmux.waitFor("Mijn huishoudens", sourceLocation: sourceLocation)
    _ = try? tmux.keys("F4")        // all households: the OS user is not the caseworker of the sample
    tmux.waitFor("Sanne Jansen", sourceLocation: sourceLocation)
    _ = try? tmux.keys("Enter")
    tmux.waitFor(shown, sourceLocation: sourceLocation)
}

/// From a household's screen: a new conversation (3, a), its question, Tab, and `note`
/// typed in the next field, waited for on the screen.
func typeNewConversation(_ tmux: Tmux, note: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try tmux.keys("3")
    tmux.waitFor("Nieuw gesprek", sourceLocation: sourceLocation)
    try tmux.keys("a")
    tmux.waitFor("Hulpvraag", sourceLocation: sourceLocation)
    try tmux.type("Sanne wil haar baan houden.")
    try tmux.keys("Tab")
    try tmux.type(note)
    tmux.waitFor(note, sourceLocation: sourceLocation)
}

/// What `stty -a` printed before the workstation started and after it ended.
func sttyBeforeAndAfter(_ folder: URL) throws -> (String, String) {
    try waitForFile(folder.appendingPathComponent("after.txt"))
    return (try String(contentsOf: folder.appendingPathComponent("before.txt"), encoding: .utf8),
            try String(contentsOf: folder.appendingPathComponent("after.txt"), encoding: .utf8))
}

/// Waits until the shell has written `file` (after the program exited).
func waitForFile(_ url: URL, timeout: Double = 10) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty { return }
        Thread.sleep(forTimeInterval: 0.05)
    }
    Issue.record("\(url.lastPathComponent) was not written within \(timeout) s")
}

@Suite("The ledger end to end under tmux", .serialized)
struct LedgerEndToEndTests {
    @Test("Add 1.234,56 per four weeks, see € 1.337,44; refuse 12,345.6; delete and undo; reopen: still there")
    func ledgerSession() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = try sampleStore(in: folder)
            let tmux = try Tmux(folder: folder, environment: ["KEUKENTAFEL_STORE": store])
            try tmux.shell("\(Tmux.quote(binary.path)); echo EXIT=$?")
            openSanneJansen(tmux)
            try tmux.keys("2")
            tmux.waitFor("per maand € 2.162,00")
            try tmux.keys("a")
            try tmux.type("Bijbaan")
            try tmux.keys("Tab")
            try tmux.type("1.234,56")
            try tmux.keys("Tab", "v")
            tmux.waitFor("€ 1.234,56 → € 1.337,44 p/m")     // vier weken: × 13/12
            try tmux.keys("Enter")
            tmux.waitFor("Bewaard: Bijbaan")
            tmux.waitFor("per maand € 3.499,44")        // 2162.00 + 1337.44
            try tmux.type("Fout")
            try tmux.keys("Tab")
            try tmux.type("12,345.6")
            tmux.waitFor("\"12,345.6\" heeft punten")
            try tmux.keys("Enter")
            try tmux.keys("Escape")
            tmux.waitUntil("the form to close") { !$0.contains("Nieuwe regel") }
            try tmux.keys("End", "DC")
            tmux.waitFor("\"Bijbaan\" (€ 1.234,56) wissen?")
            try tmux.keys("Enter")
            tmux.waitFor("per maand € 2.162,00")
            try tmux.keys("u")
            tmux.waitFor("\"Bijbaan\" staat er weer.")
            tmux.waitFor("per maand € 3.499,44")
            try tmux.keys("Escape")
            tmux.waitFor("Alle huishoudens")
            try tmux.keys("F10")
            tmux.waitFor("EXIT=0")

            // reopen: the line is there, and the store agrees with the screen
            try tmux.shell("clear; \(Tmux.quote(binary.path)); echo EXIT2=$?")
            openSanneJansen(tmux)
            try tmux.keys("2")
            tmux.waitFor("Bijbaan")
            #expect(tmux.screen.contains("€ 1.337,44"))
            try tmux.keys("Escape")
            try tmux.keys("F10")
            tmux.waitFor("EXIT2=0")
            let overview = try CLI.run(["overview", "hh-demo-0001", "--json", "--store", store])
            let monthly = try #require(try CLI.object(overview.stdout)["monthly"] as? [String: Any])
            #expect(monthly["income"] as? String == "3499.44")      // 2162.00 + 1337.44
            #expect(monthly["remaining"] as? String == "1854.44")   // 3499.44 − 1495.00 − 0.00 − 150.00
        }
    }
}

@Suite("Conversations end to end under tmux", .serialized)
struct ConversationEndToEndTests {
    static let note = "één gezin, één plan · € 650,00"

    @Test("Type a conversation, kill -9, restart: the draft is offered and restored; F8 scores; Ctrl-E reads the editor back")
    func neverLost() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = try sampleStore(in: folder)
            let editor = folder.appendingPathComponent("append.sh").path
            try "#!/bin/sh\nprintf '\\nRegel uit de editor' >> \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
            chmod(editor, 0o700)
            let tmux = try Tmux(folder: folder, environment: ["KEUKENTAFEL_STORE": store, "EDITOR": editor])
            try tmux.shell("\(Tmux.quote(binary.path)); echo EXIT=$?")
            openSanneJansen(tmux)
            try typeNewConversation(tmux, note: Self.note)
            // The draft reaches the store within a second of the last key.
            let queue = try DatabaseQueue(path: store, configuration: { var c = Configuration(); c.readonly = true; return c }())
            let deadline = Date().addingTimeInterval(5)
            var draft: String?
            while Date() < deadline {
                draft = try queue.read { db in try String.fetchOne(db, sql: "SELECT document FROM draft") }
                if draft?.contains(Self.note) == true { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(draft?.contains(Self.note) == true, "no draft with the note in the store")
            let pid = try #require(tmux.foregroundPID)
            kill(pid, SIGKILL)
            tmux.waitFor("EXIT=137")

            try tmux.shell("reset; \(Tmux.quote(binary.path)); echo EXIT2=$?")
            openSanneJansen(tmux, until: "Niet-opgeslagen gesprek")
            try tmux.keys("Enter")
            tmux.waitFor(Self.note)
            #expect(tmux.screen.contains("Financiën"))
            // F8 3: the score for Financiën, dated today
            try tmux.keys("F8")
            tmux.waitFor("Score 1–5?")
            try tmux.keys("3")
            tmux.waitFor("Financiën: 3 beperkt zelfredzaam, vandaag.")
            // Ctrl-E: the editor appends a line, which comes back into the field
            try tmux.keys("C-e")
            tmux.waitFor("Regel uit de editor")
            #expect(tmux.screen.contains(Self.note))
            try tmux.keys("F2")
            tmux.waitFor("Gesprek opgeslagen.")
            try tmux.keys("1")
            tmux.waitFor("3 beperkt zelfredzaam")
            #expect(tmux.screen.contains("23-11-2026"))
            try tmux.keys("Escape", "F10")
            tmux.waitFor("EXIT2=0")
            let export = try CLI.run(["export", "hh-demo-0001", "--store", store])
            #expect(export.stdout.contains(Self.note + "\\nRegel uit de editor"))
        }
    }
}

@Suite("Grants end to end under tmux", .serialized)
struct GrantEndToEndTests {
    @Test("demo: a caseworker's € 2.400,00 request is refused without motivation and goes in with one; the team leader approves; the letter")
    func requestAndApprove() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let tmux = try Tmux(folder: folder, width: 120, height: 40,
                                environment: Tmux.sampleData)
            try tmux.shell("\(Tmux.quote(binary.path)) demo --role caseworker; echo EXIT=$?")
            tmux.waitFor("Mijn huishoudens")
            try tmux.keys("/"); try tmux.type("jansen"); try tmux.keys("Enter", "Enter")
            tmux.waitFor("Leefgebieden (ZRM)")
            try tmux.keys("4")
            tmux.waitFor("Nieuwe aanvraag")
            try tmux.keys("a")
            tmux.waitFor("Soort kosten")
            func field(_ tabs: Int, _ text: String?) throws {
                for _ in 0..<tabs { try tmux.keys("Tab") }
                if let text { try tmux.type(text) }
            }
            try field(1, "k")                              // category: kinderopvang
            try field(1, "2.400,00")                       // amount
            try field(2, "Kinderopvang De Zaan")           // payee
            try field(1, "NL91ABNA0417164300")
            try field(2, "Sanne houdt haar baan")          // short-term goal
            try tmux.keys("F5")
            tmux.waitFor("[Enter] Indienen")
            try tmux.keys("Enter")
            tmux.waitFor("Niet ingediend: Boven de norm is een motivering van minstens 80 tekens nodig")
            try field(4, "Zonder opvang verliest Sanne haar baan; een jaar bijstand kost ruim 12.000 euro, deze gift houdt haar aan het werk.")
            try tmux.keys("F5")
            tmux.waitFor("[Enter] Indienen")
            try tmux.keys("Enter")
            tmux.waitFor("ingediend; hij wacht op de teamleider.")
            try tmux.keys("Escape")
            tmux.waitFor("Mijn huishoudens")
            try tmux.keys("F9", "F9", "F9")
            tmux.waitFor("U werkt nu als Jeroen Bakker (teamleider).")
            try tmux.keys("F6")
            tmux.waitFor("Wacht op besluit")
            try tmux.keys("End", "Enter")
            tmux.waitFor("Zonder opvang verliest Sanne")
            // The letter's reasons come prefilled from the request; F2 approves with them.
            try tmux.keys("g"); tmux.waitFor("Redenen in de brief"); try tmux.keys("F2")
            tmux.waitFor("is goedgekeurd.")
            try tmux.keys("Escape")
            tmux.waitFor("Mijn huishoudens · 0")        // the team leader has no households of their own; the search stays
            try tmux.keys("F4")
            tmux.waitFor("Alle huishoudens · 1")
            try tmux.keys("Enter")
            tmux.waitFor("Leefgebieden (ZRM)")
            try tmux.keys("4", "End", "l")
            tmux.waitFor("Besluitbrief geschreven:")
            let letters = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("besluit-") }
            #expect(letters.count == 1)
            let letter = try String(contentsOf: folder.appendingPathComponent(letters.first ?? "-"), encoding: .utf8)
            #expect(letter.contains("€ 2.400,00"))
            #expect(letter.contains("zes weken"))
            #expect(letter.replacingOccurrences(of: "\n", with: " ").contains("Zonder opvang verliest Sanne haar baan"))

            // The team leader submits a request of their own, and cannot approve it.
            try tmux.keys("a")
            tmux.waitFor("Soort kosten")
            try field(1, "k"); try field(1, "1.800,00"); try field(2, "Kinderopvang De Zaan"); try field(1, "NL91ABNA0417164300")
            try field(2, "Sanne houdt haar baan")
            try field(4, "Ook de eigen bijdrage voor december is nodig, anders stopt de opvang alsnog en verliest Sanne haar baan.")
            try tmux.keys("F5")
            tmux.waitFor("[Enter] Indienen")
            try tmux.keys("Enter")
            tmux.waitFor("ingediend; hij wacht op de teamleider.")
            try tmux.keys("Escape")
            tmux.waitFor("Alle huishoudens")
            try tmux.keys("F6")
            tmux.waitFor("Wacht op besluit")
            try tmux.keys("End", "Enter")
            tmux.waitFor("Ook de eigen bijdrage")
            try tmux.keys("g")
            tmux.waitFor("U kunt een aanvraag die u zelf indiende niet goedkeuren (vier ogen).")
            try tmux.keys("Escape", "Escape", "F10")
            tmux.waitFor("EXIT=0")
        }
    }
}

@Suite("The dashboard and report end to end", .serialized)
struct DashboardEndToEndTests {
    @Test("report --json agrees with the dashboard on the screen")
    func reportAgreesWithScreen() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("sample-data").path)
                .filter { $0.hasPrefix("hh-") }.sorted().map { "sample-data/" + $0 }
            // The sample households' caseworkers, in the team leader's team: their households are the team's.
            for (user, name) in [("r.westra", "Roos Westra"), ("s.elidrissi", "Samira El Idrissi")] {
                #expect(try CLI.run(["staff", "add", user, "--name", name, "--role", "caseworker", "--store", store]).status == 0)
            }
            #expect(try CLI.run(["import", "--store", store] + files).status == 0)
            let report = try CLI.run(["report", "--json", "--store", store])
            #expect(report.status == 0)
            let json = try CLI.object(report.stdout)
            let grants = try #require(json["grants"] as? [String: Any])
            let payment = try #require(json["payment"] as? [String: Any])
            let business = try #require(json["businessCase"] as? [String: Any])
            let outcomes = try #require(json["outcomes"] as? [String: Any])

            let tmux = try Tmux(folder: folder, width: 120, height: 60, environment: ["KEUKENTAFEL_STORE": store])
            try tmux.shell("\(Tmux.quote(binary.path)); echo EXIT=$?")
            tmux.waitFor("Mijn huishoudens")
            try tmux.keys("F7")
            tmux.waitFor("Belofte van 24 uur gebroken")
            let screen = tmux.screen
            func dutch(_ plain: Any?) -> String {
                // "16653.35" → "€ 16.653,35"
                let text = plain as? String ?? "?"
                let parts = text.split(separator: ".")
                var whole = String(parts[0]), grouped = ""
                let negative = whole.hasPrefix("-")
                if negative { whole.removeFirst() }
                for (i, c) in whole.reversed().enumerated() { if i > 0 && i % 3 == 0 { grouped.append(".") }; grouped.append(c) }
                return (negative ? "-€ " : "€ ") + String(grouped.reversed()) + "," + parts[1]
            }
            #expect(screen.contains("\(grants["count"] as? Int ?? -1) · \(dutch(grants["total"]))"))
            #expect(screen.contains(dutch(business["netAvoided"])))
            let share = payment["within24hShare"] as? Double ?? -1
            #expect(screen.contains("\(Int((share * 100).rounded()))%"))
            let hours = payment["medianHours"] as? Double ?? -1
            #expect(screen.contains("mediaan \(Int(hours)) uur"))
            #expect(screen.contains("Nog niet geëvalueerd") && screen.contains("\(outcomes["unevaluated"] as? Int ?? -1)"))
            for late in payment["late"] as? [String] ?? [] { #expect(screen.contains(late), "\(late) is not on the screen") }
            try tmux.keys("Escape", "F10")
            tmux.waitFor("EXIT=0")
        }
    }
}
