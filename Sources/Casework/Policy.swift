/// Municipal policy: the figures a municipality decides, not the law (docs/rules.md,
/// "The municipality's policy"). Defaults ship with the software; a team leader sets a new
/// version in the store (`keukentafel policy set FILE`), valid from a date; a case file may
/// carry its own fields for training, which override field by field.
public struct Policy: Equatable, Sendable {
    /// The income-norm test threshold as a percentage of the norm.
    public var normPercentage: Int
    /// Draagkracht per income band above the norm: the first tier's `fromPercent` is the
    /// base (income up to it is left to the household).
    public var tiers: [DraagkrachtTier]
    /// The months of one draagkrachtperiode, shared by every request in it.
    public var periodMonths: Int
    /// No draagkracht at all while the household is in WSNP or an amicable arrangement.
    public var noDraagkrachtInDebtArrangement: Bool
    /// The vermogensgrens (art. 34 Pw) for a single person, and for a couple or single parent.
    public var assetLimitSingle: Money
    public var assetLimitFamily: Money
    /// The drempelbedrag (art. 35 lid 2 Pw): costs under it are not granted. Nil: none.
    public var minimumCost: Money?
    /// AOW-leeftijd by date.
    public var pensionAges: PensionAges
    /// Grants up to this amount are approved by the caseworker's own submission.
    public var mandateLimit: Money
    /// First contact on an early-warning signal that is no crisis within this many working
    /// days (a crisis: three, by law of the standard's practice; docs/signals.md).
    public var signalContactWorkingDays: Int = 10

    public var freeUpToPercent: Int { tiers[0].fromPercent }
    public var sharePercent: Int { tiers[0].sharePercent }

    public static let defaults = Policy(
        normPercentage: 110, tiers: [DraagkrachtTier(fromPercent: 100, sharePercent: 35)], periodMonths: 12,
        noDraagkrachtInDebtArrangement: false,
        assetLimitSingle: Money(cents: 800_000), assetLimitFamily: Money(cents: 1_600_000),
        minimumCost: nil, pensionAges: .shipped, mandateLimit: Money(cents: 150_000))

    public init(normPercentage: Int, tiers: [DraagkrachtTier], periodMonths: Int,
                noDraagkrachtInDebtArrangement: Bool, assetLimitSingle: Money, assetLimitFamily: Money,
                minimumCost: Money?, pensionAges: PensionAges, mandateLimit: Money) {
        precondition(!tiers.isEmpty, "a policy needs a draagkracht tier")
        self.normPercentage = normPercentage; self.tiers = tiers.sorted { $0.fromPercent < $1.fromPercent }
        self.periodMonths = periodMonths; self.noDraagkrachtInDebtArrangement = noDraagkrachtInDebtArrangement
        self.assetLimitSingle = assetLimitSingle; self.assetLimitFamily = assetLimitFamily
        self.minimumCost = minimumCost; self.pensionAges = pensionAges; self.mandateLimit = mandateLimit
    }

    /// This policy with every field the override sets replaced. `freeUpToPercent` or
    /// `sharePercent` alone (the fields of older case files) make one tier of them.
    public func overridden(by o: PolicyOverride) -> Policy {
        var p = self
        if let v = o.normPercentage { p.normPercentage = v }
        if let tiers = o.tiers, !tiers.isEmpty {
            p.tiers = tiers.sorted { $0.fromPercent < $1.fromPercent }
        } else if o.freeUpToPercent != nil || o.sharePercent != nil {
            p.tiers = [DraagkrachtTier(fromPercent: o.freeUpToPercent ?? freeUpToPercent,
                                       sharePercent: o.sharePercent ?? sharePercent)]
        }
        if let v = o.periodMonths { p.periodMonths = v }
        if let v = o.noDraagkrachtInDebtArrangement { p.noDraagkrachtInDebtArrangement = v }
        if let v = o.assetLimitSingle { p.assetLimitSingle = v }
        if let v = o.assetLimitFamily { p.assetLimitFamily = v }
        if let v = o.minimumCost { p.minimumCost = v == .zero ? nil : v }
        if let v = o.pensionAges { p.pensionAges = v } else if let v = o.pensionAge { p.pensionAges = .fixed(years: v) }
        if let v = o.mandateLimit { p.mandateLimit = v }
        if let v = o.signalContactDays { p.signalContactWorkingDays = v }
        return p
    }

    /// Every field set: how a policy version is stored and shown (`policy show --json`).
    public var asOverride: PolicyOverride {
        PolicyOverride(normPercentage: normPercentage, periodMonths: periodMonths, mandateLimit: mandateLimit,
                       tiers: tiers, noDraagkrachtInDebtArrangement: noDraagkrachtInDebtArrangement,
                       assetLimitSingle: assetLimitSingle, assetLimitFamily: assetLimitFamily,
                       minimumCost: minimumCost ?? .zero, pensionAges: pensionAges,
                       signalContactDays: signalContactWorkingDays)
    }
}

