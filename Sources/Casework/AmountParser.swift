/// Reads amounts as people type them and as case files store them.
///
/// Typed (Dutch way, tolerant of the plain form): `1234,56`, `1.234,56`, `€ 1.234,56`,
/// `1234.56`, `1234`, `12,5`, `1.234.567`, and `1.850` — a dot followed by exactly three
/// digits groups thousands, as a Dutch person writes € 1.850 for the rent (forms show the
/// amount back as read, `€ 1.850,00`, so there is no doubt). Refused, never guessed:
/// `1,2,3`, `12,345,6`, `1,234.56`, letters, more than two decimals (`12.3456`, `0.850`).
public enum AmountParser {
    /// The largest amount accepted: a billion euros. Keeps every sum far from overflow.
    public static let limit = Money(cents: 100_000_000_000)

    public static func parseTyped(_ input: String) -> Result<Money, AmountError> {
        var text = Substring(input.trimmingWhitespace())
        if text.isEmpty { return .failure(.empty) }
        var negative = false
        if text.hasPrefix("-") { negative = true; text = text.dropFirst() }
        if text.hasPrefix("€") { text = text.dropFirst().drop(while: { $0 == " " }) }
        if !negative, text.hasPrefix("-") { negative = true; text = text.dropFirst() }
        if text.isEmpty { return .failure(.empty) }
        guard text.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) else {
            return .failure(.notANumber(input))
        }
        let commas = text.filter { $0 == "," }.count
        let dots = text.filter { $0 == "." }.count
        let integerPart: Substring
        let fraction: Substring
        switch (dots, commas) {
        case (0, 0):
            integerPart = text; fraction = ""
        case (0, 1):
            // 12,5 or 1234,56: the comma is the decimal separator.
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            integerPart = parts[0]; fraction = parts[1]
            if fraction.count > 2 { return .failure(.tooManyDecimals(input)) }
        case (_, 0) where dots == 1:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts[1].count == 3, (1...3).contains(parts[0].count), parts[0].first != "0" {
                // 1.850: thousands, the way a Dutch amount is written.
                integerPart = parts[0] + parts[1]; fraction = ""
                break
            }
            if parts[1].count >= 3 { return .failure(.tooManyDecimals(input)) }
            integerPart = parts[0]; fraction = parts[1]
        case (_, 0):
            // 1.234.567: only thousands separators.
            guard let digits = groupedDigits(text) else { return .failure(.misplacedSeparator(input)) }
            integerPart = digits; fraction = ""
        case (_, 1):
            // 1.234,56: dots group thousands, the comma is the decimal separator.
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard let digits = groupedDigits(parts[0]) else { return .failure(.misplacedSeparator(input)) }
            if parts[1].contains(".") { return .failure(.misplacedSeparator(input)) }
            if parts[1].count > 2 { return .failure(.tooManyDecimals(input)) }
            integerPart = digits; fraction = parts[1]
        default:
            return .failure(.misplacedSeparator(input))
        }
        if integerPart.isEmpty && fraction.isEmpty { return .failure(.notANumber(input)) }
        if text.last == "," || text.last == "." { return .failure(.misplacedSeparator(input)) }
        return assemble(integer: integerPart, fraction: fraction, negative: negative, input: input)
    }

    /// The strict case-file form: digits, optionally a dot and one or two decimals
    /// (`"1650.00"`, `"12.5"`, `"900"`). No sign, no grouping, no comma.
    public static func parseCaseFile(_ text: String) -> Money? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (1...2).contains(fraction.count),
              fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        return try? assemble(integer: parts[0], fraction: fraction, negative: false, input: text).get()
    }

    /// `1.234.567` → `1234567`, or nil when the groups are not 1–3 digits then threes.
    private static func groupedDigits(_ text: Substring) -> Substring? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Substring(groups.joined())
    }

    private static func assemble(integer: Substring, fraction: Substring, negative: Bool,
                                 input: String) -> Result<Money, AmountError> {
        let digits = integer.drop(while: { $0 == "0" })
        guard digits.count <= 10, let euros = Int(integer.isEmpty ? "0" : String(integer)) else {
            return .failure(.tooLarge(input))
        }
        guard let fractionValue = fraction.isEmpty ? 0 : Int(String(fraction)) else { return .failure(.notANumber(input)) }
        let centsPart = fractionValue * (fraction.count == 1 ? 10 : 1)
        let money = Money(cents: euros * 100 + centsPart)
        if money > limit { return .failure(.tooLarge(input)) }
        return .success(negative ? -money : money)
    }
}

/// Why typed text is not an amount. `message(in:)` says what was expected.
public enum AmountError: Error, Equatable, Sendable {
    case empty
    case notANumber(String)
    case tooManyDecimals(String)
    case misplacedSeparator(String)
    case tooLarge(String)
}

extension Character {
    /// One of the ten ASCII digits, on its own. Not `("0"..."9").contains(self)`: a digit
    /// with a joiner or a combining mark attached (`"0\u{200D}"`, `"5\u{301}"`) is one
    /// Character that sorts between "0" and "9", but it is no digit, and `Int` refuses it.
    var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
