import Foundation
import Testing
import WorkstationBench

/// The team scenario of the benchmark (docs/performance.md, "A team at work") for a few
/// seconds at 1,000 households: every workstation starts, caseworkers and the team leader
/// save, no program ever writes "locked" or "busy", and the audit trail is whole afterwards.
/// The measurement itself is `keukentafel-bench --team`.
@Suite("Team benchmark guard", .serialized)
struct TeamBenchmarkTests {
    @Test("Ten workstations on one store for a few seconds: saves, no locked or busy, no script lost")
    func aTeamForAFewSeconds() throws {
        let binary = try CLI.binary()
        try CLI.withTemporaryDirectory { folder in
            let stores = BenchStores(folder: folder.appendingPathComponent("stores").path)
            var lines: [String] = []
            var scenario = TeamScenario(households: 1_000, seconds: 6, workstations: 10, stores: stores, binary: binary.path,
                                        log: { lines.append($0) })
            scenario.pace.keyInterval = 0.03   // a quicker typist: every kind of save within the few seconds
            scenario.pace.think = 0.2
            let results = try scenario.run()
            let table = results.table + lines.joined(separator: "\n")
            #expect(results.start.count == 10, "not every workstation reached its caseload\n\(table)")
            #expect(results.auditWhole, "the audit trail is not whole after the team's work\n\(table)")
            #expect(results.lockedOrBusy.isEmpty, "\(table)")
            #expect(results.storeFailures.isEmpty, "\(table)")
            #expect(results.scriptFailures.isEmpty, "\(table)")
            #expect(results.allSaves.count > 0, "nothing was saved\n\(table)")
            #expect(results.saves[.decision]?.count ?? 0 > 0, "the team leader decided nothing\n\(table)")
            #expect(table.contains("saves per second"))
        }
    }
}
