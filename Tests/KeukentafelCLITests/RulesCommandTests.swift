import Foundation
import Testing

/// `norms`, `policy` and `municipality` on a real store, as a team leader runs them.
@Suite("keukentafel norms, policy and municipality")
struct RulesCommandTests {
    /// A store made by `init`, whose first staff member (a team leader) is the OS user.
    static func withStore(_ body: (URL, String) throws -> Void) throws {
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/k.sqlite").path
            let made = try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Oost"])
            #expect(made.status == 0, "init: \(made.stderr)")
            try body(folder, store)
        }
    }

    /// The shipped 2026-07-01 table as a new table from 2027-01-01, changed by `change`.
    static func tableFile(_ folder: URL, _ change: (inout [String: Any]) -> Void) throws -> String {
        let shipped = CLI.packageRoot.appendingPathComponent("Sources/Casework/Norms/norms-2026-07-01.json")
        var table = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: shipped)) as? [String: Any])
        table["validFrom"] = "2027-01-01"
        change(&table)
        let path = folder.appendingPathComponent("norms-2027.json").path
        try JSONSerialization.data(withJSONObject: table).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("norms add with a table that misses a category exits 65 naming it; nothing changes")
    func missingCategory() throws {
        try Self.withStore { folder, store in
            let path = try Self.tableFile(folder) { t in
                var norms = t["norms"] as! [String: Any]; norms["couple-aow"] = nil; t["norms"] = norms
            }
            let run = try CLI.run(["norms", "add", path, "--store", store])
            #expect(run.status == 65)
            #expect(run.stderr.contains("norms.couple-aow: ontbreekt, maar is verplicht"), "\(run.stderr)")
            #expect(run.stderr.contains("er is niets veranderd"))
            let list = try CLI.run(["norms", "list", "--json", "--store", store])
            let tables = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            #expect(tables.count == 6)
        }
    }

    @Test("norms add with a plausible table: listed, in force from its date, and the overview names it")
    func addAndUse() throws {
        try Self.withStore { folder, store in
            // The same amounts as 2026-07-01 are plausible (0 % change).
            let path = try Self.tableFile(folder) { t in t["source"] = "Staatscourant 2026, test" }
            let added = try CLI.run(["norms", "add", path, "--store", store])
            #expect(added.status == 0, "\(added.stderr)")
            let list = try CLI.run(["norms", "list", "--store", store], environment: ["KEUKENTAFEL_TODAY": "2027-01-05"])
            #expect(list.stdout.contains("vanaf 01-01-2027 ← geldt nu"), "\(list.stdout)")
            #expect(list.stdout.contains("Staatscourant 2026, test"))
            let again = try CLI.run(["norms", "add", path, "--store", store])
            #expect(again.status == 65)
            #expect(again.stderr.contains("er is al een normtabel vanaf 01-01-2027"))
        }
    }

    @Test("policy set makes a version that policy show prints; a bad file exits 65 with its path")
    func policy() throws {
        try Self.withStore { folder, store in
            let file = folder.appendingPathComponent("beleid.json").path
            try #"{"format": "keukentafel-policy/1", "validFrom": "2026-12-01", "draagkrachtTiers": [{"fromPercent": 100, "sharePercent": 35}, {"fromPercent": 150, "sharePercent": 100}], "minimumCost": "176.00"}"#
                .write(toFile: file, atomically: true, encoding: .utf8)
            let set = try CLI.run(["policy", "set", file, "--store", store])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("Beleidsversie 1 geldt vanaf 01-12-2026"))
            let show = try CLI.run(["policy", "show", "--store", store], environment: ["KEUKENTAFEL_TODAY": "2026-12-02"])
            #expect(show.stdout.contains("100% van het inkomen boven 150% van de norm"))
            #expect(show.stdout.contains("Drempelbedrag (art. 35 lid 2): € 176,00"))
            #expect(show.stdout.contains("1: vanaf 01-12-2026, gezet door"))
            let json = try CLI.object(try CLI.run(["policy", "show", "--json", "--store", store], environment: ["KEUKENTAFEL_TODAY": "2026-12-02"]).stdout)
            #expect(json["format"] as? String == "keukentafel-policy/1")
            #expect(json["minimumCost"] as? String == "176.00")

            try #"{"format": "keukentafel-policy/1", "validFrom": "2027-01-01", "normPercentage": 2000, "spam": 1}"#
                .write(toFile: file, atomically: true, encoding: .utf8)
            let bad = try CLI.run(["policy", "set", file, "--store", store])
            #expect(bad.status == 65)
            #expect(bad.stderr.contains("normPercentage"))
            #expect(bad.stderr.contains("spam"))
        }
    }

    @Test("letter refuses until the municipality is set, then signs with its name")
    func municipality() throws {
        try Self.withStore { folder, store in
            let show = try CLI.run(["municipality", "show", "--store", store])
            #expect(show.stdout.contains("De gemeente is nog niet ingesteld"))
            #expect(try CLI.run(["import", "sample-data/hh-demo-0003.json", "--store", store]).status == 0)
            let refused = try CLI.run(["letter", "gr-0003-2", "--store", store])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("keukentafel municipality set"))
            let file = CLI.packageRoot.appendingPathComponent("sample-data/municipality.json").path
            let set = try CLI.run(["municipality", "set", file, "--store", store])
            #expect(set.status == 0, "\(set.stderr)")
            let shown = try CLI.run(["municipality", "show", "--store", store])
            #expect(shown.stdout.contains("Gemeente Zaanstad (CBS 0479)"))
            #expect(shown.stdout.contains("Jeroen Bakker, teamleider Wijkteam Zaandam-Oost"))
            let out = folder.appendingPathComponent("brief.txt").path
            let letter = try CLI.run(["letter", "gr-0003-2", "-o", out, "--store", store])
            #expect(letter.status == 0, "\(letter.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.hasPrefix("Gemeente Zaanstad\n"))
            #expect(text.contains("burgemeester en wethouders van Zaanstad"))
            #expect(text.contains("Jeroen Bakker\nteamleider Wijkteam Zaandam-Oost\n"))
        }
    }
}
