import Foundation
import Testing

@Suite("keukentafel subject-access and retention")
struct PrivacyCommandTests {
    /// A store with every sample household.
    static func store(_ folder: URL) throws -> String {
        let path = try StoreCommandTests.initStore(folder)
        #expect(try CLI.run(["import", "--store", path] + StoreCommandTests.samples()).status == 0)
        return path
    }

    static func json(_ path: String) throws -> [String: Any] {
        try CLI.object(try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test("subject-access: a 0600 file with the household as its case file and its audit rows; the request recorded")
    func found() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let out = folder.appendingPathComponent("inzage.json").path
            let run = try CLI.run(["subject-access", "111222333", "-o", out, "--store", path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == "In deze opslag staat 1 huishouden met een lid met BSN *****2333, en 2 regels in het auditlogboek daarover. Het antwoord staat in \(out).\n")
            #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
            let answer = try Self.json(out)
            #expect(answer["format"] as? String == "keukentafel-subject-access/1")
            #expect(answer["bsn"] as? String == "111222333")
            #expect(answer["madeBy"] as? String == (try StoreFile.me(path)))
            let households = try #require(answer["households"] as? [Any])
            #expect(households.count == 1)
            // the household exactly as export writes it: the sample file itself
            let household = String(decoding: try JSONSerialization.data(withJSONObject: households[0]), as: UTF8.self)
            #expect(try CLI.canonical(household)
                    == CLI.canonical(String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.sample), encoding: .utf8)))
            let audit = try #require(answer["audit"] as? [[String: Any]])
            #expect(audit.map { $0["action"] as? String } == ["household.import", "household.subject-access"])
            #expect(audit.allSatisfy { $0["household"] as? String == "hh-demo-0001" })
            #expect(try StoreFile.audit(path).last?.action == "household.subject-access")

