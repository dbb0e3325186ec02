import Casework
import Foundation

/// How many cases a fuzz test runs. The default is quick, for every `swift test`;
/// `KEUKENTAFEL_HARDENING=full` gives the full counts of docs/reliability.md (≥ 100,000 parser cases,
/// ≥ 10,000 imports), for CI.
public enum FuzzBudget {
    public static let isFull = ProcessInfo.processInfo.environment["KEUKENTAFEL_HARDENING"] == "full"

    public static func cases(quick: Int, full: Int) -> Int { isFull ? full : quick }
}

/// What one case showed: the input was taken, refused with a clear error, or broke a
/// property (the text says which).
public enum FuzzVerdict: Sendable {
    case accepted
    case refused
    case failed(String)
}

/// The bytes a fuzz input is made of: what a failure or a crash shows.
public protocol FuzzInput {
    var fuzzBytes: [UInt8] { get }
}

extension Array: FuzzInput where Element == UInt8 {
    public var fuzzBytes: [UInt8] { self }
}

/// The time a case may take: a hang or a quadratic path shows as a case over its limit.
/// Generous, because the tests run in debug builds on busy CI machines. A case over it is
/// timed twice more before it counts, so one descheduled thread is not a failure — unless
/// checking changes state (an import), when a second check would time something else.
public struct FuzzTimeLimit: Sendable {
    public var base: Duration
    public var perKilobyte: Duration
    public var retimeSlowCases: Bool

    public init(base: Duration, perKilobyte: Duration, retimeSlowCases: Bool = true) {
        self.base = base; self.perKilobyte = perKilobyte; self.retimeSlowCases = retimeSlowCases
    }

    func limit(forBytes count: Int) -> Duration { base + perKilobyte * (Double(count) / 1024) }
}

/// One fuzz run: `cases` inputs from a seeded generator, each checked and timed. The
/// same seed gives the same inputs on every machine, so a failure in CI replays here.
public struct FuzzRun: Sendable {
    public let name: String
    public let seed: UInt64
    public private(set) var cases = 0
    public private(set) var accepted = 0
    public private(set) var refused = 0
    public private(set) var failures = 0
    /// The first failures, each with its case number and input.
    public private(set) var failureReports: [String] = []
    public private(set) var slowest: Duration = .zero
    public private(set) var slowestSize = 0
    /// All of the run, and the part spent checking (the rest made the inputs).
    public private(set) var total: Duration = .zero
    public private(set) var checking: Duration = .zero

    static let reportedFailures = 5

    /// Runs `check` on `count` generated inputs. A thrown error is a failure of the case.
    public static func run<Input: FuzzInput>(
        _ name: String, cases count: Int, seed: UInt64, timeLimit: FuzzTimeLimit,
        generate: (inout SplitMix64) -> Input, check: (Input) throws -> FuzzVerdict
    ) -> FuzzRun {
        var run = FuzzRun(name: name, seed: seed)
        var rng = SplitMix64(seed: seed)
        let watch = CurrentCase.claim(name: name, seed: seed)
        defer { watch?.release() }
        let clock = ContinuousClock()
        let started = clock.now
        for index in 0..<count {
            let input = generate(&rng)
            let bytes = input.fuzzBytes
            watch?.begin(case: index, bytes: bytes)
            func timed() -> (FuzzVerdict, Duration) {
                var verdict = FuzzVerdict.refused
                let elapsed = clock.measure {
                    do { verdict = try check(input) } catch { verdict = .failed("threw \(error)") }
                }
                return (verdict, elapsed)
            }
            var (verdict, elapsed) = timed()
            let limit = timeLimit.limit(forBytes: bytes.count)
            if elapsed > limit && timeLimit.retimeSlowCases {
                // Twice more: only a case that is slow every time counts as slow.
                elapsed = min(elapsed, timed().1, timed().1)
            }
            if elapsed > limit {
                switch verdict {
                case .accepted: verdict = .failed("took \(milliseconds(elapsed)) (limit \(milliseconds(limit)))")
                case .refused: verdict = .failed("took \(milliseconds(elapsed)) to refuse (limit \(milliseconds(limit)))")
                case .failed: break
                }
            }
            run.record(verdict, elapsed: elapsed, index: index, bytes: bytes)
        }
        run.total = clock.now - started
        return run
    }

    private init(name: String, seed: UInt64) { self.name = name; self.seed = seed }

    private mutating func record(_ verdict: FuzzVerdict, elapsed: Duration, index: Int, bytes: [UInt8]) {
        cases += 1
        checking += elapsed
        if elapsed > slowest { slowest = elapsed; slowestSize = bytes.count }
        switch verdict {
        case .accepted: accepted += 1
        case .refused: refused += 1
        case .failed(let why):
            failures += 1
            if failureReports.count < Self.reportedFailures {
                failureReports.append("case \(index) (seed \(seed)): \(why)\n    input: \(FuzzText.describe(bytes))")
            }
        }
    }

    /// One line for the log, with the figures the README cites.
    public var summary: String {
        "fuzz: \(name) \(cases) cases (\(accepted) accepted, \(refused) refused), \(failures) failures, "
            + "slowest \(milliseconds(slowest)) (\(slowestSize) bytes), total \(milliseconds(total)) (checks \(milliseconds(checking)))"
    }

    /// The summary and the first failures with their inputs, for a failed expectation.
    public var failureReport: String { ([summary] + failureReports).joined(separator: "\n") }
}

func milliseconds(_ d: Duration) -> String {
    let ms = d / .milliseconds(1)
    return ms < 10 ? String(format: "%.3f ms", ms) : String(format: "%.0f ms", ms)
}
