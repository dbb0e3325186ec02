import Foundation
import Testing
import WorkstationBench

/// The team scenario of the benchmark (docs/performance.md, "A team at work") for a few
/// seconds at 1,000 households: every workstation starts, every kind of save happens, and no
/// program ever writes "locked" or "busy". The measurement itself is `keukentafel-bench --team`.
@Suite("Team benchmark guard", .serialized)
struct TeamBenchmarkTests {
    @Test("Ten workstations on one store for a few seconds: saves, no locked or busy, no script lost")
    func aTeamForAFewSeconds() throws {
        let binary = try CLI.binary()
        try CLI.withTemporaryDirectory { folder in
            let stores = BenchStores(folder: folder.appendingPathComponent("stores").path)
            var lines: [String] = []
            let results = try TeamScenario(households: 1_000, seconds: 6, workstations: 10, stores: stores, binary: binary.path,
                                           log: { lines.append($0) }).run()
            let table = results.table
            #expect(results.start.count == 10, "not every workstation reached its caseload\n\(table)")
            #expect(results.lockedOrBusy.isEmpty, "\(table)")
            #expect(results.storeFailures.isEmpty, "\(table)")
            #expect(results.scriptFailures.isEmpty, "\(table)")
            #expect(results.allSaves.count > 0, "nothing was saved\n\(table)")
            #expect(results.saves[.decision]?.count ?? 0 > 0, "the team leader decided nothing\n\(table)")
            #expect(table.contains("saves per second"))
        }
    }
}
