import Casework

/// Mutations of a file's bytes: what a broken disk, a bad transfer, a wrong editor or a
/// hostile sender makes of it. Invalid UTF-8 on purpose.
public enum ByteMutation {
    /// Byte sequences that are not UTF-8: a stray continuation byte, an overlong NUL, a
    /// cut-off euro sign, a UTF-16 surrogate, a code point above U+10FFFF, 0xFF.
    public static let invalidUTF8: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80],
                                                [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE, 0xFF], [0xC3]]
    /// Bytes that mean something to a JSON or TOML parser.
    public static let tokens: [String] = ["\"", "{", "}", "[", "]", ",", ":", "\\", "\\u", "\\ud800", "\\u0000",
                                          "null", "1e999999", "-", "0", "true", "\u{0}", "\n", "\u{FEFF}", "=", "#",
                                          "'''", "\"\"\"", "[[", "]]", ".", "\r"]

    /// `bytes` with one to `maximum` mutations.
    public static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64, maximum: Int = 3) -> [UInt8] {
        var out = bytes
        for _ in 0..<rng.int(1...maximum) {
            let at = rng.below(out.count + 1)
            switch rng.below(9) {
            case 0 where !out.isEmpty: out[min(at, out.count - 1)] ^= UInt8(1) << UInt8(rng.below(8))
            case 1 where !out.isEmpty: out[min(at, out.count - 1)] = rng.pick([0x00, 0xFF, 0x80, 0xC0, 0x7F, 0x22, 0x5C])
            case 2: out.insert(contentsOf: rng.pick(invalidUTF8), at: at)
            case 3: out.insert(contentsOf: Array(rng.pick(tokens).utf8), at: at)
            case 4 where !out.isEmpty:
                let end = min(out.count, at + rng.int(1...(rng.chance(1, in: 4) ? 500 : 8)))
                out.removeSubrange(min(at, out.count - 1)..<end)
            case 5 where !out.isEmpty:
                let from = rng.below(out.count), to = min(out.count, from + rng.int(1...200))
                out.insert(contentsOf: out[from..<to], at: at)
            case 6: out = Array(out.prefix(at))
            case 7: out.insert(contentsOf: Array(FuzzText.random(&rng).utf8), at: at)
            default:
                // A line ending changed: CRLF, a lone CR, or none.
                out.insert(contentsOf: rng.pick([[0x0D, 0x0A], [0x0D], [0x0A, 0x0A]]), at: at)
            }
        }
        return out
    }
}
