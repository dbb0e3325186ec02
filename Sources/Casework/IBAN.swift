/// An International Bank Account Number that passed the ISO 13616 mod-97 check.
public struct IBAN: Hashable, Sendable, CustomStringConvertible {
    /// Upper case, without spaces: `NL91ABNA0417164300`.
    public let electronic: String

    public init?(_ text: String) {
        guard case .success(let iban) = IBAN.check(text) else { return nil }
        self = iban
    }

    private init(checked: String) { electronic = checked }

    /// Checks any country's IBAN: two letters, two check digits, up to 30 letters and
    /// digits, the length registered for the country where we know it, and mod 97 = 1.
    public static func check(_ text: String) -> Result<IBAN, IBANError> {
        let compact = String(text.filter { $0 != " " }).uppercased()
        guard !compact.isEmpty else { return .failure(.empty) }
        // By bytes, not Characters: "Y\u{FE0F}" or "0\u{200D}" is one Character that sorts
        // between "A" and "Z" or "0" and "9", and no IBAN character.
        let bytes = Array(compact.utf8)
        guard bytes.allSatisfy({ isDigit($0) || isCapital($0) }) else { return .failure(.invalidCharacters) }
        guard bytes.count >= 5, isCapital(bytes[0]), isCapital(bytes[1]), isDigit(bytes[2]), isDigit(bytes[3]) else {
            return .failure(.badStart)
        }
        let country = String(decoding: bytes[0..<2], as: UTF8.self)
        if let expected = registeredLengths[country], expected != bytes.count {
            return .failure(.wrongLength(country: country, expected: expected, actual: bytes.count))
        }
        guard (15...34).contains(bytes.count) else {
            return .failure(.wrongLength(country: country, expected: nil, actual: bytes.count))
        }
        guard mod97(bytes[4...] + bytes[0..<4]) == 1 else { return .failure(.checksum) }
        return .success(IBAN(checked: compact))
    }

    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    private static func isCapital(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) }

    /// ASCII digits and capitals, letters counting as 10…35; the remainder is carried digit
    /// by digit, so no big numbers.
    static func mod97<S: Sequence<UInt8>>(_ bytes: S) -> Int {
        var remainder = 0
        for b in bytes {
            if isDigit(b) {
                remainder = (remainder * 10 + Int(b - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(b - 0x41) + 10) % 97
            }
        }
        return remainder
    }

    /// Printed in groups of four: `NL91 ABNA 0417 1643 00`.
    public var formatted: String {
        var out = ""
        for (i, c) in electronic.enumerated() {
            if i > 0 && i % 4 == 0 { out.append(" ") }
            out.append(c)
        }
        return out
    }

    public var countryCode: String { String(electronic.prefix(2)) }
    public var description: String { electronic }

    /// IBAN lengths of the SEPA countries (SWIFT IBAN registry). Other countries are held
    /// to the general 15–34 and the mod-97 check.
    static let registeredLengths: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
        "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
        "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
        "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
        "VA": 22,
    ]
}

public enum IBANError: Error, Equatable, Sendable {
    case empty
    case invalidCharacters
    case badStart
    case wrongLength(country: String, expected: Int?, actual: Int)
    case checksum
}
