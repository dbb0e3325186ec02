/// Everything the household has and owes, as entered at the kitchen table.
public struct Finances: Equatable, Sendable {
    public var income: [IncomeLine]
    public var expenses: [ExpenseLine]
    public var debts: [Debt]
    public var deductions: [Deduction]
    /// Vermogen.
    public var assets: [AssetLine]

    public init(income: [IncomeLine] = [], expenses: [ExpenseLine] = [], debts: [Debt] = [],
                deductions: [Deduction] = [], assets: [AssetLine] = []) {
        self.income = income; self.expenses = expenses; self.debts = debts; self.deductions = deductions
        self.assets = assets
    }

    /// True while the household is in statutory debt relief or an amicable arrangement: a
    /// debt of that status, or a deduction paid to it.
    public var inDebtArrangement: Bool {
        debts.contains { $0.status == .wsnp || $0.status == .minnelijk }
            || deductions.contains { $0.kind == .wsnp || $0.kind == .minnelijk }
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
    /// The table's date: names the table the norm comes from.
    public let normDate: CalendarDate
    /// The norm used: the table's, raised for a young adult who cannot rely on their parents.
    public let norm: Money
    public let percentage: Int
    /// norm × percentage / 100, rounded to cents.
    public let threshold: Money
    /// Monthly income that counts, minus deductions.
    public let assessedIncome: Money
    /// The art. 20 lid 3 raise in `norm` (zero when none), and for whom.
    public let youthRaise: Money
    public let raisedFor: [String]
    public var withinNorm: Bool { assessedIncome <= threshold }
    /// The table's norm before the raise.
    public var tableNorm: Money { norm - youthRaise }

    public init(category: NormCategory, normDate: CalendarDate, norm: Money, percentage: Int, threshold: Money,
                assessedIncome: Money, youthRaise: Money = .zero, raisedFor: [String] = []) {
        self.category = category; self.normDate = normDate; self.norm = norm; self.percentage = percentage
        self.threshold = threshold; self.assessedIncome = assessedIncome
        self.youthRaise = youthRaise; self.raisedFor = raisedFor
    }
}

/// One income band of draagkracht: the income between `from` and `upTo` (no end when nil)
/// of which `sharePercent` is borne by the household.
public struct DraagkrachtBand: Equatable, Sendable {
    public let from: Money
    public let upTo: Money?
    public let sharePercent: Int
    /// The assessed income that falls in this band (nil in a snapshot from before bands).
    public let income: Money?
    /// income × sharePercent / 100, rounded to cents.
    public let monthly: Money

    public init(from: Money, upTo: Money?, sharePercent: Int, income: Money) {
        self.from = from; self.upTo = upTo; self.sharePercent = sharePercent; self.income = income
        self.monthly = income.percent(sharePercent)
    }

    /// A band as an older snapshot recorded it: its share's result only.
    public init(from: Money, sharePercent: Int, monthly: Money) {
        self.from = from; self.upTo = nil; self.sharePercent = sharePercent; self.income = nil; self.monthly = monthly
    }
}

/// Why draagkracht is set to nothing.
public enum DraagkrachtSuspension: String, CaseIterable, Equatable, Sendable {
    /// The policy leaves a household in WSNP or an amicable arrangement without draagkracht.
    case debtArrangement
}

/// What the household can bear itself of a cost (docs/rules.md, "Draagkracht").
public struct Draagkracht: Equatable, Sendable {
    /// Income up to this is left to the household: the norm × the first tier's percentage.
    public let base: Money
    public let bands: [DraagkrachtBand]
    public let periodMonths: Int
    /// Vermogen and the part of it above the vermogensgrens, which counts in full.
    public let assets: Money
    public let assetLimit: Money
    public let suspended: DraagkrachtSuspension?
    /// The start of the draagkrachtperiode this request falls in (nil: it starts with it),
    /// and the draagkracht earlier requests in it already took.
    public let periodStart: CalendarDate?
    public let usedBefore: Money
    /// The drempelbedrag: a cost below it is not granted.
    public let minimumCost: Money?

    public init(base: Money, bands: [DraagkrachtBand], periodMonths: Int, assets: Money = .zero,
                assetLimit: Money = .zero, suspended: DraagkrachtSuspension? = nil,
                periodStart: CalendarDate? = nil, usedBefore: Money = .zero, minimumCost: Money? = nil) {
        self.base = base; self.bands = bands; self.periodMonths = periodMonths; self.assets = assets
        self.assetLimit = assetLimit; self.suspended = suspended; self.periodStart = periodStart
        self.usedBefore = usedBefore; self.minimumCost = minimumCost
    }

