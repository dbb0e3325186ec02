/// Everything the household has and owes, as entered at the kitchen table.
public struct Finances: Equatable, Sendable {
    public var income: [IncomeLine]
    public var expenses: [ExpenseLine]
    public var debts: [Debt]
    public var deductions: [Deduction]

    public init(income: [IncomeLine] = [], expenses: [ExpenseLine] = [], debts: [Debt] = [],
                deductions: [Deduction] = []) {
        self.income = income; self.expenses = expenses; self.debts = debts; self.deductions = deductions
    }
}

/// The monthly totals and the bottom line (bestedingsruimte).
public struct MonthlyTotals: Equatable, Sendable {
    public let income: Money
    public let expenses: Money
    public let debtPayments: Money
    public let deductions: Money
    /// income − expenses − debtPayments − deductions; may be negative.
    public var remaining: Money { income - expenses - debtPayments - deductions }
}

/// The income-norm test (normtoets).
public struct NormTest: Equatable, Sendable {
    public let category: NormCategory
    public let normDate: CalendarDate
    public let norm: Money
    public let percentage: Int
    /// norm × percentage / 100, rounded to cents.
    public let threshold: Money
    /// Monthly income that counts, minus deductions.
    public let assessedIncome: Money
    public var withinNorm: Bool { assessedIncome <= threshold }
}

/// What the household can bear itself of a cost.
public struct Draagkracht: Equatable, Sendable {
    public let base: Money
    public let sharePercent: Int
    public let monthly: Money
    public let periodMonths: Int
    public var total: Money { Money(cents: monthly.cents * periodMonths) }

    /// What may be granted for `cost`: the part above the household's own draagkracht.
    public func grantable(cost: Money) -> Money { Money.max(.zero, cost - total) }
}

public enum OverviewWarning: Equatable, Sendable {
    case normTableOutdated(tableDate: CalendarDate, referenceDate: CalendarDate)
    case noNorm(NoNormReason)
}

/// The financial overview of a household on a reference date: the common-sense
/// calculation of docs/rules.md, every figure traceable to the lines that made it.
public struct FinancialOverview: Equatable, Sendable {
    public let referenceDate: CalendarDate
    public let policy: Policy
    public let totals: MonthlyTotals
    /// Nil when no norm applies (see `warnings`).
    public let normTest: NormTest?
    public let draagkracht: Draagkracht?
    public let warnings: [OverviewWarning]

    /// Computes the overview, or fails when the reference date lies before every norm table.
    public static func compute(household: Household, finances: Finances, policy: Policy,
                               referenceDate: CalendarDate,
                               normTables: NormTables = .shipped) -> Result<FinancialOverview, NormTableError> {
        let table: NormTable
        switch normTables.table(on: referenceDate) {
        case .success(let t): table = t
        case .failure(let error): return .failure(error)
        }
        let totals = MonthlyTotals(
            income: finances.income.map(\.monthly).sum(),
            expenses: finances.expenses.map(\.monthly).sum(),
            debtPayments: finances.debts.map(\.monthlyPayment).sum(),
            deductions: finances.deductions.map(\.monthly).sum())

        var warnings: [OverviewWarning] = []
        var normTest: NormTest?
        var draagkracht: Draagkracht?
        switch NormCategorisation.category(of: household, on: referenceDate, pensionAge: policy.pensionAge) {
        case .failure(let reason):
            warnings.append(.noNorm(reason))
        case .success(let category):
            let norm = table.norm(for: category)
            let assessed = finances.income.filter(\.countsForNormTest).map(\.monthly).sum() - totals.deductions
            let test = NormTest(category: category, normDate: table.validFrom, norm: norm,
                                percentage: policy.normPercentage,
                                threshold: norm.percent(policy.normPercentage), assessedIncome: assessed)
            normTest = test
            draagkracht = computeDraagkracht(assessedIncome: assessed, norm: norm, policy: policy)
        }
        if NormTables.isOutdated(table, on: referenceDate) {
            warnings.insert(.normTableOutdated(tableDate: table.validFrom, referenceDate: referenceDate), at: 0)
        }
        return .success(FinancialOverview(referenceDate: referenceDate, policy: policy, totals: totals,
                                          normTest: normTest, draagkracht: draagkracht, warnings: warnings))
    }

    /// base = norm × freeUpToPercent; monthly = max(0, assessed − base) × sharePercent.
    public static func computeDraagkracht(assessedIncome: Money, norm: Money, policy: Policy) -> Draagkracht {
        let base = norm.percent(policy.freeUpToPercent)
        let monthly = Money.max(.zero, assessedIncome - base).percent(policy.sharePercent)
        return Draagkracht(base: base, sharePercent: policy.sharePercent, monthly: monthly,
                           periodMonths: policy.periodMonths)
    }
}
