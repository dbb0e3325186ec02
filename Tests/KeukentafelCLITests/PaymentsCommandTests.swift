import Foundation
import Testing

@Suite("keukentafel payments export and letter")
struct PaymentsCommandTests {
    /// The ISO 20022 schema of a SEPA credit transfer, kept with the tests.
    static let schema = CLI.packageRoot.appendingPathComponent("Tests/KeukentafelCLITests/Schemas/pain.001.001.03.xsd")

    static func xmllint(_ file: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", schema.path, file]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A new store of the test team leader (the OS user) holding one sample household.
    static func store(in folder: URL, importing sample: String) throws -> String {
        let store = folder.appendingPathComponent("s/k.sqlite").path
        #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
        #expect(try CLI.run(["import", "--store", store, sample]).status == 0)
        return store
    }

    @Test("The demo data's approved, unpaid grants make a valid SEPA file; a second export has nothing")
    func sepa() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "xmllint is needed: apt-get install libxml2-utils (README, prerequisites; .ci/run installs it)")
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("s/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("sample-data").path)
                .filter { $0.hasPrefix("hh-") }.sorted().map { "sample-data/" + $0 }
            #expect(try CLI.run(["import", "--store", store] + files).status == 0)
            let out = folder.appendingPathComponent("betalingen.xml").path
            let run = try CLI.run(["payments", "export", "-o", out, "--store", store,
                                   "--debtor-name", "Gemeente Zaanstad", "--debtor-iban", "NL91ABNA0417164300"])
            #expect(run.status == 0, "\(run.stderr)")
            // gr-0003-2 € 978,45 and gr-0004-2 € 650,00: together € 1.628,45
            #expect(run.stdout == "KT-\(CLI.today.replacingOccurrences(of: "-", with: ""))-0001: 2 betalingen, samen € 1.628,45, in \(out)\n")
            #expect(try Self.xmllint(out) == 0, "the SEPA file does not validate against \(Self.schema.path)")
            let xml = try String(contentsOfFile: out, encoding: .utf8)
            #expect(xml.components(separatedBy: "<CtrlSum>1628.45</CtrlSum>").count == 3)
            #expect(xml.contains("<InstdAmt Ccy=\"EUR\">978.45</InstdAmt>"))
            #expect(xml.contains("<InstdAmt Ccy=\"EUR\">650.00</InstdAmt>"))
            #expect(xml.contains("<NbOfTxs>2</NbOfTxs>"))
            let again = try CLI.run(["payments", "export", "-o", out + ".2", "--store", store, "--debtor-iban", "NL91ABNA0417164300"])
            #expect(again.status == 0)
            #expect(again.stdout.hasPrefix("Er zijn geen goedgekeurde aanvragen"))
            #expect(!FileManager.default.fileExists(atPath: out + ".2"))
            let bad = try CLI.run(["payments", "export", "-o", out, "--store", store, "--debtor-iban", "NL91ABNA0417164301"])
            #expect(bad.status == 65)
        }
    }

    @Test("An export into a missing folder or over an existing file records nothing and the next export holds the grants; --batch writes the same file again")
    func neverLost() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try Self.store(in: folder, importing: "sample-data/hh-demo-0003.json")
            let iban = ["--debtor-name", "Gemeente Zaanstad", "--debtor-iban", "NL91ABNA0417164300"]
            let missing = folder.appendingPathComponent("bestaat-niet/p.xml").path
            let failed = try CLI.run(["payments", "export", "-o", missing, "--store", store] + iban)
            #expect(failed.status == 74)
            #expect(failed.stderr.contains("De aanvragen blijven te betalen"), "\(failed.stderr)")
            // Over a file that exists: refused (a sent payment file is never replaced), nothing recorded.
            let existing = folder.appendingPathComponent("vorige.xml").path
            try "<vorige/>".write(toFile: existing, atomically: true, encoding: .utf8)
            let over = try CLI.run(["payments", "export", "-o", existing, "--store", store] + iban)
            #expect(over.status == 64 && over.stderr.contains("bestaat al"), "\(over.stderr)")
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "<vorige/>")
            let batches = try CLI.run(["payments", "batches", "--store", store])
            #expect(batches.stdout == "Er zijn nog geen betaalbestanden.\n")
            // gr-0003-2, € 978,45, approved and unpaid: still in the next export.
            let out = folder.appendingPathComponent("p.xml").path
            let run = try CLI.run(["payments", "export", "-o", out, "--store", store] + iban)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("1 betalingen, samen € 978,45"))
            let id = "KT-\(CLI.today.replacingOccurrences(of: "-", with: ""))-0001"
            let listed = try CLI.run(["payments", "batches", "--store", store])
            #expect(listed.stdout.hasPrefix(id))
            #expect(listed.stdout.contains("gr-0003-2"))
            let copy = folder.appendingPathComponent("p2.xml").path
            let again = try CLI.run(["payments", "export", "--batch", id, "-o", copy, "--store", store])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(contentsOf: URL(fileURLWithPath: out)))
            var info = stat()
            stat(out, &info)
            #expect(info.st_mode & 0o777 == 0o600)
        }
    }

    @Test("mark-paid: by hand, saying it was in no payment file; the next export leaves it out; --undo makes it payable again")
    func markPaidByHand() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try Self.store(in: folder, importing: "sample-data/hh-demo-0003.json")
            let iban = ["--debtor-name", "Gemeente Zaanstad", "--debtor-iban", "NL91ABNA0417164300", "--store", store]
            let marked = try CLI.run(["payments", "mark-paid", "gr-0003-2", "--store", store])
            #expect(marked.status == 0 && marked.stdout.contains("Hij stond in geen betaalbestand"), "\(marked.stdout)\(marked.stderr)")
            let none = try CLI.run(["payments", "export", "-o", folder.appendingPathComponent("a.xml").path] + iban)
            #expect(none.stdout.hasPrefix("Er zijn geen goedgekeurde aanvragen"), "\(none.stdout)")
            let undone = try CLI.run(["payments", "mark-paid", "gr-0003-2", "--undo", "--store", store])
            #expect(undone.status == 0 && undone.stdout.contains("staat weer op toegekend"), "\(undone.stderr)")
            let paid = try CLI.run(["payments", "export", "-o", folder.appendingPathComponent("b.xml").path] + iban)
            #expect(paid.status == 0 && paid.stdout.contains("1 betalingen, samen € 978,45"), "\(paid.stdout)\(paid.stderr)")
            // Twice back is refused: it is no hand-marked payment any more.
            // Paid through that file now: not to be taken back (it would be paid twice).
            let twice = try CLI.run(["payments", "mark-paid", "gr-0003-2", "--undo", "--store", store])
            #expect(twice.status == 65 && twice.stderr.contains("twee keer betaald"), "\(twice.stderr)")
        }
    }

    @Test("The objection term runs from the day the letter went out, in the letter and in the store alike")
    func termFromTheLetter() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try Self.store(in: folder, importing: "sample-data/hh-demo-0003.json")
            #expect(try CLI.run(["municipality", "set", "sample-data/municipality.json", "--store", store]).status == 0)
            // gr-0003-2 was decided on 22-11-2026; its letter goes out on Tuesday 15-12-2026:
            // six weeks, to Tuesday 26-01-2027.
            let out = folder.appendingPathComponent("brief.txt").path
            #expect(try CLI.run(["letter", "gr-0003-2", "-o", out, "--store", store], environment: ["KEUKENTAFEL_TODAY": "2026-12-15"]).status == 0)
            #expect(try String(contentsOfFile: out, encoding: .utf8).contains("uiterlijk op 26 januari 2027"))
            // An objection of 20-01-2027 is in time: no warning, and the store's term is the letter's.
            let added = try CLI.run(["objection", "add", "gr-0003-2", "--received", "20-01-2027", "--grounds", "Het bedrag is te laag.", "--store", store],
                                    environment: ["KEUKENTAFEL_TODAY": "2027-01-20"])
            #expect(added.status == 0 && !added.stdout.contains("Let op"), "\(added.stdout)\(added.stderr)")
            // The signer is needed: without it, no letter.
            let unsigned = folder.appendingPathComponent("ongetekend.json").path
            try #"{ "format": "keukentafel-municipality/1", "name": "Gemeente Zaanstad", "code": "0479" }"#.write(toFile: unsigned, atomically: true, encoding: .utf8)
            #expect(try CLI.run(["municipality", "set", unsigned, "--store", store]).status == 0)
            let refused = try CLI.run(["letter", "gr-0003-1", "-o", folder.appendingPathComponent("b2.txt").path, "--store", store])
            #expect(refused.status == 64 && refused.stderr.contains("signer en signerRole"), "\(refused.stderr)")
        }
    }

    @Test("mark-paid --undo takes back only a payment marked by hand: one imported as paid stays paid")
    func undoOnlyByHand() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try Self.store(in: folder, importing: "sample-data/hh-demo-0004.json")
            let undo = try CLI.run(["payments", "mark-paid", "gr-0004-1", "--undo", "--store", store])
            #expect(undo.status == 65 && undo.stderr.contains("twee keer betaald"), "\(undo.stderr)")
        }
    }

    /// `sha256sum FILE`'s digest: another program's, not ours.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test("letter GRANT-ID writes the decision letter to a new file, keeps it with the digest sha256sum gives, never overwrites")
    func letter() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try Self.store(in: folder, importing: "sample-data/hh-demo-0003.json")
            // The team's folder for letters, from the municipality's settings.
            let letters = folder.appendingPathComponent("brieven").path
            try FileManager.default.createDirectory(atPath: letters, withIntermediateDirectories: true)
            let settings = folder.appendingPathComponent("gemeente.json").path
            try String(contentsOfFile: CLI.packageRoot.appendingPathComponent("sample-data/municipality.json").path, encoding: .utf8)
                .replacingOccurrences(of: "\"code\": \"0479\",", with: "\"code\": \"0479\", \"outputFolder\": \"\(letters)\",")
                .write(toFile: settings, atomically: true, encoding: .utf8)
            #expect(try CLI.run(["municipality", "set", settings, "--store", store]).status == 0)
            // A file of that name is there already (another letter): the new one goes beside it.
            try "EERDER".write(toFile: letters + "/besluit-gr-0003-2.txt", atomically: true, encoding: .utf8)
            let run = try CLI.run(["letter", "gr-0003-2", "--store", store], environment: ["XDG_CONFIG_HOME": folder.path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(try String(contentsOfFile: letters + "/besluit-gr-0003-2.txt", encoding: .utf8) == "EERDER")
            let first = letters + "/besluit-gr-0003-2-2.txt"
            let text = try String(contentsOfFile: first, encoding: .utf8)
            #expect(text.contains("Wij kennen u € 978,45 bijzondere bijstand toe"))
            #expect(text.contains("binnen zes weken"))
            #expect(text.contains("uiterlijk op 4 januari 2027"))
            var info = stat()
            stat(first, &info)
            #expect(info.st_mode & 0o777 == 0o600)
            // The digest in the audit trail is the file's, as sha256sum computes it.
            let digest = try Self.sha256sum(first)
            #expect(digest.count == 64 && run.stdout == "Besluitbrief geschreven naar \(first) (sha256 \(digest)).\n", "\(run.stdout)")
            let audit = try CLI.run(["audit", "show", "hh-demo-0003", "--store", store])
            #expect(audit.stdout.contains("gr-0003-2 sha256 \(digest)"), "\(audit.stdout)")
            // The decision was made known by that letter: no second one (another date, another
            // term), but --copy, the one sent.
            let second = try CLI.run(["letter", "gr-0003-2", "--store", store, "--lang", "en"], environment: ["XDG_CONFIG_HOME": folder.path])
            #expect(second.status == 64 && second.stderr.contains("letter gr-0003-2 --copy prints it again"), "\(second.stderr)")
            // -o on a file that exists: refused, the file as it was, no letter recorded (gr-0003-1, paid, has none yet).
            let existing = folder.appendingPathComponent("eerder.txt").path
            try "EERDER".write(toFile: existing, atomically: true, encoding: .utf8)
            let over = try CLI.run(["letter", "gr-0003-1", "-o", existing, "--store", store])
            #expect(over.status == 64 && over.stderr.contains("bestaat al"), "\(over.stderr)")
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "EERDER")
            #expect(try CLI.run(["audit", "show", "hh-demo-0003", "--store", store]).stdout.components(separatedBy: "grant.letter ").count == 2)
            // The letter as sent is kept: --copy prints it again, byte for byte, even after the
            // day moved on (the date in a new letter would differ).
            let copy = try CLI.run(["letter", "gr-0003-2", "--copy", "--store", store], environment: ["KEUKENTAFEL_TODAY": "2026-12-15"])
            #expect(copy.status == 0, "\(copy.stderr)")
            #expect(copy.stdout == text)
            // A draft is no decision: no letter (gr-0009-2 is a draft in the demo data).
            #expect(try CLI.run(["import", "--store", store, "sample-data/hh-demo-0009.json"]).status == 0)
            let draft = try CLI.run(["letter", "gr-0009-2", "--store", store])
            #expect(draft.status == 64)
            #expect(draft.stdout == "")
            #expect(draft.stderr.contains("is nog niet beslist"))
            #expect(try CLI.run(["letter", "gr-nope", "--store", store]).status == 64)
        }
    }
}
