import Foundation
import Testing

/// `keukentafel signals`: a DDAS file in (matched by BSN, by address, and not at all), the
/// queue, three contact attempts and a result, and the delivery for the month validated
/// against the standard's JSON schema (v1.2, kept in Schemas/) by Python's jsonschema.
@Suite("keukentafel signals and the DDAS delivery")
struct SignalsCommandTests {
    static let schema = CLI.packageRoot.appendingPathComponent("Tests/KeukentafelCLITests/Schemas/ddas-v1.2-Uitwisselmodel.json")

    static func delivery(_ signals: String) -> String {
        """
        { "startdatumLevering": "2026-11-01", "einddatumLevering": "2026-11-30", "aanleverdatumEnTijd": "2026-11-20T08:00:00Z",
          "codeGegevensleverancier": "inforing", "leveringen": [ { "teller": 1, "gemeentecode": "0479",
          "aanleverendeOrganisatie": { "naam": "Inforing" }, "vroegsignalen": [ \(signals) ] } ] }
        """
    }
    static let three = """
        { "ID": "E-1", "bedrag": 412, "signaaldatum": "2026-11-16", "signaalpartner": { "type": "Energie" }, "client": { "burgerservicenummer": "111222333" } },
        { "ID": "H-2", "crisissignaal": true, "bedrag": 1650, "signaaldatum": "2026-11-20", "signaalpartner": { "type": "Huur" },
          "client": { "postcode": "1506EA", "huisnummer": "12", "geboortedatum": "1991-04-12" } },
        { "ID": "W-3", "bedrag": 96, "signaaldatum": "2026-11-18", "signaalpartner": { "type": "Water" }, "client": { "postcode": "1011AB", "huisnummer": "1" } }
        """

