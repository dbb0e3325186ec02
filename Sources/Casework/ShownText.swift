/// Text from a file, made fit for a one-line message on a terminal. A case file is
/// untrusted input, and its problems are printed on stderr with the offending text quoted:
/// that text must not move the cursor, clear or recolour the screen (escape sequences),
/// turn the rest of the line around (direction overrides) or start a line of its own, and
/// a value of 100,000 characters must not bury the message.
public enum ShownText {
    /// Characters of a value shown before it is cut with "…".
    public static let limit = 100

    /// The first `limit` characters of `text`, and "…" when there were more.
    public static func cut(_ text: String, limit: Int = limit) -> String {
        var end = text.startIndex
        guard text.formIndex(&end, offsetBy: limit, limitedBy: text.endIndex), end != text.endIndex else { return text }
        return String(text[..<end]) + "…"
    }

    /// `text` with control characters, direction marks and line separators written as
    /// `\u{1B}`, so they show instead of acting.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: acts) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if acts(scalar) { out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars) }
            else { out.append(scalar) }
        }
        return String(out)
    }

    /// C0 and C1 controls (escape sequences start with one), the direction marks,
    /// embeddings, overrides and isolates, and the line and paragraph separators. Ranges
    /// written out: a property lookup per character is slow, and these are fixed.
    private static func acts(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
