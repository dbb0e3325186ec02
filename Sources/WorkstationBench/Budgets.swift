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
    public let samples: Samples

    public init(name: String, households: Int, unit: String, statistic: Statistic, budget: Double?, samples: Samples) {
        self.name = name; self.households = households; self.unit = unit; self.statistic = statistic
        self.budget = budget; self.samples = samples
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
        return judged <= budget * factor
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
}
