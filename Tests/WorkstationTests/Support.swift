import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
let referenceDay = CalendarDate(iso: "2026-11-23")!

/// A demo store from sample-data with a fixed clock, in a temporary folder removed after
/// `body`; the app runs as `user`.
func withDemoApp<T>(user: String = "r.westra", language: Language = .nl, size: Size = Size(width: 100, height: 30),
                    searchBeginningThreshold: Int = SearchBeginnings.defaultThreshold,
                    clock: WallClock = .fixed(Moment(iso: "2026-11-23T09:00:00+01:00")!),
                    _ body: (App) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kt-ws-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = try Store.createDemo(from: packageRoot.appendingPathComponent("sample-data").path, temporaryRoot: folder,
                                     clock: clock)
    let env = AppEnvironment(store: store, staff: try store.staffMember(user), language: language,
                             outputFolder: folder, searchBeginningThreshold: searchBeginningThreshold)
    return try body(try App(env: env, size: size))
}

/// Puts hh-demo-0004 in another team's hands: w.west of Wijkteam West, added by team leader
/// j.bakker (returned, for what the test does next). r.westra may then not open it.
@discardableResult
func assignDemoHouseholdToOtherTeam(_ store: Store) throws -> Actor {
    let leader = Actor(user: "j.bakker", role: .teamleader)
    try store.addStaff(StaffMember(user: "w.west", name: "Wim West", role: .caseworker, team: "Wijkteam West"), by: leader)
    try store.assignHousehold("hh-demo-0004", to: "w.west", by: leader)
    return leader
}

/// A second app on the same store, as after a restart.
func restarted(_ app: App) throws -> App {
    try App(env: app.env, size: app.state.size)
}

/// Renders `app` as its golden test sees it, and checks the layout on the way: no amount,
/// date or other figure loses a digit, and no sentence for the user is cut (see CutText).
/// Words may be cut with "…"; figures and messages never.
func checkedRender(_ app: App, ascii: Bool = false, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScreenBuffer {
    let log = CutText()
    let buffer = CutText.$log.withValue(log) { app.render(ascii: ascii) }
    for cut in log.cuts where cut.cutsAFigure || cut.isMessage {
        Issue.record("\(what): \(cut.isMessage ? "a message" : "a figure") is cut: \"\(cut.text)\" shows as \"\(cut.shown)\"",
                     sourceLocation: sourceLocation)
    }
    return buffer
}

/// The golden test of `app`'s screen as it is now, with the layout check.
func assertGolden(_ app: App, _ name: String, ascii: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try assertGolden(checkedRender(app, ascii: ascii, name, sourceLocation: sourceLocation), name, sourceLocation: sourceLocation)
}

/// Compares a render with `Golden/NAME.txt` (the text) and `Golden/NAME.styled.txt` (with
/// style marks). With `KEUKENTAFEL_RECORD=1` the files are written and the test fails, so a
/// recording is never mistaken for a pass.
func assertGolden(_ buffer: ScreenBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let record = ProcessInfo.processInfo.environment["KEUKENTAFEL_RECORD"] == "1"
    for (suffix, lines) in [(".txt", buffer.lines), (".styled.txt", buffer.styledLines)] {
        let url = goldenFolder.appendingPathComponent(name + suffix)
        let actual = lines.joined(separator: "\n") + "\n"
        if record {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.lastPathComponent); run again without KEUKENTAFEL_RECORD", sourceLocation: sourceLocation)
            continue
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.lastPathComponent); record it with KEUKENTAFEL_RECORD=1", sourceLocation: sourceLocation)
            continue
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("""
                \(url.lastPathComponent) differs from line \(first + 1):
                expected: \(first < e.count ? String(e[first]) : "<end>")
                actual:   \(first < a.count ? String(a[first]) : "<end>")
                --- actual screen ---
                \(actual)
                """, sourceLocation: sourceLocation)
        }
    }
}

/// Counts the keys pressed — not the text typed — for the tests of how few keys a task takes.
final class KeyCounter {
    var count = 0
    let app: App
    init(_ app: App) { self.app = app }
    func press(_ keys: Key...) { for k in keys { app.handle(.key(k)); count += 1 } }
    func type(_ text: String) { for c in text { app.handle(.key(.character(c))) } }
}
