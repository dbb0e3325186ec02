/// A Dutch citizen service number (burgerservicenummer) that passed the 11-test.
public struct BSN: Hashable, Sendable, CustomStringConvertible {
    /// Nine digits.
    public let digits: String

    /// Accepts nine digits (eight with a leading zero dropped are padded back), spaces
    /// and dots ignored; nil when the 11-test fails.
    public init?(_ text: String) {
        var digits = text.filter { $0 != " " && $0 != "." }
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        if digits.count == 8 { digits = "0" + digits }
        guard digits.count == 9, BSN.passesElevenTest(digits) else { return nil }
        self.digits = digits
    }

    /// 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be a multiple of 11 (and not all zeros).
    public static func passesElevenTest(_ nineDigits: String) -> Bool {
        let d = nineDigits.compactMap { $0.wholeNumberValue }
        guard d.count == 9, d.contains(where: { $0 != 0 }) else { return false }
        let sum = (0..<8).reduce(0) { $0 + d[$1] * (9 - $1) } - d[8]
        return sum % 11 == 0
    }

    /// For lists: only the last four digits, `*****6782`.
    public var masked: String { "*****" + digits.suffix(4) }
    public var description: String { digits }
}
