/// Municipal policy: the figures a municipality decides, not the law. Defaults ship with
/// the software; a municipality's configuration and, for training, a case file override
/// them field by field.
public struct Policy: Equatable, Sendable {
    /// The income-norm test threshold as a percentage of the norm.
    public var normPercentage: Int
    /// Income up to this percentage of the norm is left to the household (draagkracht base).
    public var freeUpToPercent: Int
    /// The share of income above the base that the household can bear.
    public var sharePercent: Int
    /// The months over which draagkracht is counted.
    public var periodMonths: Int
    /// AOW-leeftijd, in whole years.
    public var pensionAge: Int
    /// Grants up to this amount are approved by the caseworker's own submission.
    public var mandateLimit: Money

    public static let defaults = Policy(normPercentage: 110, freeUpToPercent: 100, sharePercent: 35,
                                        periodMonths: 12, pensionAge: 67, mandateLimit: Money(cents: 150_000))

    public init(normPercentage: Int, freeUpToPercent: Int, sharePercent: Int, periodMonths: Int,
                pensionAge: Int, mandateLimit: Money) {
        self.normPercentage = normPercentage; self.freeUpToPercent = freeUpToPercent
        self.sharePercent = sharePercent; self.periodMonths = periodMonths
        self.pensionAge = pensionAge; self.mandateLimit = mandateLimit
    }

    /// This policy with every field the override sets replaced.
    public func overridden(by o: PolicyOverride) -> Policy {
        Policy(normPercentage: o.normPercentage ?? normPercentage,
               freeUpToPercent: o.freeUpToPercent ?? freeUpToPercent,
               sharePercent: o.sharePercent ?? sharePercent,
               periodMonths: o.periodMonths ?? periodMonths,
               pensionAge: o.pensionAge ?? pensionAge,
               mandateLimit: o.mandateLimit ?? mandateLimit)
    }
}

/// A partial policy: what a configuration or case file sets; nil keeps the inherited value.
public struct PolicyOverride: Equatable, Sendable {
    public var normPercentage: Int?
    public var freeUpToPercent: Int?
    public var sharePercent: Int?
    public var periodMonths: Int?
    public var pensionAge: Int?
    public var mandateLimit: Money?
    public var unknownFields: JSONObject

    public init(normPercentage: Int? = nil, freeUpToPercent: Int? = nil, sharePercent: Int? = nil,
                periodMonths: Int? = nil, pensionAge: Int? = nil, mandateLimit: Money? = nil,
                unknownFields: JSONObject = [:]) {
        self.normPercentage = normPercentage; self.freeUpToPercent = freeUpToPercent
        self.sharePercent = sharePercent; self.periodMonths = periodMonths
        self.pensionAge = pensionAge; self.mandateLimit = mandateLimit; self.unknownFields = unknownFields
    }
}
