import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// F11 on a trainee's copy of a practice case: the panel with the situation, the tasks, the
/// checkpoints and the trainer's feedback.
@Suite("The practice case's panel (F11)")
struct PracticePanelTests {
    static func practice(_ id: String) throws -> PracticeCase {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("training/\(id).json"), encoding: .utf8)
        return try PracticeCaseReader.read(text: text).get()
    }

    /// A practice store with trainee t.een's copy of `id` (and the trainer's feedback), the
    /// app as t.een on the caseload, which lists that copy alone.
    static func withTrainee<T>(_ id: String, size: Size, language: Language = .nl, _ body: (App) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kt-ws-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Store.createDemo(from: packageRoot.appendingPathComponent("sample-data").path, temporaryRoot: folder,
                                         clock: .fixed(Moment(iso: "2026-11-23T09:00:00+01:00")!))
        let leader = try #require(try store.staff().first { $0.role == .teamleader })
        try store.addStaff(StaffMember(user: "t.een", name: "Tess Eén", role: .caseworker, team: leader.team), by: leader.actor)
        let c = try practice(id)
        let copy = try store.startPractice(c, trainee: "t.een", by: Actor(user: "t.een", role: .caseworker))
        try store.addPracticeFeedback(household: copy, text: "Kijk nog eens naar de soort inhouding 👍", by: Actor(user: "a.dekker", role: .trainer))
        var env = AppEnvironment(store: store, staff: try store.staffMember("t.een"), language: language, outputFolder: folder)
        env.practiceCases = [c]
        return try body(try App(env: env, size: size))
    }

    @Test("Golden: the panel over the copy, with what holds and the feedback", arguments: ScreenTests.sizes)
    func golden(size: Size) throws {
        try Self.withTrainee("oefening-1-verrekening", size: size) { app in
            app.handle(.key(.enter))
            #expect(app.state.screen == .household)
            if size.width >= 100 { #expect(app.render().text.contains("F11 Oefenpunten")) }   // the key bar names it where it fits (F1 always)
            app.handle(.key(.function(11)))
            let text = app.render().text
            #expect(text.contains("Controlepunten: 1 van 3 kloppen"))
            if size.height >= 40 { #expect(text.contains("👍")) }              // below the fold at 80×24: ↓ shows it
            try assertGolden(app, "practice-panel-nl-\(size.width)x\(size.height)")
            app.handle(.key(.escape))
            #expect(!app.render().text.contains("Controlepunten:"))
            #expect(app.state.screen == .household)
        }
    }

    @Test("Not a practice copy: F11 does nothing and the key bar does not offer it")
    func notACopy() throws {
        try withDemoApp(user: "r.westra", size: Size(width: 120, height: 40)) { app in
            app.handle(.key(.enter))
            #expect(app.state.screen == .household)
            #expect(!app.render().text.contains("Oefenpunten"))
            app.handle(.key(.function(11)))
            #expect(!app.render().text.contains("Controlepunten"))
        }
    }
}
