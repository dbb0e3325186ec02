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
            log(String(format: "  slowest search keystroke: \"%@\" %.2f ms; the store keeps %d bitmaps of common beginnings", slowest.text, slowest.ms, pauses.bitmaps))
            searchP99[size] = search.p99
            figures.append(Figure(name: "start a search (/)", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.searchKeystrokeMilliseconds, samples: searchStart))
            figures.append(Figure(name: "search keystroke (all households)", households: size, unit: "ms", statistic: .p99,
                                  budget: Budget.searchKeystrokeMilliseconds, samples: search))
            figures.append(Figure(name: "a step of the caseload's pause (a key waits ≤ 1)", households: size, unit: "ms",
                                  statistic: .max, budget: Budget.searchKeystrokeMilliseconds, samples: pauses.steps))
            figures.append(Figure(name: "caseload's pause done, after the list is shown", households: size, unit: "ms",
                                  statistic: .value, budget: nil, samples: Samples([pauses.ready])))
            let (unpaused, _, _, _) = try scenarios.searchKeystrokes(pause: false)
            figures.append(Figure(name: "search keystroke, no pause yet (no order read)", households: size, unit: "ms", statistic: .p99,
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

            // A fresh copy: the in-process scenarios above saved into this one (its WAL).
            let teamleaderStore = try stores.workingCopy(of: cached, in: work + "-teamleader")
            defer { try? FileManager.default.removeItem(atPath: work + "-teamleader") }
            figures += try terminalFigures(size: size, teamleaderStore: teamleaderStore, work: work)
        }
        if let small = sizes.min(), let large = sizes.max(), small != large, let a = searchP99[small], let b = searchP99[large], a > 0 {
            figures.append(Figure(name: "search keystroke p99, \(large) vs \(small)", households: large, unit: "×",
                                  statistic: .value, budget: Budget.searchGrowthFactor, samples: Samples([b / a])))
        }
        figures += growth(figures)
        figures += try alternatedGrowth()
        figures += visidata(figures)
        return figures
    }

    /// The names of what a user meets on the real binary, as a caseworker and as a team leader.
    static func start(_ role: String) -> String { "first complete frame, as \(role) (pty)" }
    static func scope(_ role: String) -> String { "F4 to the next list, from the first after start, as \(role) (pty)" }
    static func search(_ role: String) -> String { "search keystroke settled, as \(role) (pty)" }
    static func searchAtOnce(_ role: String) -> String { "search keystroke settled, typed at once, as \(role) (pty)" }
    static func open(_ role: String) -> String { "open a household, as \(role) (pty)" }
    static func memory(_ role: String) -> String { "peak memory (VmHWM), as \(role) (pty)" }
    static let report = "report --json, every team, start to exit"
    static let caseworkerRole = "a caseworker (5%)", teamleaderRole = "a team leader"

    /// The real binary on a 120×30 pseudo-terminal: as a caseworker with a twentieth of the
    /// households (the OS user in the store `cachedAsCaseworker` makes) and as the team
    /// leader (the OS user in the generated store), each measured end to end until the
    /// frame is complete.
    func terminalFigures(size: Int, teamleaderStore: StoreLocation, work: String) throws -> [Figure] {
        let budgets = TerminalBudgets.at(size)
        let caseworkerStore = try stores.workingCopy(of: try stores.cachedAsCaseworker(households: size, log: log), in: work + "-caseworker")
        defer { try? FileManager.default.removeItem(atPath: work + "-caseworker") }
        let home = work + "/home"
        try stores.makePrivateDirectory(home)
        var figures: [Figure] = []
        let now = BenchStores.clock.now().iso
        for (role, location) in [(Self.caseworkerRole, caseworkerStore), (Self.teamleaderRole, teamleaderStore)] {
            log("\(size) households: the real binary on a pseudo-terminal, as \(role) …")
            let terminal = TerminalScenarios(binary: binary, storePath: location.path, now: now)
            _ = try terminal.start(rounds: 1, home: home)   // the file cache warm, as any second start finds it
            figures.append(Figure(name: Self.start(role), households: size, unit: "ms", statistic: .median,
                                  budget: budgets.firstFrame, samples: try terminal.start(rounds: max(9, rounds / 10), home: home)))
            let session = try terminal.session(home: home)
            figures.append(Figure(name: Self.scope(role), households: size, unit: "ms", statistic: .p99,
                                  budget: budgets.scope, samples: session.scope))
            let (search, stolen) = try HostSteal.percent { try terminal.search(rounds: settledSearchKeystrokes, home: home, pause: true) }
            figures.append(Figure(name: Self.search(role), households: size, unit: "ms", statistic: .p99,
                                  budget: budgets.searchKeystroke, samples: search))
            if let stolen {
                figures.append(Figure(name: "the host's stolen CPU time during that search, as \(role)", households: size, unit: "%",
                                      statistic: .value, budget: nil, samples: Samples([stolen])))
            }
            let (atOnce, stolenAtOnce) = try HostSteal.percent { try terminal.search(rounds: rounds, home: home, pause: false) }
            figures.append(Figure(name: Self.searchAtOnce(role), households: size, unit: "ms", statistic: .p99,
                                  budget: budgets.searchKeystroke, samples: atOnce))
            if let stolenAtOnce {
                figures.append(Figure(name: "the host's stolen CPU time during that search, typed at once, as \(role)", households: size,
                                      unit: "%", statistic: .value, budget: nil, samples: Samples([stolenAtOnce])))
            }
            if role == Self.caseworkerRole {
                // As many opens as keystrokes: of twenty, the "p99" was the slowest one.
                figures.append(Figure(name: Self.open(role), households: size, unit: "ms", statistic: .p99,
                                      budget: budgets.openHousehold, samples: try terminal.open(rounds: rounds, home: home)))
                figures.append(Figure(name: "bytes to the terminal: one ↓ in the caseload", households: size, unit: "B",
                                      statistic: .max, budget: Budget.arrowDownBytes, samples: session.arrowDown))
                figures.append(Figure(name: "bytes to the terminal: one character in a note", households: size, unit: "B",
                                      statistic: .max, budget: Budget.typedCharacterBytes, samples: session.typedCharacter))
            }
            figures.append(Figure(name: Self.memory(role), households: size, unit: "MB", statistic: .value,
                                  budget: budgets.peakMemory, samples: session.peakMemoryMegabytes))
            if role == Self.teamleaderRole {
                // The issue sets the report's budget for a city (up to 100,000), none at a million.
                // Twenty runs at `--rounds 100`: the median of five moved with the host's stolen time.
                figures.append(Figure(name: Self.report, households: size, unit: "ms", statistic: .median,
                                      budget: size > 100_000 ? nil : Budget.reportMilliseconds,
                                      samples: try terminal.report(rounds: max(5, rounds / 5), home: home)))
            }
        }
        return figures
    }

    /// 100,000 households against 1,000, for each figure a user meets on the real binary; the
    /// times — first frame, search, opening, F4 — in alternation (`alternatedGrowth`).
    func growth(_ figures: [Figure]) -> [Figure] {
        guard sizes.contains(1_000), sizes.contains(100_000) else { return [] }
        let names = [Self.caseworkerRole, Self.teamleaderRole].map { Self.memory($0) }
            + [Self.report]
        return names.compactMap { name in
            guard let small = figures.first(where: { $0.name == name && $0.households == 1_000 }),
                  let large = figures.first(where: { $0.name == name && $0.households == 100_000 }) else { return nil }
            return Self.growth("\(name): 100000 vs 1000", small: small, large: large)
        }
    }

    /// `large`'s judged figure against `small`'s, against the growth budget; nil when `small`'s is 0.
    static func growth(_ name: String, small: Figure, large: Figure) -> Figure? {
        guard small.judged > 0 else { return nil }
        return Figure(name: name, households: large.households, unit: "×", statistic: .value,
                      budget: Budget.growthFactor, samples: Samples([large.judged / small.judged]))
    }

    /// The settled search's keystrokes per size: three times the rounds (600 at the default
    /// 200). A p99 of 200 is their third slowest, and three moments of the host's in minutes
    /// decided it (23.5 ms once at a million, median 3.0 ms); of 600 it is the seventh slowest.
    var settledSearchKeystrokes: Int { rounds * 3 }

    /// The growth of the first frame's median and of the p99 of the search keystroke, of F4
    /// and of the opening, 100,000 households against 1,000, with the two workstations side
    /// by side taking turns (AlternatedGrowth), as a caseworker and as a team leader.
    func alternatedGrowth() throws -> [Figure] {
        guard sizes.contains(1_000), sizes.contains(100_000) else { return [] }
        let work = "\(stores.folder)/alternation-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: work) }
        let home = work + "/home"
        try stores.makePrivateDirectory(home)
        let now = BenchStores.clock.now().iso
        var figures: [Figure] = []
        for role in [Self.caseworkerRole, Self.teamleaderRole] {
            log("100000 and 1000 households in alternation, as \(role) …")
            let asCaseworker = role == Self.caseworkerRole
            func scenarios(_ size: Int) throws -> TerminalScenarios {
                let cached = asCaseworker ? try stores.cachedAsCaseworker(households: size, log: log) : try stores.cached(households: size, log: log)
                let copy = try stores.workingCopy(of: cached, in: "\(work)/\(size)-\(asCaseworker ? "caseworker" : "teamleader")")
                return TerminalScenarios(binary: binary, storePath: copy.path, now: now)
            }
            let alternation = AlternatedGrowth(small: try scenarios(1_000), large: try scenarios(100_000), home: home)
            // The search as at each size (`settledSearchKeystrokes`). Opens take half a second
            // each: twice the rounds (of 200 the p99 was the second slowest; one growth 1.46×).
            // The first frame: its median of twenty starts at each size, minutes apart, gave
            // growths from 0.78× to 1.39× of the same code; sixty starts of each in turn.
            var measured = [(Self.start(role), Statistic.median, try alternation.start(rounds: max(9, rounds * 3 / 10)))]
            measured.append((Self.search(role), .p99, try alternation.search(rounds: settledSearchKeystrokes)))
            // F4's p99 of a size was its slowest of seven presses, and one run's growth 1.51×:
            // here twenty starts (at 200 rounds), 140 presses each side.
            measured.append((Self.scope(role), .p99, try alternation.scope(launches: max(3, rounds / 10))))
            if asCaseworker { measured.append((Self.open(role), .p99, try alternation.open(rounds: rounds * 2))) }
            for (name, statistic, samples) in measured {
                let taken = [(1_000, samples.small), (100_000, samples.large)].map {
                    Figure(name: "\(name), in alternation", households: $0.0, unit: "ms", statistic: statistic, budget: nil, samples: $0.1)
                }
                figures += taken
                if let growth = Self.growth("\(name): 100000 vs 1000, in alternation", small: taken[0], large: taken[1]) {
                    figures.append(growth)
                }
            }
        }
        return figures
    }

    /// VisiData on the same store in the same run (at 100,000 households, or the largest size
    /// up to it), and how many times sooner the caseworker's first frame is complete.
    func visidata(_ figures: [Figure]) -> [Figure] {
        guard let size = sizes.filter({ $0 <= 100_000 }).max() else { return [] }
        let measured: [Figure]?
        do {
            measured = try Visidata.measure(stores: stores, households: size, log: log)
        } catch {
            log("VisiData could not be measured: \(error)")  // the comparison only; our figures stand
            return []
        }
        guard let theirs = measured else { return [] }
        guard let first = theirs.first(where: { $0.name == Visidata.firstFrameName }),
              let ours = figures.first(where: { $0.name == Self.start(Self.caseworkerRole) && $0.households == size }),
              ours.samples.median > 0 else { return theirs }
        return theirs + [Figure(name: "VisiData's first frame ÷ the caseworker's", households: size, unit: "×", statistic: .value,
                                budget: Budget.visidataFactor, atLeast: true, samples: Samples([first.samples.median / ours.samples.median]))]
    }
}