    /// Σ of the bands; nothing while suspended.
    public var monthly: Money { suspended != nil ? .zero : bands.map(\.monthly).sum() }
    /// The first band's share (one band in the default policy).
    public var sharePercent: Int { bands.first?.sharePercent ?? 0 }
    public var incomeTotal: Money { Money(cents: monthly.cents * periodMonths) }
    public var assetsCounted: Money { suspended != nil ? .zero : Money.max(.zero, assets - assetLimit) }
    /// Draagkracht over the whole period: income and vermogen above the limit.
    public var total: Money { incomeTotal + assetsCounted }
    /// What is left of it for this request: never below zero.
    public var remaining: Money { Money.max(.zero, total - usedBefore) }

    /// What may be granted for `cost`: the part above what is left of the draagkracht;
    /// nothing for a cost under the drempelbedrag.
    public func grantable(cost: Money) -> Money {
        if let minimum = minimumCost, cost < minimum { return .zero }
        return Money.max(.zero, cost - remaining)
    }

    /// The draagkracht this request takes of the period: what it bears itself.
    public func taken(by cost: Money) -> Money { Money.min(cost, remaining) }
}

/// The draagkracht earlier requests took in the period a new one falls in.
public struct DraagkrachtUse: Equatable, Sendable {
    public let periodStart: CalendarDate
    public let used: Money
    public init(periodStart: CalendarDate, used: Money) { self.periodStart = periodStart; self.used = used }
}

/// One draagkrachtperiode per household: it starts at the first request (its submission);
/// every request submitted within `periodMonths` of that start shares it; the first request
/// after it starts the next period.
public enum DraagkrachtPeriod {
    /// Requests that take draagkracht: submitted and not rejected, returned or withdrawn.
    static func takes(_ g: Grant) -> Bool {
        [.submitted, .approved, .paid, .evaluated].contains(g.status) && g.submittedAt != nil
    }

    /// What a grant took: its snapshot's own figure, else (older files) cost − grantable.
    public static func taken(by g: Grant) -> Money {
        if let taken = g.snapshot?.draagkrachtTaken { return taken }
        if let grantable = g.snapshot?.grantable { return Money.max(.zero, g.amount - grantable) }
        return .zero
    }

    public static func use(of grants: [Grant], on date: CalendarDate, periodMonths: Int,
                           excluding id: String? = nil) -> DraagkrachtUse? {
        let taking = grants.filter { takes($0) && ($0.id == nil || $0.id != id) }
            .map { (day: $0.submittedAt!.localDate, taken: taken(by: $0)) }
            .filter { $0.day <= date }
            .sorted { $0.day < $1.day }
        var start: CalendarDate?
        var used = Money.zero
        for g in taking {
            if let s = start, g.day < s.adding(months: periodMonths) { used += g.taken }
            else { start = g.day; used = g.taken }
        }
        guard let start, date < start.adding(months: periodMonths) else { return nil }
        return DraagkrachtUse(periodStart: start, used: used)
    }
}

public enum OverviewWarning: Equatable, Sendable {
    case normTableOutdated(tableDate: CalendarDate, referenceDate: CalendarDate)
    case noNorm(NoNormReason)
    /// A member is marked as not able to rely on their parents, but the table in force
    /// has no raise (before 2026) or they are not 18–20: no raise given.
    case youthRaiseNotApplicable(member: String)
}

/// The financial overview of a household on a reference date: the common-sense
/// calculation of docs/rules.md, every figure traceable to the lines that made it.
public struct FinancialOverview: Equatable, Sendable {
    public let referenceDate: CalendarDate
    public let policy: Policy
    /// The policy version in force (0: the shipped defaults).
    public let policyVersion: Int
    /// The norm table used: its date and legal source.
    public let normTableDate: CalendarDate
    public let normTableSource: String
    public let totals: MonthlyTotals
    /// Nil when no norm applies (see `warnings`).
    public let normTest: NormTest?
    public let draagkracht: Draagkracht?
    public let warnings: [OverviewWarning]

