import Foundation
import Testing

@Suite("keukentafel overview and the command-line contract (docs/case-file.md)")
struct OverviewCommandTests {
    /// The `overview --json` of the example, as docs/case-file.md gives it.
    static let contractJSON = """
        {
          "household": "hh-demo-0001",
          "referenceDate": "2026-11-23",
          "monthly": { "income": "2062.00", "expenses": "1495.00", "debtPayments": "0.00",
                       "deductions": "150.00", "remaining": "417.00" },
          "normTest": { "category": "single-21-aow", "normDate": "2025-01-01", "norm": "1345.45",
                        "percentage": 110, "threshold": "1480.00", "assessedIncome": "1500.00",
                        "withinNorm": false },
          "draagkracht": { "base": "1345.45", "sharePercent": 35, "monthly": "54.09",
                           "periodMonths": 12, "total": "649.08" },
          "warnings": [ "norm table of 2025-01-01 is older than six months on 2026-11-23" ]
        }
        """

    @Test("overview --json prints exactly the numbers of docs/case-file.md")
    func overviewJSON() throws {
        let run = try CLI.run(["overview", CLI.sample, "--json"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let o = try CLI.object(run.stdout)
        #expect(Set(o.keys) == ["household", "referenceDate", "monthly", "normTest", "draagkracht", "warnings"])
        #expect(o["household"] as? String == "hh-demo-0001")
        #expect(o["referenceDate"] as? String == "2026-11-23")

        let monthly = try #require(o["monthly"] as? [String: Any])
        #expect(monthly.count == 5)
        #expect(monthly["income"] as? String == "2062.00")
        #expect(monthly["expenses"] as? String == "1495.00")
        #expect(monthly["debtPayments"] as? String == "0.00")
        #expect(monthly["deductions"] as? String == "150.00")
        #expect(monthly["remaining"] as? String == "417.00")

        let norm = try #require(o["normTest"] as? [String: Any])
        #expect(norm.count == 7)
        #expect(norm["category"] as? String == "single-21-aow")
        #expect(norm["normDate"] as? String == "2025-01-01")
        #expect(norm["norm"] as? String == "1345.45")
        #expect(norm["percentage"] as? Int == 110)
        #expect(norm["threshold"] as? String == "1480.00")
        #expect(norm["assessedIncome"] as? String == "1500.00")
        #expect(norm["withinNorm"] as? Bool == false)

        let d = try #require(o["draagkracht"] as? [String: Any])
        #expect(d.count == 5)
        #expect(d["base"] as? String == "1345.45")
        #expect(d["sharePercent"] as? Int == 35)
        #expect(d["monthly"] as? String == "54.09")
        #expect(d["periodMonths"] as? Int == 12)
        #expect(d["total"] as? String == "649.08")

        #expect(o["warnings"] as? [String] == ["norm table of 2025-01-01 is older than six months on 2026-11-23"])
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
        for heading in ["Inkomsten", "Uitgaven", "Aflossingen op schulden", "Inhoudingen", "Normtoets", "Draagkracht", "Let op"] {
            #expect(lines.contains(heading), "heading \(heading)")
        }
        /// The line that starts with `label` (after indentation) and ends with `amount`.
        func row(_ label: String, _ amount: String) -> Bool {
            lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) && $0.hasSuffix(amount) }
        }
        #expect(row("Salaris", "€ 1.650,00"))
        #expect(row("€ 306,00 per kwartaal", "€ 102,00"))
        #expect(row("Totaal per maand", "€ 2.062,00"))
        #expect(row("Totaal per maand", "€ 1.495,00"))
        #expect(row("Bestedingsruimte per maand", "€ 417,00"))
        #expect(row("Norm (tabel van 01-01-2025)", "€ 1.345,45"))
        #expect(row("Grens (110% van de norm)", "€ 1.480,00"))
        #expect(row("Getoetst inkomen", "€ 1.500,00"))
        #expect(lines.contains("  Boven de norm: € 20,00 boven de grens."))
        #expect(row("Per maand (35% van het meerdere)", "€ 54,09"))
        #expect(row("Over 12 maanden", "€ 649,08"))
        #expect(lines.contains("  ! de normtabel van 01-01-2025 is op 23-11-2026 ouder dan zes maanden; controleer of er een nieuwere is"))
    }

    @Test("--lang en prints the overview in English")
    func overviewEnglish() throws {
        let run = try CLI.run(["overview", CLI.sample, "--lang", "en"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Financial overview — Huishouden Jansen (hh-demo-0001)")
        for line in ["Reference date: 23-11-2026", "Income", "Expenses", "Debt payments", "Deductions", "Income-norm test",
                     "  Above the norm: € 20,00 above the threshold.", "Warnings",
                     "  ! norm table of 2025-01-01 is older than six months on 2026-11-23"] {
            #expect(lines.contains(line), "line \(line)")
        }
        #expect(lines.contains { $0.hasPrefix("Remaining per month") && $0.hasSuffix("€ 417,00") })
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
            #expect(o["warnings"] as? [String] == ["norm table of 2025-01-01 is older than six months on 2026-11-23", warning])
        }
    }
}
