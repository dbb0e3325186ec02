import Foundation
import Testing

/// Practice cases on the real binary: two trainees in terminals of their own on one shared
/// practice store, the trainer's view of both, and a reset of one.
@Suite("Practice cases end to end under tmux", .serialized)
struct TrainingEndToEndTests {
    static let practice = "oefening-1-verrekening"

    /// Opens the trainee's copy (their only household), types one ledger line in the
    /// section `tabs` Tabs after income, and opens the checkpoints with F11.
    static func work(_ tmux: Tmux, tabs: Int, label: String) throws {
        tmux.waitFor("Mijn huishoudens")
        try tmux.press("Enter", until: "Leefgebieden (ZRM)")
        try tmux.press("2", until: "Inkomsten")
        for _ in 0..<tabs { try tmux.keys("Tab") }
        tmux.waitForInputRead()
        try tmux.keys("a")
        tmux.waitFor("Nieuwe regel")
        try tmux.type(label)
        try tmux.keys("Tab")
        try tmux.type("150,00")
        try tmux.keys("Enter")
        tmux.waitFor("Bewaard: \(label).")
        try tmux.keys("Escape")
        tmux.waitUntil("the form closed") { !$0.contains("Nieuwe regel") }
        try tmux.keys("F11")
        tmux.waitFor("Controlepunten:")
    }

    @Test("Two trainees work the same case on one practice store; the trainer sees each one's progress; a reset starts one over and leaves the other")
    func twoTrainees() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("oefen/k.sqlite").path
            var terminals: [Tmux] = []
            for name in ["een", "twee"] {
                let home = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
                terminals.append(try Tmux(folder: home, width: 100, height: 30, environment: Tmux.sampleData))
            }
            let (een, twee) = (terminals[0], terminals[1])
            // Both start at once: the practice store is made by whichever comes first.
            try een.runBetweenStty(binary, "train start \(Self.practice) --store \(Tmux.quote(store)) --as t.een")
            try twee.runBetweenStty(binary, "train start \(Self.practice) --store \(Tmux.quote(store)) --as t.twee")

            try Self.work(een, tabs: 3, label: "Verrekening toeslag")          // a deduction: right
            een.waitFor("3 van 3 kloppen")
            try Self.work(twee, tabs: 1, label: "Verrekening toeslag")         // an expense: wrong
            twee.waitFor("0 van 3 kloppen")
            #expect(twee.lines.contains { $0.contains("·   De verrekening van € 150 per maand staat als inhouding.") })
            for tmux in terminals {
                try tmux.keys("Escape")
                tmux.waitUntil("the panel closed") { !$0.contains("Controlepunten:") }
                try tmux.press("Escape", until: "Mijn huishoudens")
                try tmux.keys("F10")
                tmux.waitFor("EXIT=0")
            }

            let trainer = ["--store", store, "--as", "a.dekker"]
            let progress = try CLI.run(["train", "progress"] + trainer, environment: Tmux.sampleData)
            #expect(progress.status == 0)
            #expect(progress.stdout.contains("t.een  \(Self.practice)  3/3"), "\(progress.stdout)")
            #expect(progress.stdout.contains("t.twee  \(Self.practice)  0/3"), "\(progress.stdout)")
            #expect(try CLI.run(["train", "feedback", Self.practice, "t.twee", "Een verrekening is geen uitgave: kijk naar Inhoudingen."] + trainer,
                                environment: Tmux.sampleData).status == 0)

            let reset = try CLI.run(["train", "reset", Self.practice, "--store", store, "--as", "t.een"], environment: Tmux.sampleData)
            #expect(reset.status == 0)
            let after = try CLI.run(["train", "progress"] + trainer, environment: Tmux.sampleData)
            #expect(after.stdout.contains("t.een  \(Self.practice)  1/3"), "\(after.stdout)")   // back at the start: only "not an expense" holds
            #expect(after.stdout.contains("t.twee  \(Self.practice)  0/3"), "\(after.stdout)")  // untouched
            let check = try CLI.run(["train", "check", Self.practice, "--store", store, "--as", "t.twee"], environment: Tmux.sampleData)
            #expect(check.stdout.contains("Feedback van a.dekker"), "\(check.stdout)")
            #expect(!check.stdout.lowercased().contains("beslag"))   // the checkpoints say what holds, not the answer (the kind to choose)
            let report = try CLI.run(["train", "report", "--json"] + trainer, environment: Tmux.sampleData)
            #expect(report.status == 0 && report.stdout.contains("\"trainee\": \"t.twee\""), "\(report.stdout)")
        }
    }
}