    /// Computes the overview, or fails when the reference date lies before every norm table.
    public static func compute(household: Household, finances: Finances, policy: Policy,
                               referenceDate: CalendarDate, normTables: NormTables = .shipped,
                               earlierUse: DraagkrachtUse? = nil, policyVersion: Int = 0) -> Result<FinancialOverview, NormTableError> {
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
        switch NormCategorisation.category(of: household, on: referenceDate, pensionAges: policy.pensionAges) {
        case .failure(let reason):
            warnings.append(.noNorm(reason))
        case .success(let category):
            let (norm, raise, raised, notApplicable) = raisedNorm(category, household: household, table: table, on: referenceDate)
            warnings += notApplicable.map { .youthRaiseNotApplicable(member: $0) }
            let assessed = finances.income.filter(\.countsForNormTest).map(\.monthly).sum() - totals.deductions
            let test = NormTest(category: category, normDate: table.validFrom, norm: norm,
                                percentage: policy.normPercentage,
                                threshold: norm.percent(policy.normPercentage), assessedIncome: assessed,
                                youthRaise: raise, raisedFor: raised)
            normTest = test
            let family = category.isCouple || household.members.contains {
                $0.role == .child && ($0.age(on: referenceDate).map { $0 < 18 } ?? true)
            }
            draagkracht = computeDraagkracht(
                assessedIncome: assessed, norm: norm, policy: policy,
                assets: finances.assets.map(\.amount).sum(),
                assetLimit: family ? policy.assetLimitFamily : policy.assetLimitSingle,
                suspended: policy.noDraagkrachtInDebtArrangement && finances.inDebtArrangement ? .debtArrangement : nil,
                earlierUse: earlierUse)
        }
        if NormTables.isOutdated(table, on: referenceDate) {
            warnings.insert(.normTableOutdated(tableDate: table.validFrom, referenceDate: referenceDate), at: 0)
        }
        return .success(FinancialOverview(referenceDate: referenceDate, policy: policy, policyVersion: policyVersion,
                                          normTableDate: table.validFrom, normTableSource: table.source,
                                          totals: totals, normTest: normTest, draagkracht: draagkracht, warnings: warnings))
    }

    /// The table's norm, raised by art. 20 lid 3 for each applicant or partner aged 18–20
    /// who cannot rely on their parents, never above the norm of the same household aged 21
    /// or older. Also who was raised, and who is marked but gets no raise.
    static func raisedNorm(_ category: NormCategory, household: Household, table: NormTable,
                           on date: CalendarDate) -> (Money, Money, [String], [String]) {
        let base = table.norm(for: category)
        var raised: [String] = [], notApplicable: [String] = []
        for adult in household.members where adult.role == .applicant || adult.role == .partner {
            guard let reason = adult.cannotRelyOnParents, !reason.trimmingWhitespace().isEmpty else { continue }
            let age = adult.age(on: date) ?? 0
            if table.youthRaise != nil, (18...20).contains(age) { raised.append(adult.name) } else { notApplicable.append(adult.name) }
        }
        guard let step = table.youthRaise, !raised.isEmpty else { return (base, .zero, [], notApplicable) }
        let cap = Money.max(base, table.norm(for: category.adultEquivalent))
        let norm = Money.min(base + Money(cents: step.cents * raised.count), cap)
        // A pensioner couple's norm is already above the cap: nobody is raised.
        if norm == base { return (base, .zero, [], notApplicable + raised) }
        return (norm, norm - base, raised, notApplicable)
    }

    /// The bands of the policy's tiers over the norm; vermogen above the limit in full;
    /// what earlier requests in the period took is recorded to be subtracted.
    public static func computeDraagkracht(assessedIncome: Money, norm: Money, policy: Policy,
                                          assets: Money = .zero, assetLimit: Money = .zero,
                                          suspended: DraagkrachtSuspension? = nil,
                                          earlierUse: DraagkrachtUse? = nil) -> Draagkracht {
        let bounds = policy.tiers.map { norm.percent($0.fromPercent) }
        let bands = policy.tiers.enumerated().map { i, tier -> DraagkrachtBand in
            let from = bounds[i]
            let upTo = i + 1 < bounds.count ? bounds[i + 1] : nil
            var income = Money.max(.zero, assessedIncome - from)
            if let upTo { income = Money.min(income, Money.max(.zero, upTo - from)) }
            return DraagkrachtBand(from: from, upTo: upTo, sharePercent: tier.sharePercent, income: income)
        }
        return Draagkracht(base: bounds[0], bands: bands, periodMonths: policy.periodMonths, assets: assets,
                           assetLimit: assetLimit, suspended: suspended, periodStart: earlierUse?.periodStart,
                           usedBefore: earlierUse?.used ?? .zero, minimumCost: policy.minimumCost)
    }
}
