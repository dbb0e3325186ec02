import Foundation
import Testing
import WorkstationBench

/// The benchmark (docs/performance.md) at 1,000 households, a few rounds: it runs the real binary
/// through every scenario and reports every figure with samples. Speed itself is judged by
/// `keukentafel-bench` (release build, budgets, exit 1 on a miss; README "Performance"), not by a
/// timed test: a debug build among the suite's parallel tests on two cores measures the machine's
/// load (a search keystroke of 75 ms in one CI run, 7 ms in the next).
@Suite("Performance guard", .serialized)
struct PerformanceGuardTests {
    @Test("At 1,000 households the benchmark runs every scenario and reports every figure with samples")
    func withinFiveTimesTheBudget() throws {
        let binary = try CLI.binary()
        try CLI.withTemporaryDirectory { folder in
            let stores = folder.appendingPathComponent("stores").path
            var lines: [String] = []
            let figures = try Benchmark(sizes: [1_000], stores: BenchStores(folder: stores), binary: binary.path, rounds: 20,
                                        log: { lines.append($0) }).run()
            // Every measurement of the issue is there, with samples.
            let names = Set(figures.map(\.name))
            for expected in ["start to first caseload frame", "search keystroke (all households)", "open a household",
                             "open the ledger (2)", "ledger edit, recompute and save", "open the review queue (F6)",
                             "bytes to the terminal: one ↓ in the caseload", "bytes to the terminal: one character in a note",
                             "first complete frame, as a caseworker (5%) (pty)", "first complete frame, as a team leader (pty)",
                             "F4 to the next list, from the first after start, as a caseworker (5%) (pty)",
                             "search keystroke settled, as a caseworker (5%) (pty)", "search keystroke settled, typed at once, as a team leader (pty)",
                             "open a household, as a caseworker (5%) (pty)", "peak memory (VmHWM), as a caseworker (5%) (pty)",
                             "peak memory (VmHWM), as a team leader (pty)", "report --json, every team, start to exit",
                             "the host's stolen CPU time during that search, as a team leader",
                             "the host's stolen CPU time during that search, typed at once, as a team leader"] {
                #expect(names.contains(expected), "no figure for \(expected)")
            }
            for figure in figures {
                #expect(figure.samples.count > 0, "\(figure.name): no samples")
                #expect(figure.samples.values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(figure.name): \(figure.samples.values)")
            }
            // The table judges every figure against its budget (ok or OVER), as keukentafel-bench prints it.
            let table = Report.table(figures, factor: 1)
            #expect(table.contains("open a household") && (table.contains(" ok") || table.contains("OVER")))

            // The growth of the tails is measured with two workstations taking turns (run only with
            // 1,000 and 100,000 households): here two copies of the 1,000 as a caseworker sees it
            // (her own list is not empty, so a household opens), each reaching every turn.
            let bench = BenchStores(folder: stores)
            let cached = try bench.cachedAsCaseworker(households: 1_000, log: { _ in })
            let now = BenchStores.clock.now().iso
            func scenarios(_ name: String) throws -> TerminalScenarios {
                let copy = try bench.workingCopy(of: cached, in: folder.appendingPathComponent(name).path)
                return TerminalScenarios(binary: binary.path, storePath: copy.path, now: now)
            }
            let home = folder.appendingPathComponent("home").path
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let alternation = AlternatedGrowth(small: try scenarios("a"), large: try scenarios("b"), home: home)
            let search = try alternation.search(rounds: 10)
            let opens = try alternation.open(rounds: 4)
            let scope = try alternation.scope(launches: 2)
            let starts = try alternation.start(rounds: 3)
            #expect(search.small.count >= 10 && search.large.count >= 10)
            #expect(opens.small.count == 4 && opens.large.count == 4)
            #expect(scope.small.count == 14 && scope.large.count == 14)   // seven presses after each of two starts
            #expect(starts.small.count == 3 && starts.large.count == 3)
            for samples in [search.small, search.large, opens.small, opens.large, scope.small, scope.large, starts.small, starts.large] {
                #expect(samples.values.allSatisfy { $0.isFinite && $0 > 0 }, "\(samples.values)")
            }
        }
    }
}
