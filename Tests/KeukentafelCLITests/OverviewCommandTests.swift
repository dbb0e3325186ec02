import Foundation
import Testing

@Suite("keukentafel overview and the command-line contract (docs/case-file.md)")
struct OverviewCommandTests {
    /// The `overview --json` of the example, as docs/case-file.md gives it.
    static let contractJSON = """
        {
          "household": "hh-demo-0001",
          "referenceDate": "2026-11-23",
          "monthly": { "income": "2162.00", "expenses": "1495.00", "debtPayments": "0.00",
                       "deductions": "150.00", "remaining": "517.00" },
          "normTable": { "validFrom": "2026-07-01",
                         "source": "Participatiewet (BWBR0015703), art. 20–22 zoals geldend per 1 juli 2026; netto per maand inclusief vakantietoeslag (art. 19 lid 3); geïndexeerd met de verwachte factor, nog te vergelijken met de Staatscourant" },
          "policyVersion": 0,
          "normTest": { "category": "single-21-aow", "normDate": "2026-07-01", "norm": "1419.46",
                        "percentage": 110, "threshold": "1561.41", "assessedIncome": "1600.00",
                        "withinNorm": false, "youthRaise": "0.00", "raisedFor": [] },
          "draagkracht": { "base": "1419.46", "sharePercent": 35, "monthly": "63.19",
                           "periodMonths": 12, "total": "758.28",
                           "bands": [ { "from": "1419.46", "sharePercent": 35, "income": "180.54", "monthly": "63.19" } ],
                           "assets": "0.00", "assetLimit": "16000.00", "assetsCounted": "0.00",
                           "suspended": null, "periodStart": "2026-11-21", "usedBefore": "0.00",
                           "remaining": "758.28", "minimumCost": null },
          "warnings": []
        }
        """

