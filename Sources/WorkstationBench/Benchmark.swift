import CaseStore
import Casework
import Foundation

/// Runs every measurement of docs/performance.md at each size and collects the figures with their
/// budgets. Used by `keukentafel-bench` (the measurement) and by the test suite (a quick
/// guard at 1,000 households).
public struct Benchmark {
    public var sizes: [Int]
    public var stores: BenchStores
    /// The `keukentafel` binary for the terminal measurements.
    public var binary: String
    public var rounds: Int
    public var log: (String) -> Void

    public init(sizes: [Int], stores: BenchStores, binary: String, rounds: Int, log: @escaping (String) -> Void) {
        self.sizes = sizes; self.stores = stores; self.binary = binary; self.rounds = rounds; self.log = log
    }

    public func run() throws -> [Figure] {
        var figures: [Figure] = []
        var searchP99: [Int: Double] = [:]
        for size in sizes {
            let cached = try stores.cached(households: size, log: log)
            let work = "\(stores.folder)/work-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: work) }
            let location = try stores.workingCopy(of: cached, in: work)
            let scenarios = WorkstationScenarios(location: location, households: size, caseworker: Store.syntheticCaseworkers[0],
                                                 teamleader: OSUser.current, rounds: rounds)
            log("\(size) households: in-process …")
            _ = try scenarios.start()   // warm the file cache once, as any second start would find it
            figures.append(Figure(name: "start to first caseload frame", households: size, unit: "ms", statistic: .median,
                                  budget: Budget.startMilliseconds, samples: try scenarios.start()))
            let (search, searchStart, slowest, pauses) = try scenarios.searchKeystrokes()
            log(String(format: "  slowest search keystroke: \"%@\" %.2f ms; search cache: %d bitmaps", slowest.text, slowest.ms, pauses.bitmaps))
            searchP99[size] = search.p99
            figures.append(Figure(name: "start a search (/)", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.searchKeystrokeMilliseconds, samples: searchStart))
            figures.append(Figure(name: "search keystroke (all households)", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.searchKeystrokeMilliseconds, samples: search))
            figures.append(Figure(name: "a step of the caseload's pause (a key waits ≤ 1)", households: size, unit: "ms",
                                  statistic: .max, budget: Budget.searchKeystrokeMilliseconds, samples: pauses.steps))
            figures.append(Figure(name: "search cache ready, after the list is shown", households: size, unit: "ms",
                                  statistic: .value, budget: nil, samples: Samples([pauses.ready])))
            let (unpaused, _, _, _) = try scenarios.searchKeystrokes(pause: false)
            figures.append(Figure(name: "search keystroke, no pause yet (no cache)", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.searchKeystrokeMilliseconds, samples: unpaused))
            let households = try scenarios.householdRounds()
            figures.append(Figure(name: "open a household", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.openHouseholdMilliseconds, samples: households.open))
            figures.append(Figure(name: "open the ledger (2)", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.openLedgerMilliseconds, samples: households.ledger))
            figures.append(Figure(name: "ledger edit, recompute and save", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.ledgerEditMilliseconds, samples: households.edit))
            figures.append(Figure(name: "back to the caseload (Esc)", households: size, unit: "ms", statistic: .p99,
                                  budget: nil, samples: households.back))
            figures.append(Figure(name: "open the review queue (F6)", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.openReviewQueueMilliseconds, samples: try scenarios.reviewQueue()))

            log("\(size) households: the real binary on a pseudo-terminal …")
            let terminal = TerminalScenarios(binary: binary, storePath: location.path, now: BenchStores.clock.now().iso)
            let home = work + "/home"
            try stores.makePrivateDirectory(home)
            figures.append(Figure(name: "start of the binary to a complete frame (pty)", households: size, unit: "ms",
                                  statistic: .median, budget: nil, samples: try terminal.start(rounds: max(5, rounds / 10), home: home)))
            let session = try terminal.session(home: home)
            figures.append(Figure(name: "bytes to the terminal: one ↓ in the caseload", households: size, unit: "B",
                                  statistic: .max, budget: Budget.arrowDownBytes, samples: session.arrowDown))
            figures.append(Figure(name: "bytes to the terminal: one character in a note", households: size, unit: "B",
                                  statistic: .max, budget: Budget.typedCharacterBytes, samples: session.typedCharacter))
            figures.append(Figure(name: "peak memory of the binary (VmHWM)", households: size, unit: "MB", statistic: .value,
                                  budget: Budget.peakMemoryMegabytes, samples: session.peakMemoryMegabytes))
            figures.append(Figure(name: "F4 to the next list, from the first after start (pty)", households: size, unit: "ms",
                                  statistic: .p99, budget: Budget.scopeMilliseconds, samples: session.scope))
            figures.append(Figure(name: "report --json, every team, start to exit", households: size, unit: "ms", statistic: .median,
                                  budget: Budget.reportMilliseconds, samples: try terminal.report(rounds: max(3, rounds / 20), home: home)))
        }
        if let small = sizes.min(), let large = sizes.max(), small != large, let a = searchP99[small], let b = searchP99[large], a > 0 {
            figures.append(Figure(name: "search keystroke p99, \(large) vs \(small)", households: large, unit: "×",
                                  statistic: .value, budget: Budget.searchGrowthFactor, samples: Samples([b / a])))
        }
        return figures
    }
}
