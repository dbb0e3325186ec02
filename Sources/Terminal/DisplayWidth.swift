/// How many terminal columns text takes: the one source for every widget, the buffer and
/// the backends. Wide East Asian characters and emoji take two, combining marks and other
/// zero-width scalars none, everything else one — per grapheme cluster, as a terminal
/// draws it.
public enum DisplayWidth {
    /// Columns of one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if character.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        // An emoji presentation selector makes the cluster wide.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        var width = 0
        for scalar in scalars { width = max(width, of(scalar)) }
        return width
    }

    /// Columns of one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 } // Hangul medial vowels, zero-width space
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// Columns of a whole text.
    public static func of(_ text: some StringProtocol) -> Int {
        // Most text on a screen is ASCII: a column for each printable byte, no clusters to
        // find (a frame measures thousands of cells' texts).
        var printable = 0, ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x20 && byte != 0x7F { printable += 1 }
        }
        if ascii { return printable }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, EastAsianWidth.txt, W and F).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
             0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
             0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func prefix(_ text: some StringProtocol, fitting width: Int) -> Substring {
        let text = Substring(text)
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = of(text[index])
            if used + w > width { break }
            used += w
            end = text.index(after: index)
        }
        return text[..<end]
    }

    /// `text` cut to `width` columns with "…" when it does not fit (ASCII "~" when asked).
    public static func truncate(_ text: some StringProtocol, to width: Int, ascii: Bool = false) -> String {
        guard width > 0 else {
            if !text.isEmpty { CutText.record(text, shown: "") }
            return ""
        }
        if of(text) <= width { return String(text) }
        let mark = ascii ? "~" : "…"
        let cut = String(prefix(text, fitting: width - 1)) + mark
        CutText.record(text, shown: cut)
        return cut
    }

    /// `text` cut or padded with spaces to exactly `width` columns; `alignRight` pads on the left.
    public static func fit(_ text: some StringProtocol, to width: Int, alignRight: Bool = false, ascii: Bool = false) -> String {
        let cut = truncate(text, to: width, ascii: ascii)
        let padding = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? padding + cut : cut + padding
    }
}