            // the same file again: refused, the answer given stays as it was (no file is overwritten)
            let before = try Data(contentsOf: URL(fileURLWithPath: out))
            let refused = try CLI.run(["subject-access", "111 222 333", "-o", out, "--store", path, "--lang", "en"])
            #expect(refused.status == 64 && refused.stderr.contains("exists already"), "\(refused.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
            let second = folder.appendingPathComponent("inzage-2.json").path
            let again = try CLI.run(["subject-access", "111 222 333", "-o", second, "--store", path, "--lang", "en"])
            #expect(again.status == 0)
            #expect(again.stdout == "This store holds 1 household with a member with BSN *****2333, and 3 audit rows about it. The answer is in \(second).\n")
            #expect((try Self.json(second)["audit"] as? [Any])?.count == 3)
        }
    }

    @Test("subject-access: a BSN failing the 11-test is refused (64, nothing written); nobody found still gets an answer")
    func badAndNobody() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let before = try StoreFile.audit(path).count
            let out = folder.appendingPathComponent("a.json").path
            let bad = try CLI.run(["subject-access", "123456789", "-o", out, "--store", path])
            #expect(bad.status == 64)
            #expect(bad.stderr == "\"123456789\" is geen geldig BSN (negen cijfers die de elfproef doorstaan); er is niets opgezocht of geschreven.\n")
            #expect(!FileManager.default.fileExists(atPath: out))
            #expect(try StoreFile.audit(path).count == before)

            let nobody = try CLI.run(["subject-access", "123456782", "-o", out, "--store", path])
            #expect(nobody.status == 0)
            #expect(nobody.stdout == "Over BSN *****6782 is in deze opslag niets opgeslagen. Het antwoord staat in \(out).\n")
            let answer = try Self.json(out)
            #expect(answer["summary"] as? String == "Over BSN *****6782 is in deze opslag niets opgeslagen.")
            #expect((answer["households"] as? [Any])?.isEmpty == true && (answer["audit"] as? [Any])?.isEmpty == true)
            #expect(try StoreFile.audit(path).last?.action == "subject-access")
        }
    }

    @Test("subject-access and retention --apply: refused for a caseworker (64), nothing written; the dry run is for everyone")
    func roles() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            let me = try StoreFile.me(path)
            try StoreFile.execute(path, "UPDATE household SET status = 'closed' WHERE id = 'hh-demo-0002'")
            try StoreFile.setRole(path, "caseworker")
            let before = try StoreFile.audit(path).count
            let out = folder.appendingPathComponent("a.json").path
            let access = try CLI.run(["subject-access", "111222333", "-o", out, "--store", path])
            #expect(access.status == 64)
            #expect(access.stderr == "\(me) (regisseur) mag niet een inzageverzoek beantwoorden. Dat doet een teamleider.\n")
            #expect(!FileManager.default.fileExists(atPath: out))
            let later = ["KEUKENTAFEL_TODAY": "2034-01-01"]
            let apply = try CLI.run(["retention", "--older-than", "7", "--apply", "--store", path], environment: later)
            #expect(apply.status == 64)
            #expect(apply.stderr == "\(me) (regisseur) mag niet huishoudens anonimiseren. Dat doet een teamleider.\n")
            let dry = try CLI.run(["retention", "--older-than", "7", "--store", path], environment: later)
            #expect(dry.status == 0)
            #expect(dry.stdout.contains("hh-demo-0002"))
            #expect(try StoreFile.audit(path).count == before)
            // still the real household (read as team leader: the caseworker of hh-demo-0002 is
            // not on this store's staff list, so a caseworker may not open it; Access.swift)
            try StoreFile.setRole(path, "teamleader")
            #expect(try CLI.run(["export", "hh-demo-0002", "--store", path]).stdout.contains("Huishouden Verbeek"))
        }
    }

    @Test("retention: a dry run lists, --apply anonymises with the report unchanged, twice is harmless")
    func retention() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.store(folder)
            try StoreFile.execute(path, "UPDATE household SET status = 'closed' WHERE id IN ('hh-demo-0002', 'hh-demo-0003')")
            let later = ["KEUKENTAFEL_TODAY": "2034-01-01"]
            let report = ["report", "--json", "--from", "2020-01-01", "--team", "alle", "--store", path]
            let figures = try CLI.run(report, environment: later)
            #expect(figures.status == 0)
            #expect((try CLI.object(figures.stdout)["grants"] as? [String: Any])?["count"] as? Int == 7)

            // the day of the import, as the store wrote it: the program's clock (CLI.today)
            #expect(try StoreFile.changedAt(path, "hh-demo-0002").hasPrefix("2026-11-23T09:00:00"))
            let dry = try CLI.run(["retention", "--older-than", "7", "--store", path], environment: later)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout == """
                Gesloten huishoudens met een laatste wijziging vóór 01-01-2027 (meer dan 7 jaar voor 01-01-2034): 2
                  hh-demo-0002  laatste wijziging 23-11-2026  regisseur r.westra  3 leden
                  hh-demo-0003  laatste wijziging 23-11-2026  regisseur r.westra  5 leden
                Proefrun: er is niets veranderd. Anonimiseer ze met --apply (alleen teamleiders).

                """)
            let tooYoung = try CLI.run(["retention", "--older-than", "8", "--store", path], environment: later)
            #expect(tooYoung.stdout == "Geen gesloten huishoudens met een laatste wijziging vóór 01-01-2026 (meer dan 8 jaar voor 01-01-2034); er is niets te anonimiseren.\n")
            #expect(try CLI.run(["export", "hh-demo-0002", "--store", path]).stdout.contains("Huishouden Verbeek"))

            let apply = try CLI.run(["retention", "--older-than", "7", "--apply", "--store", path, "--lang", "en"], environment: later)
            #expect(apply.status == 0, "\(apply.stderr)")
            #expect(apply.stdout == "hh-demo-0002 anonymised\nhh-demo-0003 anonymised\n2 households anonymised.\n")
            #expect(try CLI.run(report, environment: later).stdout == figures.stdout)
            let exported = try CLI.run(["export", "hh-demo-0002", "--store", path]).stdout
            #expect(exported.contains("\"name\": \"Geanonimiseerd huishouden\""))
            for gone in ["Verbeek", "797228184", "Noëlle"] { #expect(!exported.contains(gone), "\(gone)") }
            #expect(try StoreFile.audit(path).filter { $0.action == "household.anonymise" }.count == 2)
            #expect(try CLI.run(["audit", "verify", "--store", path]).status == 0)

            let again = try CLI.run(["retention", "--older-than", "7", "--apply", "--store", path], environment: later)
            #expect(again.status == 0)
            #expect(again.stdout.hasPrefix("Geen gesloten huishoudens"))
            #expect(try StoreFile.audit(path).filter { $0.action == "household.anonymise" }.count == 2)

            let zero = try CLI.run(["retention", "--older-than", "0", "--store", path])
            #expect(zero.status == 64)
            #expect(zero.stderr == "--older-than 0: geef een bewaartermijn van 1 tot en met 100 jaar.\n")
            #expect(try CLI.run(["retention", "--older-than", "zeven", "--store", path]).status == 64)
        }
    }
}