    @Test("overview --json prints exactly the numbers of docs/case-file.md")
    func overviewJSON() throws {
        let run = try CLI.run(["overview", CLI.sample, "--json"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let o = try CLI.object(run.stdout)
        #expect(Set(o.keys) == ["household", "referenceDate", "monthly", "normTable", "policyVersion", "normTest", "draagkracht", "warnings"])
        #expect(o["household"] as? String == "hh-demo-0001")
        #expect(o["referenceDate"] as? String == "2026-11-23")

        // By hand (docs/case-file.md): 1750.00 + 310.00 + 306.00 / 3 = 2162.00; 2162.00 − 1495.00 − 150.00 = 517.00.
        let monthly = try #require(o["monthly"] as? [String: Any])
        #expect(monthly.count == 5)
        #expect(monthly["income"] as? String == "2162.00")
        #expect(monthly["expenses"] as? String == "1495.00")
        #expect(monthly["debtPayments"] as? String == "0.00")
        #expect(monthly["deductions"] as? String == "150.00")
        #expect(monthly["remaining"] as? String == "517.00")

        let table = try #require(o["normTable"] as? [String: Any])
        #expect(table["validFrom"] as? String == "2026-07-01")
        #expect(o["policyVersion"] as? Int == 0)

        // 1419.46 × 1.10 = 1561.406 → 1561.41; assessed 1750.00 − 150.00 = 1600.00, above.
        let norm = try #require(o["normTest"] as? [String: Any])
        #expect(norm["category"] as? String == "single-21-aow")
        #expect(norm["normDate"] as? String == "2026-07-01")
        #expect(norm["norm"] as? String == "1419.46")
        #expect(norm["percentage"] as? Int == 110)
        #expect(norm["threshold"] as? String == "1561.41")
        #expect(norm["assessedIncome"] as? String == "1600.00")
        #expect(norm["withinNorm"] as? Bool == false)
        #expect(norm["youthRaise"] as? String == "0.00")

        // (1600.00 − 1419.46) × 35 / 100 = 63.189 → 63.19; × 12 = 758.28.
        let d = try #require(o["draagkracht"] as? [String: Any])
        #expect(d["base"] as? String == "1419.46")
        #expect(d["sharePercent"] as? Int == 35)
        #expect(d["monthly"] as? String == "63.19")
        #expect(d["periodMonths"] as? Int == 12)
        #expect(d["total"] as? String == "758.28")
        #expect(d["assetLimit"] as? String == "16000.00")
        #expect(d["periodStart"] as? String == "2026-11-21")

        #expect(o["warnings"] as? [String] == [])
        // And as a whole: the same JSON as the contract's example.
        #expect(try CLI.canonical(run.stdout) == CLI.canonical(Self.contractJSON))
    }

    static let contractFile = CLI.packageRoot.appendingPathComponent("docs/case-file.md")

    /// The first ```json block after the line `heading` in docs/case-file.md.
    static func jsonBlock(after heading: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let document = try String(contentsOf: contractFile, encoding: .utf8)
        let section = try #require(document.range(of: "\n" + heading + "\n"), "docs/case-file.md has no heading \(heading)",
                                   sourceLocation: sourceLocation)
        let rest = document[section.upperBound...]
        let open = try #require(rest.range(of: "```json\n"), "no json block after \(heading)", sourceLocation: sourceLocation)
        let close = try #require(rest[open.upperBound...].range(of: "\n```"), sourceLocation: sourceLocation)
        return String(rest[open.upperBound..<close.lowerBound])
    }

    @Test("docs/case-file.md: its example is the first demo household, and the program computes exactly the overview it shows")
    func contractDocumentAgrees() throws {
        let example = try Self.jsonBlock(after: "## Example")
        let sample = try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.sample), encoding: .utf8)
        #expect(try CLI.canonical(example) == CLI.canonical(sample), "the example in docs/case-file.md is not \(CLI.sample)")
        let documented = try Self.jsonBlock(after: "### `overview --json`")
        #expect(try CLI.canonical(documented) == CLI.canonical(Self.contractJSON))
        try CLI.withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("example.json")
            try example.write(to: file, atomically: true, encoding: .utf8)
            let run = try CLI.run(["overview", file.path, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try CLI.canonical(run.stdout) == CLI.canonical(documented))
        }
    }

    @Test("overview --json is the same in English: the JSON is for scripts")
    func overviewJSONEnglish() throws {
        let run = try CLI.run(["overview", CLI.sample, "--json", "--lang", "en"])
        #expect(run.status == 0)
        #expect(try CLI.canonical(run.stdout) == CLI.canonical(Self.contractJSON))
    }

    @Test("overview without --json prints the overview in Dutch with Dutch amounts")
    func overviewText() throws {
        let run = try CLI.run(["overview", CLI.sample])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Financieel overzicht — Huishouden Jansen (hh-demo-0001)")
        #expect(lines.contains("Peildatum: 23-11-2026"))
        #expect(lines.contains("Normtabel per 01-07-2026; beleidsversie 0"))
        for heading in ["Inkomsten", "Uitgaven", "Aflossingen op schulden", "Inhoudingen", "Normtoets", "Draagkracht"] {
            #expect(lines.contains(heading), "heading \(heading)")
        }
        /// The line that starts with `label` (after indentation) and ends with `amount`.
        func row(_ label: String, _ amount: String) -> Bool {
            lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) && $0.hasSuffix(amount) }
        }
        #expect(row("Salaris", "€ 1.750,00"))
        #expect(row("€ 306,00 per kwartaal", "€ 102,00"))
        #expect(row("Totaal per maand", "€ 2.162,00"))
        #expect(row("Totaal per maand", "€ 1.495,00"))
        // By hand: 2162.00 − 1495.00 − 150.00 = 517.00; 1419.46 × 1.1 = 1561.406 → 1561.41;
        // 1600.00 − 1561.41 = 38.59 above; (1600.00 − 1419.46) × 0.35 = 63.189 → 63.19; × 12 = 758.28.
        #expect(row("Bestedingsruimte per maand", "€ 517,00"))
        #expect(row("Norm (tabel van 01-07-2026)", "€ 1.419,46"))
        #expect(row("Grens (110% van de norm)", "€ 1.561,41"))
        #expect(row("Getoetst inkomen", "€ 1.600,00"))
        #expect(lines.contains("  Boven de norm: € 38,59 boven de grens."))
        #expect(row("Per maand (35% van het meerdere)", "€ 63,19"))
        #expect(row("Over 12 maanden", "€ 758,28"))
        // The table of 2026-07-01 is in force on 2026-11-23: no warning that it is old.
        #expect(!lines.contains("Let op"))
    }

    @Test("--lang en prints the overview in English")
    func overviewEnglish() throws {
        let run = try CLI.run(["overview", CLI.sample, "--lang", "en"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Financial overview — Huishouden Jansen (hh-demo-0001)")
        for line in ["Reference date: 23-11-2026", "Income", "Expenses", "Debt payments", "Deductions", "Income-norm test",
                     "  Above the norm: € 38,59 above the threshold.", "Norm table of 01-07-2026; policy version 0"] {
            #expect(lines.contains(line), "line \(line)")
        }
        #expect(lines.contains { $0.hasPrefix("Remaining per month") && $0.hasSuffix("€ 517,00") })
        #expect(!run.stdout.contains("Inkomsten"))
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "version output: \(run.stdout)")
    }

    @Test("--help explains the commands and the exit statuses and exits 0")
    func help() throws {
        let run = try CLI.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("overview"))
        #expect(run.stdout.contains("Exit status: 0 fine, 64 usage, 65 bad data, 74 storage failure."))
        let sub = try CLI.run(["overview", "--help"])
        #expect(sub.status == 0)
        #expect(sub.stdout.contains("--json") && sub.stdout.contains("--lang"))
    }

    @Test("A file that does not exist: exit 74, the reason on stderr, nothing on stdout")
    func missingFile() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("bestaat-niet.json").path
            let run = try CLI.run(["overview", path, "--json"])
            #expect(run.status == 74)
            #expect(run.stdout == "")
            #expect(run.stderr == "\(path): dit bestand bestaat niet. Controleer de naam en de map.\n")
            let english = try CLI.run(["overview", path, "--lang", "en"])
            #expect(english.status == 74)
            #expect(english.stderr == "\(path): no such file. Check the name and the folder.\n")
        }
    }

    @Test("A folder instead of a file: exit 64")
    func directory() throws {
        try CLI.withTemporaryDirectory { folder in
            let run = try CLI.run(["overview", folder.path])
            #expect(run.status == 64)
            #expect(run.stdout == "")
            #expect(run.stderr == "\(folder.path): dit is een map, geen dossierbestand.\n")
        }
    }

    @Test("An unknown option: exit 64 with the usage on stderr", arguments: [
        ["overview", CLI.sample, "--bogus"], ["--bogus"], ["overview", CLI.sample, "--lang", "de"], ["overview"],
    ])
    func usageError(_ arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("Usage: keukentafel"))
    }

    @Test("A bad case file: exit 65, every problem with its path on stderr, nothing on stdout")
    func badCaseFile() throws {
        var text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.sample), encoding: .utf8)
        for (old, new) in [(#""amount": "306.00""#, #""amount": "12,345.6""#),
                           (#""birthDate": "1991-04-12""#, #""birthDate": "2026-02-30""#),
                           (#""NL91ABNA0417164300""#, #""NL91ABNA0417164301""#)] {
            try #require(text.contains(old), "the sample no longer holds \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try CLI.withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("fout.json").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)

            let run = try CLI.run(["overview", path, "--json"])
            #expect(run.status == 65)
            #expect(run.stdout == "")
            #expect(run.stderrLines == [
                "\(path): het dossierbestand is geweigerd (3 problemen):",
                #"  household.members[0].birthDate: "2026-02-30" is geen bestaande datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-11-23)"#,
                #"  income[2].amount: "12,345.6" is geen bedrag (verwacht een tekst als "1234.56": cijfers, een punt en hoogstens twee decimalen)"#,
                #"  grants[0].payee.iban: "NL91ABNA0417164301" is geen geldig IBAN: de controle (mod 97) klopt niet; controleer op een tikfout"#,
                "",
            ])

            let english = try CLI.run(["overview", path, "--lang", "en"])
            #expect(english.status == 65)
            #expect(english.stdout == "")
            #expect(english.stderrLines == [
                "\(path): the case file is refused (3 problems):",
                #"  household.members[0].birthDate: "2026-02-30" is not a valid date (expected YYYY-MM-DD, for example 2026-11-23)"#,
                #"  income[2].amount: "12,345.6" is not an amount (expected a string like "1234.56": digits, a dot and at most two decimals)"#,
                #"  grants[0].payee.iban: "NL91ABNA0417164301" is not a valid IBAN: the mod-97 check fails; look for a typing error"#,
                "",
            ])
        }
    }

    @Test("Broken JSON: exit 65 with the line and column on stderr")
    func brokenJSON() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("kapot.json").path
            try "{\n  \"format\": \"keukentafel-case/1\"\n  \"household\": {}\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
            let run = try CLI.run(["overview", path, "--lang", "en"])
            #expect(run.status == 65)
            #expect(run.stdout == "")
            #expect(run.stderrLines == [
                "\(path): the case file is refused (1 problem):",
                "  (file): not valid JSON at line 3, column 3: expected ',' or '}'",
                "",
            ])
        }
    }

    @Test("An applicant or partner under 18: normTest and draagkracht are null, and a warning says why", arguments: [
        (#"{"name": "Kim de Boer", "birthDate": "2010-03-15", "role": "applicant"}"#,
         "Kim de Boer is 16, under 18: no norm applies, so the norm test and draagkracht do not apply"),
        (#"{"name": "Eva Bakker", "birthDate": "1996-05-01", "role": "applicant"}, {"name": "Jo Bakker", "birthDate": "2008-11-24", "role": "partner"}"#,
         "Jo Bakker is 17, under 18: no norm applies, so the norm test and draagkracht do not apply"),
    ])
    func underEighteen(members: String, warning: String) throws {
        // No referenceDate: the overview is on today, which KEUKENTAFEL_TODAY fixes to 2026-11-23.
        let text = """
            {"format": "keukentafel-case/1",
             "household": {"id": "hh-test-jong", "name": "Huishouden Jong", "members": [\(members)]},
             "income": [{"label": "Bijbaan", "amount": "400.00", "frequency": "month", "kind": "salary"}],
             "expenses": [{"label": "Telefoon", "amount": "25.50", "frequency": "month", "category": "overig"}]}
            """
        try CLI.withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("jong.json").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let run = try CLI.run(["overview", path, "--json"])
            #expect(run.status == 0, "stderr: \(run.stderr)")
            let o = try CLI.object(run.stdout)
            #expect(o["household"] as? String == "hh-test-jong")
            #expect(o["referenceDate"] as? String == "2026-11-23")
            // Present and null: not left out, and not zero.
            #expect(o["normTest"] is NSNull)
            #expect(o["draagkracht"] is NSNull)
            let monthly = try #require(o["monthly"] as? [String: Any])
            #expect(monthly["income"] as? String == "400.00")
            #expect(monthly["remaining"] as? String == "374.50")
            // The 2026-07-01 table is in force on 2026-11-23 (not older than six months): only the reason.
            #expect(o["warnings"] as? [String] == [warning])
        }
    }
}