/// A share of the income in a band above the norm: from `fromPercent` of the norm up to the
/// next tier's start (or without end), `sharePercent` of that income is draagkracht.
public struct DraagkrachtTier: Equatable, Sendable {
    public var fromPercent: Int
    public var sharePercent: Int
    public init(fromPercent: Int, sharePercent: Int) { self.fromPercent = fromPercent; self.sharePercent = sharePercent }
}

/// A partial policy: what a case file or a policy file sets; nil keeps the inherited value.
public struct PolicyOverride: Equatable, Sendable {
    public var normPercentage: Int?
    public var freeUpToPercent: Int?
    public var sharePercent: Int?
    public var periodMonths: Int?
    /// Whole years, for everyone (older case files; training).
    public var pensionAge: Int?
    public var mandateLimit: Money?
    public var tiers: [DraagkrachtTier]?
    public var noDraagkrachtInDebtArrangement: Bool?
    public var assetLimitSingle: Money?
    public var assetLimitFamily: Money?
    /// Zero switches a drempelbedrag off.
    public var minimumCost: Money?
    public var pensionAges: PensionAges?
    /// Working days to first contact on a signal that is no crisis.
    public var signalContactDays: Int?
    public var unknownFields: JSONObject

    public init(normPercentage: Int? = nil, freeUpToPercent: Int? = nil, sharePercent: Int? = nil,
                periodMonths: Int? = nil, pensionAge: Int? = nil, mandateLimit: Money? = nil,
                tiers: [DraagkrachtTier]? = nil, noDraagkrachtInDebtArrangement: Bool? = nil,
                assetLimitSingle: Money? = nil, assetLimitFamily: Money? = nil, minimumCost: Money? = nil,
                pensionAges: PensionAges? = nil, signalContactDays: Int? = nil, unknownFields: JSONObject = [:]) {
        self.normPercentage = normPercentage; self.freeUpToPercent = freeUpToPercent
        self.sharePercent = sharePercent; self.periodMonths = periodMonths
        self.pensionAge = pensionAge; self.mandateLimit = mandateLimit; self.tiers = tiers
        self.noDraagkrachtInDebtArrangement = noDraagkrachtInDebtArrangement
        self.assetLimitSingle = assetLimitSingle; self.assetLimitFamily = assetLimitFamily
        self.minimumCost = minimumCost; self.pensionAges = pensionAges; self.signalContactDays = signalContactDays
        self.unknownFields = unknownFields
    }
}

/// One version of the municipality's policy, valid from a date until a later version.
public struct PolicyVersion: Equatable, Sendable {
    /// 0 is the policy that ships with the program; the store numbers the rest 1, 2, …
    public let number: Int
    public let validFrom: CalendarDate
    public let policy: Policy
    public let setBy: String?
    public let setAt: Moment?

    public init(number: Int, validFrom: CalendarDate, policy: Policy, setBy: String? = nil, setAt: Moment? = nil) {
        self.number = number; self.validFrom = validFrom; self.policy = policy; self.setBy = setBy; self.setAt = setAt
    }

    public static let shipped = PolicyVersion(number: 0, validFrom: CalendarDate(year: 2024, month: 1, day: 1)!,
                                              policy: .defaults)
}

/// The law and the policy a computation uses: the norm tables (shipped and added) and the
/// policy versions. One value, handed to every overview, so a screen, a command and a
/// grant's submission compute alike.
public struct CaseRules: Equatable, Sendable {
    public var normTables: NormTables
    /// Oldest first; never empty (version 0 is the shipped policy).
    public var policies: [PolicyVersion]

    public init(normTables: NormTables = .shipped, policies: [PolicyVersion] = []) {
        self.normTables = normTables
        self.policies = ([PolicyVersion.shipped] + policies.filter { $0.number != 0 })
            .sorted { ($0.validFrom, $0.number) < ($1.validFrom, $1.number) }
    }

    public static let shipped = CaseRules()

    /// The version in force on `date`: the latest set one that is valid by then.
    public func policy(on date: CalendarDate) -> PolicyVersion {
        policies.last { $0.validFrom <= date } ?? policies[0]
    }

    public func policy(number: Int) -> PolicyVersion? { policies.first { $0.number == number } }

    /// The overview of `file` on `date` (the file's own reference date is not used: in the
    /// store, figures are today's), with the policy in force that day and the file's own
    /// policy fields over it; draagkracht already used in the period is subtracted.
    public func overview(of file: CaseFile, on date: CalendarDate, excludingGrant: String? = nil) -> Result<FinancialOverview, NormTableError> {
        let version = policy(on: date)
        let policy = file.policy.map { version.policy.overridden(by: $0) } ?? version.policy
        let use = DraagkrachtPeriod.use(of: file.grants, on: date, periodMonths: policy.periodMonths, excluding: excludingGrant)
        return FinancialOverview.compute(household: file.household, finances: file.finances, policy: policy,
                                         referenceDate: date, normTables: normTables, earlierUse: use,
                                         policyVersion: version.number)
    }
}
