/// Which figure of a set of samples a budget limits.
public enum Statistic: String, Sendable {
    case median, p99, max, value
}

/// One line of the benchmark's table: what was measured, at which size, against which budget.
public struct Figure: Sendable {
    public let name: String
    public let households: Int
    public let unit: String
    public let statistic: Statistic
    /// The budget for `statistic`, nil where the issue sets none (shown for comparison).
    public let budget: Double?
    /// The budget is a floor (a figure that must be at least it), not a ceiling.
    public let atLeast: Bool
    public let samples: Samples

    public init(name: String, households: Int, unit: String, statistic: Statistic, budget: Double?, atLeast: Bool = false,
                samples: Samples) {
        self.name = name; self.households = households; self.unit = unit; self.statistic = statistic
        self.budget = budget; self.atLeast = atLeast; self.samples = samples
    }

    /// The figure the budget applies to.
    public var judged: Double {
        switch statistic {
        case .median: samples.median
        case .p99: samples.p99
        case .max, .value: samples.max
        }
    }

    /// True when within `factor` × the budget (a figure without budget always passes).
    public func within(factor: Double = 1) -> Bool {
        guard let budget else { return true }
        return atLeast ? judged >= budget / factor : judged <= budget * factor
    }
}

/// The budgets of docs/performance.md (release build, 100,000 households, this machine).
public enum Budget {
    public static let startMilliseconds = 50.0          // median
    public static let searchKeystrokeMilliseconds = 16.0  // p99
    public static let openHouseholdMilliseconds = 30.0  // p99
    public static let openReviewQueueMilliseconds = 30.0  // p99
    public static let ledgerEditMilliseconds = 16.0     // p99
    /// Opening the ledger tab has no budget of its own; it is a keystroke, so 16 ms.
    public static let openLedgerMilliseconds = 16.0     // p99
    public static let peakMemoryMegabytes = 50.0
    /// F4 to the next list, any time after start (p99).
    public static let scopeMilliseconds = 15.0
    /// `report --json` for every team, start to exit (median).
    public static let reportMilliseconds = 150.0
    public static let arrowDownBytes = 300.0
    public static let typedCharacterBytes = 50.0
    /// The search keystroke at the largest size may be at most this many times that at the smallest.
    public static let searchGrowthFactor = 3.0
    /// What a user meets on the real binary, 100,000 households against 1,000: at most this
    /// many times slower (or bigger) for each figure.
    public static let growthFactor = 1.5
    /// VisiData's first frame on the same store, at least this many times later than the
    /// caseworker's first complete frame.
    public static let visidataFactor = 12.0
}

/// The budgets of what a user meets on the real binary (on a pty, end to end), by the
/// size of the store: up to 100,000 households a city's team, at 1,000,000 a regional
/// service centre for many municipalities.
public struct TerminalBudgets: Sendable {
    /// A caseworker's first complete frame (median).
    public let firstFrame: Double
    /// F4 to the next list, at any moment after start (p99).
    public let scope: Double
    /// A search keystroke settled on the screen (p99).
    public let searchKeystroke: Double
    /// Enter on a household to its overview settled (p99).
    public let openHousehold: Double
    public let peakMemory: Double

    public static func at(_ households: Int) -> TerminalBudgets {
        households > 100_000
            ? TerminalBudgets(firstFrame: 50, scope: 30, searchKeystroke: 16, openHousehold: 30, peakMemory: 64)
            : TerminalBudgets(firstFrame: 30, scope: 15, searchKeystroke: 16, openHousehold: 30, peakMemory: 50)
    }
}
