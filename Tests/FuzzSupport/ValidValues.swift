import Casework

/// Valid values, the seeds that mutations start from, and independent checks of what a
/// parser accepts (mod 97, the 11-test, the calendar), written here apart from the code
/// they check so a mistake there is not repeated here.
public enum ValidValues {
    // MARK: amounts

    /// Cents of everyday size mostly, up to the parsers' limit of a billion euros sometimes.
    public static func cents(_ rng: inout SplitMix64) -> Int {
        switch rng.below(5) {
        case 0: rng.int(0...1_000)
        case 1: rng.int(0...500_000)
        case 2: rng.int(0...100_000_000)
        case 3: rng.int(0...100_000_000_000)
        default: rng.pick([0, 1, 99, 100, 123_456, 99_999_999_999, 100_000_000_000])
        }
    }

    /// An amount as people type it: `1.234,56`, `€ 1.234,56`, `1234,56`, `12,5`, `-€ 12,50`, `1234.56`.
    public static func typedAmount(_ rng: inout SplitMix64) -> String {
        let money = Money(cents: cents(&rng) * (rng.chance(1, in: 5) ? -1 : 1))
        let plainDigits = String(money.magnitude.cents / 100)
        let sign = money.isNegative ? "-" : ""
        switch rng.below(6) {
        case 0: return money.dutch
        case 1: return money.dutchNumber
        case 2: return sign + plainDigits + "," + twoDigits(money.magnitude.cents % 100)
        case 3: return money.plain
        case 4: return sign + plainDigits
        default: return "€" + money.dutchNumber
        }
    }

    /// An amount in the case-file form: `1650.00`, `12.5`, `900`.
    public static func caseFileAmount(_ rng: inout SplitMix64) -> String {
        let money = Money(cents: cents(&rng))
        switch rng.below(3) {
        case 0: return money.plain
        case 1: return String(money.cents / 100)
        default: return String(money.cents / 100) + "." + String(money.cents % 100 / 10)
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: dates and moments

    /// A day that exists: mostly 1900–2100, and the edges (year 1, 9999, 29 February).
    public static func date(_ rng: inout SplitMix64) -> (year: Int, month: Int, day: Int) {
        let year = rng.chance(1, in: 10) ? rng.pick([1, 4, 100, 400, 1900, 2000, 2024, 2100, 9999]) : rng.int(1900...2100)
        let month = rng.int(1...12)
        return (year, month, rng.int(1...daysIn(month: month, year: year)))
    }

    public static func isoDate(_ rng: inout SplitMix64) -> String {
        let d = date(&rng)
        return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    }

    /// `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm)`.
    public static func isoMoment(_ rng: inout SplitMix64) -> String {
        var text = isoDate(&rng) + "T" + pad(rng.int(0...23), 2) + ":" + pad(rng.int(0...59), 2)
        if rng.chance(3, in: 4) {
            text += ":" + pad(rng.int(0...59), 2)
            if rng.chance(1, in: 4) { text += "." + String(rng.int(0...999_999)) }
        }
        if rng.chance(1, in: 4) { return text + "Z" }
        return text + (rng.chance(1, in: 2) ? "+" : "-") + pad(rng.int(0...14), 2) + ":" + pad(rng.pick([0, 15, 30, 45, 59]), 2)
    }

    /// The proleptic Gregorian calendar, written out on its own.
    public static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    public static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    // MARK: IBAN

    /// SEPA countries with their IBAN length (SWIFT registry): the shortest, the longest,
    /// and those a Dutch municipality pays most.
    static let sepaLengths: [String: Int] = ["NL": 18, "DE": 22, "BE": 16, "FR": 27, "GB": 22, "MT": 31, "NO": 15, "LU": 20]
    /// Countries outside the parser's list, held to the general 15–34 characters.
    static let otherLengths: [String: Int] = ["XK": 20, "BR": 29]

    /// Both, in a fixed order (a dictionary's order changes from run to run).
    static let ibanCountries = sepaLengths.merging(otherLengths) { a, _ in a }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }

    /// The registered length of a SEPA country's IBAN, for the ones listed here.
    public static func ibanLength(country: String) -> Int? { sepaLengths[country] }

    /// A valid IBAN with fresh check digits; now and then in groups of four or lower case.
    public static func iban(_ rng: inout SplitMix64) -> String {
        if rng.chance(1, in: 8) { return rng.pick(["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "DE89370400440532013000",
                                                  "BE68539007547034", "GB29NWBK60161331926819"]) }
        let (country, length) = rng.pick(ibanCountries)
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), digits = Array("0123456789")
        var body = ""
        for i in 0..<(length - 4) {
            // As in NL: a bank code of four letters, then digits; elsewhere mostly digits.
            let letter = country == "NL" ? i < 4 : rng.chance(1, in: 6)
            body.append(letter ? rng.pick(letters) : rng.pick(digits))
        }
        let check = 98 - mod97(body + country + "00")
        let iban = country + pad(check, 2) + body
        switch rng.below(6) {
        case 0: return grouped(iban)
        case 1: return iban.lowercased()
        default: return iban
        }
    }

    static func grouped(_ text: String) -> String {
        var out = ""
        for (i, c) in text.enumerated() { if i > 0 && i % 4 == 0 { out += " " }; out.append(c) }
        return out
    }

    /// ISO 7064 mod 97-10 over the ASCII of `text` (letters A=10 … Z=35); -1 when a
    /// character is neither an ASCII digit nor an ASCII capital.
    public static func mod97(_ text: String) -> Int {
        var expanded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): expanded.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): expanded += String(Int(byte) - 55)
            default: return -1
            }
        }
        // The remainder and seven more digits at a time stay far inside an Int.
        var remainder = 0
        var chunk = Substring(expanded)
        while !chunk.isEmpty {
            let take = chunk.prefix(7)
            remainder = Int(String(remainder) + take)! % 97
            chunk = chunk.dropFirst(take.count)
        }
        return remainder
    }

    /// The ISO 13616 check of an electronic IBAN (no spaces, capitals).
    public static func passesMod97(_ electronic: String) -> Bool {
        let chars = Array(electronic.utf8)
        guard chars.count >= 5 else { return false }
        let rearranged = String(decoding: chars[4...] + chars[0..<4], as: UTF8.self)
        return mod97(rearranged) == 1
    }

    // MARK: BSN

    /// Nine digits that pass the 11-test; sometimes with spaces or dots as people write them.
    public static func bsn(_ rng: inout SplitMix64) -> String {
        while true {
            let digits = (0..<8).map { _ in rng.int(0...9) }
            let sum = digits.enumerated().reduce(0) { $0 + $1.element * (9 - $1.offset) }
            let last = sum % 11
            guard last < 10, digits.contains(where: { $0 != 0 }) || last != 0 else { continue }
            let text = (digits + [last]).map(String.init).joined()
            switch rng.below(8) {
            case 0: return String(text.prefix(4)) + "." + text.dropFirst(4).prefix(2) + "." + text.suffix(3)
            case 1: return String(text.prefix(3)) + " " + text.dropFirst(3).prefix(3) + " " + text.suffix(3)
            default: return text
            }
        }
    }

    /// The 11-test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11, and not all zeros.
    public static func passesElevenTest(_ nineDigits: String) -> Bool {
        let d = nineDigits.utf8.map { Int($0) - 48 }
        guard d.count == 9, d.allSatisfy({ (0...9).contains($0) }), d.contains(where: { $0 != 0 }) else { return false }
        let sum = (0..<8).reduce(0) { $0 + d[$1] * (9 - $1) } - d[8]
        return sum % 11 == 0
    }
}
