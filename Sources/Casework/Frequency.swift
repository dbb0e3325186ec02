/// How often an amount is received or paid. The factor turns it into a monthly amount.
public enum Frequency: String, CaseIterable, Codable, Sendable {
    case week, fourWeeks, month, quarter, halfYear, year

    /// The monthly factor as an exact fraction (docs/rules.md, "Frequencies and monthly equivalents").
    public var factor: (numerator: Int, denominator: Int) {
        switch self {
        case .week: (52, 12)
        case .fourWeeks: (13, 12)
        case .month: (1, 1)
        case .quarter: (1, 3)
        case .halfYear: (1, 6)
        case .year: (1, 12)
        }
    }

    /// `amount × factor`, rounded half away from zero to whole cents, per line.
    public func monthly(_ amount: Money) -> Money {
        amount.scaled(by: factor.numerator, over: factor.denominator)
    }
}
