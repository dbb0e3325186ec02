import Casework

/// Hostile text: random strings over the characters that break parsers, and mutations of
/// valid text. Pieces are Strings, not Characters, so a combining mark or a zero-width
/// joiner can land on whatever comes before it.
public enum FuzzText {
    public static let digits = (0...9).map { String($0) }
    public static let separators = [".", ",", "-", "+", "€", " ", "'", "_", "e", "E", "/", ":", "T", "Z"]
    /// Spaces a Dutch keyboard, a PDF or a spreadsheet can put in: NBSP, narrow NBSP, thin,
    /// figure, ideographic, zero-width, tab, newlines.
    public static let spaces = [" ", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\u{3000}", "\u{200B}",
                                "\t", "\n", "\r\n", "\r", "\u{2028}", "\u{FEFF}"]
    public static let letters = ["a", "z", "A", "Z", "N", "L", "é", "ß", "ĳ", "Ø", "ı", "İ", "ﬁ", "Ω", "ж"]
    /// Digits that are not ASCII: they look like numbers and must never count as ones.
    public static let lookalikeDigits = ["１", "٣", "۴", "५", "²", "½", "⅓", "Ⅻ", "𝟗", "⓪", "〇"]
    public static let combining = ["\u{0301}", "\u{0308}", "\u{0327}", "\u{20DD}", "\u{FE0F}", "\u{200D}", "\u{0338}"]
    public static let wide = ["😀", "👨‍👩‍👧", "🇳🇱", "中", "한", "💶", "🏳️‍🌈", "\u{1F3FD}"]
    public static let controls = ["\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{1B}[2J"]
    /// Direction marks and overrides: text that displays differently from its order.
    public static let bidi = ["\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
                              "\u{2066}", "\u{2069}", "\u{061C}"]
    public static let lookalikeSigns = ["−", "–", "—", "＋", "‚", "٫", "٬", "·", "¸", "﹐", "＄", "£", "€€"]
    public static let special = ["\u{FFFD}", "\u{FFFF}", "\u{10FFFF}", "\u{E000}", "\"", "\\", "{", "}", "[", "]"]

    public static let hostile = digits + separators + spaces + letters + lookalikeDigits + combining + wide
        + controls + bidi + lookalikeSigns + special

    /// A random string: mostly short, number-like or fully random, now and then very long.
    public static func random(_ rng: inout SplitMix64, numberLike: Bool = false) -> String {
        switch rng.below(1000) {
        case 0..<3:
            // Very long: a few thousand to 100,000 pieces of one kind.
            let piece = rng.pick(rng.chance(1, in: 2) ? digits : hostile)
            let count = rng.below(2) == 0 ? rng.int(1_000...10_000) : rng.int(10_000...100_000)
            return (rng.chance(1, in: 2) ? "1" : "") + String(repeating: piece, count: count)
        default:
            let length = rng.chance(1, in: 10) ? rng.int(0...200) : rng.int(0...24)
            var out = ""
            for _ in 0..<length {
                if numberLike && !rng.chance(1, in: 8) {
                    out += rng.chance(3, in: 4) ? rng.pick(digits) : rng.pick([".", ",", "-", " ", "€"])
                } else {
                    out += rng.pick(hostile)
                }
            }
            return out
        }
    }

    /// `seed` with one to four mutations: characters replaced, inserted, removed,
    /// duplicated, swapped; a combining mark; the text repeated or cut; bits flipped.
    public static func mutate(_ seed: String, _ rng: inout SplitMix64) -> String {
        var text = Array(seed.unicodeScalars.map { String($0) })
        for _ in 0..<rng.int(1...4) {
            let at = rng.below(text.count + 1)
            switch rng.below(12) {
            case 0 where !text.isEmpty: text[min(at, text.count - 1)] = rng.pick(hostile)
            case 1: text.insert(rng.pick(hostile), at: at)
            case 2 where !text.isEmpty: text.remove(at: min(at, text.count - 1))
            case 3 where !text.isEmpty:
                let from = rng.below(text.count), to = min(text.count, from + rng.int(1...6))
                text.insert(contentsOf: text[from..<to], at: at)
            case 4 where text.count >= 2:
                let i = rng.below(text.count - 1)
                text.swapAt(i, i + 1)
            case 5: text.insert(rng.pick(combining), at: at)
            case 6: text.insert(rng.pick(lookalikeDigits + lookalikeSigns + spaces), at: at)
            case 7: text = Array(text.prefix(at))
            case 8:
                // Digits to overflow any integer: many of them, or many leading zeros.
                let run = String(repeating: rng.chance(1, in: 2) ? "9" : "0", count: rng.int(10...40))
                text.insert(contentsOf: run.map(String.init), at: at)
            case 9: text.insert(rng.pick(controls + bidi + spaces), at: at)
            case 10 where !text.isEmpty && text.count < 5_000:
                text = Array(repeating: text, count: rng.int(2...20)).flatMap { $0 }
            default:
                // A bit flipped in the UTF-8: what a broken transfer does; invalid bytes
                // decode to U+FFFD as they would from a file.
                var bytes = Array(text.joined().utf8)
                if !bytes.isEmpty { bytes[rng.below(bytes.count)] ^= UInt8(1) << UInt8(rng.below(8)) }
                text = String(decoding: bytes, as: UTF8.self).unicodeScalars.map { String($0) }
            }
        }
        return text.joined()
    }

    /// Text for a failure message: printable ASCII as is, everything else escaped, long
    /// input cut (its length is given).
    public static func describe(_ bytes: [UInt8], limit: Int = 400) -> String {
        let shown = bytes.prefix(limit)
        var out = "\""
        if let text = String(validating: shown, as: UTF8.self) {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case " "..."~": out.unicodeScalars.append(scalar)
                default: out += "\\u{" + String(scalar.value, radix: 16) + "}"
                }
            }
        } else {
            for b in shown {
                if b >= 0x20 && b < 0x7F && b != 0x22 && b != 0x5C { out.unicodeScalars.append(UnicodeScalar(b)) }
                else { out += "\\x" + (b < 16 ? "0" : "") + String(b, radix: 16) }
            }
        }
        out += "\""
        if bytes.count > limit { out += "… (\(bytes.count) bytes in all)" }
        return out
    }
}

extension SplitMix64 {
    /// 0 ..< n.
    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }
    public mutating func chance(_ k: Int, in n: Int) -> Bool { below(n) < k }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// A text input and whether it was made valid (a seed left unmutated): a parser must
/// accept those, not merely refuse everything else.
public struct TextCase: FuzzInput, Sendable {
    public let text: String
    public let isValid: Bool
    public var fuzzBytes: [UInt8] { Array(text.utf8) }

    public init(text: String, isValid: Bool) { self.text = text; self.isValid = isValid }
}

extension FuzzText {
    /// Inputs around a kind of value: valid ones, mutations of valid ones, number-like
    /// noise and plain noise.
    public static func around(_ valid: (inout SplitMix64) -> String, _ rng: inout SplitMix64) -> TextCase {
        switch rng.below(20) {
        case 0..<4: return TextCase(text: valid(&rng), isValid: true)
        case 4..<13: return TextCase(text: mutate(valid(&rng), &rng), isValid: false)
        case 13..<17: return TextCase(text: random(&rng, numberLike: true), isValid: false)
        default: return TextCase(text: random(&rng), isValid: false)
        }
    }
}