    /// Validates `file` against the schema with Python's jsonschema (Draft 2020-12, formats checked).
    static func validate(_ file: String) throws -> (status: Int32, output: String) {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); data = json.load(open(sys.argv[2]))
            v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in v.iter_errors(data)]
            print("\\n".join(errors) or "valid"); sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, file]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("Import, queue, three attempts, a result; the month's delivery validates and holds exactly those signals, zaak and attempts")
    func wholeMonth() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            #expect(try CLI.run(["import", "--store", store, CLI.sample]).status == 0)
            #expect(try CLI.run(["municipality", "set", "sample-data/municipality.json", "--store", store]).status == 0)
            let file = folder.appendingPathComponent("november.json").path
            try Self.delivery(Self.three).write(toFile: file, atomically: true, encoding: .utf8)
            let imported = try CLI.run(["signals", "import", file, "--json", "--store", store])
            #expect(imported.status == 0, "\(imported.stderr)")
            let outcome = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
            #expect(outcome["matched"] as? [String: String] == ["E-1": "hh-demo-0001", "H-2": "hh-demo-0001"])
            #expect(outcome["unmatched"] as? [String] == ["W-3"])
            let zaak = try #require((outcome["cases"] as? [String])?.first)

            // The queue: the crisis zaak first. Its first signal (16-11) has ten working days (30-11);
            // the crisis signal of Friday 20-11 three (Wednesday 25-11): the earlier counts. Today is 23-11.
            let list = try CLI.run(["signals", "list", "--store", store])
            let lines = list.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(lines == ["CRISIS \(zaak)  hh-demo-0001  16-11-2026  contact vóór 25-11-2026",
                              "W-3  (niet gekoppeld)  18-11-2026  contact vóór 02-12-2026"])

            for (kind, reached, date, part) in [("brief", "--no-reached", "17-11-2026", "ochtend"), ("telefoon", "--no-reached", "19-11-2026", "middag"),
                                                ("huisbezoek", "--reached", "23-11-2026", "avond")] {
                let r = try CLI.run(["signals", "contact", zaak, "--kind", kind, reached, "--date", date, "--part", part, "--store", store])
                #expect(r.status == 0, "\(r.stderr)")
            }
            // "Not picked up" after three attempts is refused (64) with what to do instead.
            let notPicked = try CLI.run(["signals", "result", zaak, "--result", "niet-opgepakt-anders", "--reason", "Verhuisd", "--store", store])
            #expect(notPicked.status == 64 && notPicked.stderr.contains("al opgepakt"), "\(notPicked.stderr)")
            #expect(try CLI.run(["signals", "result", zaak, "--result", "vervolghulp-financieel", "--store", store]).status == 0)
            // Closed: no attempt any more.
            let late = try CLI.run(["signals", "contact", zaak, "--kind", "brief", "--no-reached", "--store", store])
            #expect(late.status == 64 && late.stderr.contains("al gesloten"), "\(late.stderr)")
            #expect(try CLI.run(["signals", "contact", zaak, "--kind", "fax", "--reached", "--store", store]).status == 64)

            // W-3 matched nobody: set aside with the CLI; "another reason" needs its words.
            let bare = try CLI.run(["signals", "set-aside", "W-3", "--status", "niet-opgepakt-anders", "--store", store])
            #expect(bare.status == 64 && bare.stderr.contains("hoort de reden"), "\(bare.stderr)")
            let aside = try CLI.run(["signals", "set-aside", "W-3", "--status", "niet-opgepakt-onterecht", "--reason", "Verkeerd adres", "--store", store])
            #expect(aside.status == 0 && aside.stdout == "W-3: niet opgepakt: onterecht.\n", "\(aside.stderr)")

            let out = folder.appendingPathComponent("ddas-november.json").path
            let report = try CLI.run(["signals", "report", "--from", "2026-11-01", "--to", "2026-11-30", "-o", out, "--store", store])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(report.stdout == "3 signalen: 1 zaak, 1 niet gekoppeld; geschreven naar \(out).\n")
            let attributes = try FileManager.default.attributesOfItem(atPath: out)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let validation = try Self.validate(out)
            #expect(validation.status == 0, "the delivery does not validate against \(Self.schema.lastPathComponent): \(validation.output)")

            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
            #expect(json["startdatumLevering"] as? String == "2026-11-01" && json["einddatumLevering"] as? String == "2026-11-30")
            let levering = try #require((json["leveringen"] as? [[String: Any]])?.first)
            #expect(levering["gemeentecode"] as? String == "0479")
            #expect((levering["aanleverendeOrganisatie"] as? [String: Any])?["naam"] as? String == "Gemeente Zaanstad")
            let signals = try #require(levering["vroegsignalen"] as? [[String: Any]])
            #expect(signals.compactMap { $0["ID"] as? String } == ["E-1", "H-2", "W-3"])
            // The BSN only where the partner identified the client by it.
            #expect(signals.map { ($0["client"] as? [String: Any])?["burgerservicenummer"] as? String } == ["111222333", nil, nil])
            let zaken = try #require(levering["vroegsignaalzaken"] as? [[String: Any]])
            #expect(zaken.count == 1)
            #expect((zaken[0]["vroegsignalen"] as? [[String: String]])?.map { $0["ID"] } == ["E-1", "H-2"])
            #expect((zaken[0]["contactpogingen"] as? [[String: Any]])?.map { $0["soort"] as? String } == ["Brief", "Telefoon", "Huisbezoek"])
            #expect(zaken[0]["datumOpgepakt"] as? String == "2026-11-17")
            #expect(zaken[0]["resultaat"] as? String == "Vervolghulp en/of verwijzing financieel")

            // What it yielded, in report --json: three received (one each), one crisis, one not
            // matched, one zaak reached; its first signal 16-11, its first attempt 17-11: one day.
            let report2 = try CLI.run(["report", "--json", "--from", "2026-11-01", "--to", "2026-11-30", "--store", store])
            let figures = try #require((try JSONSerialization.jsonObject(with: Data(report2.stdout.utf8)) as? [String: Any])?["signals"] as? [String: Any])
            #expect(figures["received"] as? Int == 3 && figures["crisis"] as? Int == 1 && figures["unmatched"] as? Int == 1)
            #expect(figures["byPartner"] as? [String: Int] == ["energie": 1, "huur": 1, "water": 1])
            #expect(figures["cases"] as? Int == 1 && figures["reachedShare"] as? Double == 1)
            #expect(figures["medianDaysToFirstContact"] as? Double == 1)
            #expect(figures["results"] as? [String: Int] == ["vervolghulp-financieel": 1])
        }
    }

    @Test("A duplicate signal ID, an unknown partner type, a bad BSN, a field the schema lacks or another municipality: exit 65, nothing imported")
    func refused() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            #expect(try CLI.run(["import", "--store", store, CLI.sample]).status == 0)
            let cases: [(String, String)] = [
                (Self.three + #", { "ID": "E-1", "signaaldatum": "2026-11-19", "signaalpartner": { "type": "Water" }, "client": { "burgerservicenummer": "111222333" } }"#,
                 "leveringen[0].vroegsignalen[3].ID: \"E-1\" komt in deze import twee keer voor"),
                (Self.three + #", { "ID": "T-4", "signaaldatum": "2026-11-19", "signaalpartner": { "type": "Telecom" }, "client": { "burgerservicenummer": "111222333" } }"#,
                 "leveringen[0].vroegsignalen[3].signaalpartner.type: \"Telecom\""),
                (Self.three + #", { "ID": "B-5", "signaaldatum": "2026-11-19", "signaalpartner": { "type": "DUO" }, "client": { "burgerservicenummer": "123456789" } }"#,
                 "leveringen[0].vroegsignalen[3].client.burgerservicenummer"),
            ]
            for (i, (signals, message)) in cases.enumerated() {
                let file = folder.appendingPathComponent("bad-\(i).json").path
                try Self.delivery(signals).write(toFile: file, atomically: true, encoding: .utf8)
                let r = try CLI.run(["signals", "import", file, "--store", store])
                #expect(r.status == 65)
                #expect(r.stderr.contains(message), "\(r.stderr)")
            }
            #expect(try CLI.run(["signals", "list", "--store", store]).stdout == "De wachtrij is leeg.\n")
            // A field the schema does not have (a misspelt crisissignaal) is no "no crisis": refused at its path.
            let misspelt = folder.appendingPathComponent("misspelt.json").path
            try Self.delivery(#"{ "ID": "C-1", "crisisSignaal": true, "signaaldatum": "2026-11-20", "signaalpartner": { "type": "Huur", "soort": "x" }, "client": { "burgerservicenummer": "111222333", "telefoon": "06" } }"#)
                .write(toFile: misspelt, atomically: true, encoding: .utf8)
            let unknown = try CLI.run(["signals", "import", misspelt, "--store", store])
            #expect(unknown.status == 65)
            for path in ["vroegsignalen[0].crisisSignaal", "vroegsignalen[0].signaalpartner.soort", "vroegsignalen[0].client.telefoon"] {
                #expect(unknown.stderr.contains("leveringen[0].\(path): is geen veld van dit formaat"), "\(unknown.stderr)")
            }
            // What the schema holds beside the signals, and dates that cannot be: each at its path (today is 23-11-2026).
            let odd = folder.appendingPathComponent("odd.json").path
            try Self.delivery(#"""
                { "ID": "F-1", "signaaldatum": "2027-03-01", "signaalpartner": { "type": "Huur" }, "client": { "burgerservicenummer": "111222333", "postcode": "1506EA" } },
                { "ID": "F-2", "ontstaansdatum": "2026-11-20", "signaaldatum": "2026-11-19", "signaalpartner": { "type": "Huur" },
                  "client": { "postcode": "1506EA", "huisnummer": "12", "geslachtsaanduiding": "X" } }
                """#).replacingOccurrences(of: #""aanleverdatumEnTijd": "2026-11-20T08:00:00Z""#, with: #""aanleverdatumEnTijd": "gisteren""#)
                .replacingOccurrences(of: #""vroegsignalen": ["#, with: #""vroegsignaalzaken": [ { "bogus": 1 } ], "vroegsignalen": ["#)
                .write(toFile: odd, atomically: true, encoding: .utf8)
            let oddRun = try CLI.run(["signals", "import", odd, "--store", store])
            #expect(oddRun.status == 65)
            for expected in ["aanleverdatumEnTijd:", "leveringen[0].vroegsignaalzaken[0].bogus: is geen veld",
                             "vroegsignalen[0].signaaldatum: 01-03-2027 ligt na vandaag", "vroegsignalen[0].client: een cliënt met een BSN",
                             "vroegsignalen[1].ontstaansdatum: de achterstand ontstond op 20-11-2026, na het signaal van 19-11-2026",
                             "vroegsignalen[1].client.geslachtsaanduiding: \"X\""] {
                #expect(oddRun.stderr.contains(expected), "\(expected) not in \(oddRun.stderr)")
            }
            // A delivery for another municipality than the store's.
            #expect(try CLI.run(["municipality", "set", "sample-data/municipality.json", "--store", store]).status == 0)   // 0479
            let other = folder.appendingPathComponent("other.json").path
            try Self.delivery(Self.three).replacingOccurrences(of: "\"0479\"", with: "\"0363\"").write(toFile: other, atomically: true, encoding: .utf8)
            let elsewhere = try CLI.run(["signals", "import", other, "--store", store])
            #expect(elsewhere.status == 65 && elsewhere.stderr.contains("leveringen[0].gemeentecode: gemeentecode \"0363\" is niet die van deze opslag (0479)"),
                    "\(elsewhere.stderr)")
            #expect(try CLI.run(["signals", "list", "--store", store]).stdout == "De wachtrij is leeg.\n")
            // Imported once, the same file again is refused whole: its IDs are known.
            let good = folder.appendingPathComponent("good.json").path
            try Self.delivery(Self.three).write(toFile: good, atomically: true, encoding: .utf8)
            #expect(try CLI.run(["signals", "import", good, "--store", store]).status == 0)
            let again = try CLI.run(["signals", "import", good, "--store", store])
            #expect(again.status == 65)
            #expect(again.stderr.contains("leveringen[0].vroegsignalen[0].ID: \"E-1\" staat al in de opslag"), "\(again.stderr)")
            // Every problem in one run: a known ID and a bad BSN together.
            let both = folder.appendingPathComponent("both.json").path
            try Self.delivery(#"{ "ID": "E-1", "signaaldatum": "2026-11-19", "signaalpartner": { "type": "Water" }, "client": { "burgerservicenummer": "123456789" } }"#)
                .write(toFile: both, atomically: true, encoding: .utf8)
            let twice = try CLI.run(["signals", "import", both, "--store", store])
            #expect(twice.status == 65 && twice.stderr.contains("2 problemen") && twice.stderr.contains("staat al in de opslag")
                    && twice.stderr.contains("client.burgerservicenummer"), "\(twice.stderr)")
        }
    }
}
