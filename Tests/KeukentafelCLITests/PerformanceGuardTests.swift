import Foundation
import Testing
import WorkstationBench

/// The benchmark (docs/performance.md) at 1,000 households, a few rounds: a guard that fails when a
/// figure is more than five times its budget (the test build is a debug build on a noisy
/// machine — the measurement itself is `keukentafel-bench`, see README "Performance").
@Suite("Performance guard", .serialized)
struct PerformanceGuardTests {
    @Test("At 1,000 households every figure is within 5× its budget")
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
                             "peak memory (VmHWM), as a team leader (pty)", "report --json, every team, start to exit"] {
                #expect(names.contains(expected), "no figure for \(expected)")
            }
            for figure in figures {
                #expect(figure.samples.count > 0, "\(figure.name): no samples")
                #expect(figure.within(factor: 5), "\(figure.name): \(figure.judged) \(figure.unit) is more than 5× its budget \(figure.budget ?? 0)")
            }
            let table = Report.table(figures, factor: 5)
            #expect(table.contains("open a household"))
            #expect(!table.contains("OVER"), "\(table)")
        }
    }
}
