import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// Lists fill the screen: with more households than rows, every row of the table shows one
/// (none is left as "…"), and the position in the header covers no column's title.
@Suite("Lists fill the screen")
struct ListFillTests {
    /// 300 synthetic households (the generator of `keukentafel generate`), as their team leader.
    static func withGeneratedApp(size: Size, _ body: (App) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kt-fill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = WallClock.fixed(Moment(iso: "2026-11-23T09:00:00+01:00")!)
        let leader = StaffMember(user: "t.leider", name: "Tessa Leider", role: .teamleader, team: "Wijkteam Synthetisch")
        let store = try Store.createSynthetic(at: StoreLocation(path: folder + "/s/k.sqlite"), households: 300, seed: 5,
                                              teamleader: leader, clock: clock)
        try body(try App(env: AppEnvironment(store: store, staff: leader, language: .nl, outputFolder: folder), size: size))
    }

    @Test("At 120×30 the 300 households fill all 25 rows; the position stands beside the column titles", arguments: [Size(width: 120, height: 30), Size(width: 80, height: 24)])
    func fills(size: Size) throws {
        try Self.withGeneratedApp(size: size) { app in
            app.handle(.key(.function(4)))      // all households
            for _ in 0..<40 { app.handle(.key(.down)) }
            let lines = app.render().lines
            // Title line, table header, then size.height - 5 rows, each a household.
            let rows = lines[3..<(size.height - 2)]
            #expect(rows.count == size.height - 5)
            // A row not read yet would show "…" as its first cell.
            #expect(rows.allSatisfy { row in
                let cells = row.trimmingCharacters(in: .whitespaces)
                return !cells.isEmpty && !cells.hasPrefix("…") && !cells.hasPrefix("› …")
            }, "\(rows.joined(separator: "\n"))")
            let header = lines[2].trimmingCharacters(in: .whitespaces)
            #expect(header.contains("Contact ") && header.hasSuffix(" 41/300"), "\(header)")
            if size.width == 120 { try assertGolden(app, "caseload-long-nl-120x30") }
        }
    }
}
