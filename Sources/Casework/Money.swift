/// An exact amount of euros, held as whole cents. Never a floating-point number:
/// every figure a caseworker shows a household must add up to the cent.
public struct Money: Hashable, Comparable, Sendable {
    public var cents: Int

    public init(cents: Int) { self.cents = cents }

    /// Whole euros and cents, e.g. `Money(euros: 1234, cents: 56)` is € 1.234,56.
    public init(euros: Int, cents: Int = 0) {
        self.cents = euros * 100 + (euros < 0 ? -cents : cents)
    }

    public static let zero = Money(cents: 0)

    public var isNegative: Bool { cents < 0 }
    public var magnitude: Money { Money(cents: abs(cents)) }

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    public static prefix func - (a: Money) -> Money { Money(cents: -a.cents) }
    public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    public static func -= (a: inout Money, b: Money) { a.cents -= b.cents }

    /// `self × numerator / denominator`, rounded half away from zero to whole cents.
    /// All rates in the domain (frequency factors, percentages) are such fractions.
    public func scaled(by numerator: Int, over denominator: Int) -> Money {
        Money(cents: Rounding.divideHalfAwayFromZero(cents * numerator, by: denominator))
    }

    /// `self × percent / 100`, rounded half away from zero (e.g. 1345,45 × 110 % = 1480,00).
    public func percent(_ percent: Int) -> Money { scaled(by: percent, over: 100) }

    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }
    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}

/// Integer division with the rounding rule of docs/rules.md: half away from zero.
public enum Rounding {
    public static func divideHalfAwayFromZero(_ n: Int, by d: Int) -> Int {
        precondition(d != 0, "division by zero")
        let (n, d) = d < 0 ? (-n, -d) : (n, d)
        let q = n / d, r = n % d          // Swift truncates toward zero
        guard 2 * abs(r) >= d else { return q }
        return n < 0 ? q - 1 : q + 1
    }
}

// MARK: - Text forms

extension Money {
    /// Dutch display form: `€ 1.234,56`, negative `-€ 12,50`.
    public var dutch: String {
        (isNegative ? "-" : "") + "€ " + Money.group(abs(cents) / 100) + "," + Money.twoDigits(abs(cents) % 100)
    }

    /// Dutch form without the euro sign, for table columns: `1.234,56`, `-12,50`.
    public var dutchNumber: String {
        (isNegative ? "-" : "") + Money.group(abs(cents) / 100) + "," + Money.twoDigits(abs(cents) % 100)
    }

    /// The case-file and JSON form: a dot and always two decimals, `1234.56`, `-12.50`.
    public var plain: String {
        (isNegative ? "-" : "") + String(abs(cents) / 100) + "." + Money.twoDigits(abs(cents) % 100)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func group(_ euros: Int) -> String {
        let digits = Array(String(euros))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(d)
        }
        return out
    }
}
