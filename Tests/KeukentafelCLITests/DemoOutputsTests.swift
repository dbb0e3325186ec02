import Foundation
import Testing

/// Item 7 of the grant decisions: a trainer shows a letter, a payment file and the report on a
/// practice store, as a member of its demo staff, and every such output says it is practice.
@Suite("letter, payments export and report on a practice store")
struct DemoOutputsTests {
    @Test("--as a member of the demo staff: a DEMO letter, a DEMO- payment file, a DEMO report; without --as a stranger is told who to be")
    func practiceOutputs() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("oefen/demo.sqlite").path
            // The practice store, made as `train` makes it (from the package's sample data).
            let made = try CLI.run(["train", "start", "oefening-1-verrekening", "--no-workstation", "--store", store, "--as", "t.trainee"],
                                   environment: Tmux.sampleData)
            #expect(made.status == 0, "\(made.stderr)")
            let trainer = ["--store", store, "--as", "a.dekker"]

            // Not on the demo staff and no --as: 64, with the demo staff to choose from.
            let stranger = try CLI.run(["report", "--store", store, "--as", "mallory"])
            #expect(stranger.status == 64 && stranger.stderr.contains("Kies met --as wie u in de oefening bent: "), "\(stranger.stderr)")
            #expect(stranger.stderr.contains("a.dekker (trainer)"), "\(stranger.stderr)")

            let letter = folder.appendingPathComponent("brief.txt").path
            let written = try CLI.run(["letter", "gr-0003-2", "-o", letter] + trainer)
            #expect(written.status == 0, "\(written.stderr)")
            #expect(try String(contentsOfFile: letter, encoding: .utf8).hasPrefix("DEMO — OEFENBRIEF, GEEN ECHT BESLUIT — NIET VERSTUREN"))

            let xml = folder.appendingPathComponent("betalingen.xml").path
            let paid = try CLI.run(["payments", "export", "-o", xml, "--debtor-iban", "NL91ABNA0417164300"] + trainer)
            #expect(paid.status == 0, "\(paid.stderr)")
            #expect(try String(contentsOfFile: xml, encoding: .utf8).contains("<MsgId>DEMO-"))

            let report = try CLI.run(["report", "--team", "alle"] + trainer)
            #expect(report.status == 0 && report.stdout.hasPrefix("DEMO — oefengegevens, geen echte cijfers\n"), "\(report.stdout)\(report.stderr)")
            let json = try CLI.run(["report", "--json", "--team", "alle"] + trainer)
            #expect(json.stdout.contains("\"practice\": true") || json.stdout.contains("\"practice\":true"), "\(json.stdout)")

            // A real store has no --as: it knows people by their OS user.
            let real = folder.appendingPathComponent("echt/k.sqlite").path
            #expect(try CLI.run(["init", "--store", real, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            let refused = try CLI.run(["report", "--store", real, "--as", "a.dekker"])
            #expect(refused.status == 64 && refused.stderr.contains("--as is alleen voor een oefenopslag"), "\(refused.stderr)")
        }
    }
}
