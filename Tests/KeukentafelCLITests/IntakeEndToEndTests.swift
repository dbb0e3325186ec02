import Foundation
import GRDB
import Testing

/// A case from intake to closing on a real store made with `init`, the real binary under
/// tmux. A real store knows people by their OS user and the test has one: what the staff
/// list says of that user (caseworker of a team, or team leader) is set in the store
/// between the steps, as a team leader would with `staff`.
@Suite("A case from intake to closing, end to end", .serialized)
struct IntakeEndToEndTests {
    static var osUser: String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid\(geteuid())" }
        return String(cString: name)
    }

    /// What the staff list says the OS user is.
    static func setRole(_ store: String, _ role: String, team: String) throws {
        let queue = try DatabaseQueue(path: store)
        try queue.write { db in
            try db.execute(sql: "UPDATE staff SET role = ?, team = ? WHERE user = ?", arguments: [role, team, osUser])
        }
    }

    static func start(_ tmux: Tmux, _ binary: URL) throws {
        try tmux.shell("\(Tmux.quote(binary.path)) --theme monochrome; echo EXIT=$?")
    }

    static func quit(_ tmux: Tmux, from screen: String = "huishoudens") throws {
        tmux.waitFor(screen)
        try tmux.press("F10", until: "EXIT=0")
        try tmux.shell("clear")
    }

    @Test("A full intake — four people, twelve ledger lines, a conversation, a score, a plan, a grant above the norm — survives a kill, exports and imports to the same data")
    func fullIntake() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Regisseur", "--team", "Wijkteam Oost"]).status == 0)
            try Self.setRole(store, "caseworker", team: "Wijkteam Oost")
            // Printed plans go to the folder the configuration names.
            let printed = folder.appendingPathComponent("dossiers")
            try FileManager.default.createDirectory(at: printed, withIntermediateDirectories: true)
            let config = folder.appendingPathComponent("config/keukentafel")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try "[output]\nfolder = \"\(printed.path)\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
            let tmux = try Tmux(folder: folder, width: 120, height: 40, environment: [
                "KEUKENTAFEL_STORE": store, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
            try Self.start(tmux, binary)
            tmux.waitFor("Mijn huishoudens · 0 huishoudens")

            // The intake, killed halfway: the draft brings it back.
            try tmux.press("n", until: "Nieuw huishouden — wie wonen er?")
            try tmux.type("Fatima Amrani 03-07-1990 123456782"); try tmux.keys("Enter")
            try tmux.type("Peperstraat 14-2, 1502 AH Zaandam"); try tmux.keys("Enter")
            try tmux.type("Karim Amrani 11-11-1988"); try tmux.keys("Enter")
            tmux.waitFor("Karim Amrani · 11-11-1988 (38 jaar)")
            let pid = try #require(tmux.foregroundPID, "no workstation in the pane")
            try #require(kill(pid, SIGKILL) == 0)
            tmux.waitFor("EXIT=137")
            try Self.start(tmux, binary)
            tmux.waitFor("Mijn huishoudens")
            try tmux.press("n", until: "staat er weer")
            #expect(tmux.screen.contains("Karim Amrani 11-11-1988"), "the partner typed before the kill is gone")
            try tmux.keys("Down", "Down", "Down")
            try tmux.type("Yasmina Amrani 01-01-2016"); try tmux.keys("Enter")
            try tmux.type("Adam Amrani 20-06-2020"); try tmux.keys("F2")
            tmux.waitFor("Huishouden Amrani is ingenomen.")

            // Twelve ledger lines across the four sections.
            try tmux.press("2", until: "Inkomsten")
            let lines: [(keys: [String], label: String, amount: String, after: [String])] = [
                (["a"], "Loon", "3.400,00", []), ([], "Kinderbijslag", "306,00", ["Tab", "k", "k"]),
                ([], "Zorgtoeslag", "123", ["Tab", "m", "z"]), (["PageDown"], "Huur", "875,00", []),
                ([], "Energie", "140", ["Tab", "m", "e"]), ([], "Zorgverzekering", "290", ["Tab", "m", "v"]),
                ([], "Boodschappen", "600", ["Tab", "m", "h"]), ([], "Telefoon", "45", ["Tab", "m", "t"]),
                (["PageDown"], "Belastingdienst", "4.200,00", ["Tab", "50", "Tab", "r"]), ([], "CJIB", "310", []),
                (["PageDown"], "Beslag loon", "150", []), ([], "Alimentatie ex", "80", ["Tab", "m", "m"]),
            ]
            for line in lines {
                for key in line.keys { try tmux.keys(key) }
                try tmux.type(line.label); try tmux.keys("Tab"); try tmux.type(line.amount)
                for key in line.after { if key == "Tab" { try tmux.keys("Tab") } else { try tmux.type(key) } }
                try tmux.press("Enter", until: "Bewaard: \(line.label).")
            }
            // Esc and the next key apart, as a person types them (together they read as Alt).
            try tmux.press("Escape", until: "x Uitleg")

            // A life-domain score, right in the overview.
            try tmux.press("1", until: "nog geen scores")
            for _ in 0..<5 { try tmux.keys("Down") }
            try tmux.press("Enter", until: "Score geven")
            try tmux.keys("Tab", "2", "Tab")
            try tmux.type("Huur twee maanden achter")
            try tmux.press("F2", until: "Financiën: 2 niet zelfredzaam.")

            // A conversation with two agreements.
            try tmux.press("3", until: "Nieuw gesprek")
            try tmux.press("a", until: "Hulpvraag")
            try tmux.type("De huur loopt achter sinds Karim minder uren werkt.")
            for _ in 0..<16 { try tmux.keys("Tab") }
            try tmux.type("Betalingsregeling aanvragen | Fatima Amrani | 15-12-2026"); try tmux.keys("Enter")
            try tmux.type("Budgetplan maken | regisseur | 10-12-2026")
            try tmux.press("F2", until: "Gesprek opgeslagen.")

            // The plan: two goals, three actions.
            try tmux.press("5", until: "Eén gezin, één plan")
            let plan: [(key: String, fields: [String])] = [
                ("a", ["De huur wordt weer elke maand op tijd betaald", "Tab", "h"]),
                ("+", ["Betalingsregeling met Parteon", "Tab", "Fatima Amrani", "Tab", "15-12-2026"]),
                ("+", ["Automatische incasso voor de huur", "Tab", "Karim Amrani", "Tab", "01-01-2027"]),
                ("a", ["Er is een budgetplan dat het gezin zelf bijhoudt", "Tab", "f"]),
                ("+", ["Budgetcursus bij de Kredietbank", "Tab", "Kredietbank Zaanstad", "Tab", "01-02-2027"]),
            ]
            for step in plan {
                try tmux.press(step.key, until: step.key == "a" ? "Nieuw doel" : "Nieuwe actie")
                for field in step.fields { if field == "Tab" { try tmux.keys("Tab") } else { try tmux.type(field) } }
                try tmux.press("F2", until: "Plan opgeslagen.")
                try tmux.keys("Right")   // clears the status line, so the next save is seen
                tmux.waitUntil("the status line cleared") { !$0.contains("Plan opgeslagen.") }
            }

            // The plan for the family to sign, twice: two files, the first never overwritten.
            for _ in 0..<2 {
                try tmux.press("p", until: "Plan geschreven:")
                #expect(tmux.screen.contains(printed.lastPathComponent + "/plan-"))
                try tmux.keys("Right")
                tmux.waitUntil("the status line cleared") { !$0.contains("Plan geschreven") }
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: printed.path).sorted()
            #expect(files.count == 2 && files[0].hasSuffix("-2026-11-23-2.txt") && files[1].hasSuffix("-2026-11-23.txt"), "\(files)")
            for file in files {
                let path = printed.appendingPathComponent(file).path
                #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(text.hasPrefix("Ons plan — Huishouden Amrani"))
                #expect(text.contains("Betalingsregeling met Parteon") && text.contains("Kredietbank Zaanstad"))
                #expect(text.contains("Handtekening:"))
            }

            // A grant request above the norm, with its motivation, submitted.
            try tmux.press("4", until: "Besluiten")
            try tmux.press("a", until: "Route")
            try tmux.keys("Tab", "k", "Tab")
            try tmux.type("2.400,00"); try tmux.keys("Tab", "Tab")
            try tmux.type("Kinderopvang De Zaan"); try tmux.keys("Tab")
            try tmux.type("NL91 ABNA 0417 1643 00"); try tmux.keys("Tab")
            try tmux.type("Amrani/2026-12"); try tmux.keys("Tab")
            try tmux.type("Fatima houdt haar baan"); try tmux.keys("Tab", "Tab", "Tab", "Tab")
            try tmux.type("Zonder opvang verliest Fatima haar baan; een jaar bijstand kost ruim € 12.000, deze gift houdt haar aan het werk.")
            try tmux.press("F5", until: "indienen")
            try tmux.press("Enter", until: "ingediend; hij wacht op de teamleider.")
            try tmux.press("Escape", until: "Mijn huishoudens")
            try Self.quit(tmux)

            // What the store holds, and the same again after export and import elsewhere.
            let id = try Self.only(store, "SELECT id FROM household")
            let queue = try DatabaseQueue(path: store)
            func count(_ sql: String) throws -> Int? { try queue.read { db in try Int.fetchOne(db, sql: sql) } }
            #expect(try count("SELECT COUNT(*) FROM member") == 4)
            #expect(try count("SELECT COUNT(*) FROM ledger_line") == 12)
            #expect(try count("SELECT COUNT(*) FROM agreement") == 2)
            #expect(try count("SELECT COUNT(*) FROM life_domain_score") == 1)
            #expect(try count("SELECT COUNT(*) FROM plan_goal") == 2)
            #expect(try count("SELECT SUM(json_array_length(document, '$.actions')) FROM plan_goal") == 3)
            #expect(try count("SELECT COUNT(*) FROM intake_draft") == 0)
            #expect(try Self.only(store, "SELECT status FROM grant_request") == "submitted")
            #expect(try Self.only(store, "SELECT action FROM audit WHERE householdId = '\(id)' ORDER BY id") == "household.intake")
            let overview = try CLI.run(["overview", id, "--json", "--store", store])
            #expect(overview.status == 0)
            let normTest = try CLI.object(overview.stdout)["normTest"] as? [String: Any]
            #expect(normTest?["withinNorm"] as? Bool == false, "the grant was to be above the norm: \(overview.stdout)")
            let export = try CLI.run(["export", id, "--store", store])
            #expect(export.status == 0, "\(export.stderr)")
            let file = folder.appendingPathComponent("amrani.json")
            try export.stdout.write(to: file, atomically: true, encoding: .utf8)
            let second = folder.appendingPathComponent("second/k.sqlite").path
            #expect(try CLI.run(["init", "--store", second, "--name", "Tweede Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            let imported = try CLI.run(["import", "--store", second, file.path])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout == id + "\n")
            let again = try CLI.run(["overview", id, "--json", "--store", second])
            #expect(try CLI.canonical(again.stdout) == CLI.canonical(overview.stdout))
            let reExport = try CLI.run(["export", id, "--store", second])
            #expect(try CLI.canonical(reExport.stdout) == CLI.canonical(export.stdout))
        }
    }

    @Test("Assigned, transferred to another team, closed and reopened, each in the trail; another team's caseworker cannot open it; retention finds what the workstation closed; a duplicate BSN is shown before saving and on import")
    func caseFromStartToEnd() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            for (user, name, team) in [("r.westra", "Roos Westra", "Wijkteam Oost"), ("w.west", "Wim West", "Wijkteam West")] {
                #expect(try CLI.run(["staff", "add", user, "--name", name, "--role", "caseworker", "--team", team, "--store", store]).status == 0)
            }
            // Two households taken in by the OS user as a caseworker of team Oost.
            try Self.setRole(store, "caseworker", team: "Wijkteam Oost")
            let bakker = try CLI.run(["household", "new", "--store", store, "--applicant", "Kees Bakker 01-01-1970 111222333",
                                      "--address", "Dam 1, 1012 JS Amsterdam"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let visser = try CLI.run(["household", "new", "--store", store, "--applicant", "Els Visser 02-02-1980",
                                      "--address", "Dam 2, 1012 JS Amsterdam"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try #require(bakker.hasPrefix("hh-") && visser.hasPrefix("hh-"))
            let tmux = try Tmux(folder: folder, width: 120, height: 40, environment: ["KEUKENTAFEL_STORE": store])

            // Closed through the workstation by its caseworker, found on the closed list, reopened, closed again.
            try Self.start(tmux, binary)
            tmux.waitFor("Mijn huishoudens · 2 huishoudens")
            try tmux.press("Down", "Enter", until: "Huishouden Visser")
            try tmux.press("s", until: "Huishouden sluiten")
            try tmux.keys("v")
            try tmux.type("Naar Purmerend")
            try tmux.press("F2", until: "Het huishouden is gesloten")
            #expect(tmux.screen.contains("Mijn huishoudens · 1 huishouden"))
            try tmux.press("F4", "F4", until: "Gesloten huishoudens · 1 huishouden")
            try tmux.press("Enter", until: "Gesloten op 23-11-2026: verhuisd Naar Purmerend.")
            try tmux.press("r", until: "weer openen?")
            try tmux.press("Enter", until: "Het huishouden is weer open.")
            try tmux.press("s", until: "Huishouden sluiten")
            try tmux.press("d", "F2", until: "Het huishouden is gesloten")

            // A duplicate BSN, shown before saving.
            try tmux.press("n", until: "Nieuw huishouden")
            try tmux.type("K. Bakker-de Wit 01-01-1970 111222333"); try tmux.keys("Enter")
            try tmux.type("Rokin 9, 1012 KK Amsterdam"); try tmux.keys("F2")
            tmux.waitFor("Dit gezin is mogelijk al bekend")
            #expect(tmux.screen.contains("\(bakker) Huishouden Bakker (\(Self.osUser)): BSN van K. Bakker-de Wit"))
            try tmux.keys("Escape")
            tmux.waitUntil("the question closed") { !$0.contains("Dit gezin is mogelijk al bekend") }
            try tmux.press("Escape", until: "Inname niet opgeslagen")
            try tmux.keys("d")
            try Self.quit(tmux)

            // As team leader: assigned to Roos with a note, then transferred to Wim of team West.
            try Self.setRole(store, "teamleader", team: "Wijkteam Oost")
            try Self.start(tmux, binary)
            tmux.waitFor("Mijn huishoudens · 1 huishouden")
            try tmux.press("Enter", until: "Huishouden Bakker")
            try tmux.press("o", until: "Toewijzen of overdragen")
            try tmux.keys("r")   // Roos Westra
            try tmux.type("Kees belt liever na 16 uur.")
            try tmux.press("F2", until: "Het huishouden is nu van r.westra.")
            try tmux.press("o", until: "Toewijzen of overdragen")
            try tmux.keys("w")   // Wim West
            try tmux.press("F2", until: "Het huishouden is nu van w.west.")
            #expect(tmux.screen.contains("regisseur w.west (Wijkteam West)"))
            try tmux.keys("Escape")
            try Self.quit(tmux)

            // A caseworker of team Oost: the household of team West shows who and where, and stays shut.
            try Self.setRole(store, "caseworker", team: "Wijkteam Oost")
            try Self.start(tmux, binary)
            tmux.waitFor("Mijn huishoudens · 0 huishoudens")
            try tmux.press("F4", until: "Alle huishoudens · 1 huishouden")
            #expect(tmux.lines.first { $0.contains("Kees Bakker") }?.contains("elders") == true)
            try tmux.press("Enter", until: "Dit huishouden hoort bij een ander team")
            try Self.quit(tmux)
            // Until it is assigned to them.
            try Self.setRole(store, "teamleader", team: "Wijkteam Oost")
            #expect(try CLI.run(["household", "assign", bakker, "--to", Self.osUser, "--store", store]).status == 0)
            try Self.setRole(store, "caseworker", team: "Wijkteam Oost")
            try Self.start(tmux, binary)
            tmux.waitFor("Mijn huishoudens · 1 huishouden")
            try tmux.press("Enter", until: "Huishouden Bakker")
            try tmux.keys("Escape")
            try Self.quit(tmux)

            // Each step in the trail.
            try Self.setRole(store, "teamleader", team: "Wijkteam Oost")
            let trailBakker = try CLI.run(["audit", "show", bakker, "--store", store]).stdout
            #expect(trailBakker.components(separatedBy: "household.assign").count - 1 == 3, "\(trailBakker)")
            #expect(trailBakker.contains("household.view.refused"))
            let trailVisser = try CLI.run(["audit", "show", visser, "--store", store]).stdout
            for action in ["household.close", "household.reopen"] { #expect(trailVisser.contains(action), "\(action): \(trailVisser)") }

            // Two years on, retention finds the household the workstation closed.
            let later = try CLI.run(["retention", "--older-than", "1", "--store", store], environment: ["KEUKENTAFEL_TODAY": "2028-12-01"])
            #expect(later.status == 0, "\(later.stderr)")
            #expect(later.stdout.contains(visser) && !later.stdout.contains(bakker), "\(later.stdout)")
            #expect(!(try CLI.run(["retention", "--older-than", "1", "--store", store]).stdout.contains(visser)))

            // The same BSN on import: a warning, and with --strict nothing.
            let export = try CLI.run(["export", bakker, "--store", store]).stdout
            let copy = folder.appendingPathComponent("bakker.json")
            try export.replacingOccurrences(of: bakker, with: "hh-bakker-2").write(to: copy, atomically: true, encoding: .utf8)
            let strict = try CLI.run(["import", "--strict", "--store", store, copy.path])
            #expect(strict.status == 65)
            #expect(strict.stderr.contains("\(copy.path): \(bakker) Huishouden Bakker"))
            let warned = try CLI.run(["import", "--store", store, copy.path])
            #expect(warned.status == 0 && warned.stderr.hasPrefix("Let op: \(copy.path): dit gezin staat mogelijk al in de opslag: \(bakker)"))
        }
    }

    static func only(_ store: String, _ sql: String) throws -> String {
        let queue = try DatabaseQueue(path: store)
        return try #require(try queue.read { db in try String.fetchOne(db, sql: sql) })
    }
}
