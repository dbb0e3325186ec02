/// What the screens show when the terminal's locale is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`):
/// ASCII only, never mojibake. ncurses in such a locale cannot send `ë`, `€` or `─`; handed a
/// wide character it shows escapes (`M-C~K`) or nothing, and the layout shifts. So every
/// character is replaced here, before ncurses sees it.
///
/// Two forms per character:
/// - the **short** form takes exactly the columns of the character (`€` → `E`, `…` → `~`,
///   `陈` → `??`), so a layout measured on the Unicode text stays exactly as it was;
/// - the **long** form is the clearest ASCII (`€` → `EUR`, `…` → `...`, `→` → `->`), used
///   wherever there is room for it: in table cells (the table measures the ASCII text) and
///   where the text's own padding spaces make room (a right-aligned amount).
///
/// Letters lose their diacritics (`Noëlle` → `Noelle`, `Zoë` → `Zoe`); ligatures and `ß`
/// are spelled out in the long form. A character with no ASCII form at all (Chinese, emoji)
/// becomes `?` per column: the one honest mark for "cannot be shown here".
public enum ASCIIFallback {
    /// The long forms that differ from the short ones; everything else has one form.
    static let longForms: [Character: String] = [
        "€": "EUR", "…": "...", "→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "≤": "<=", "≥": ">=", "≠": "!=",
        "±": "+/-", "½": "1/2", "¼": "1/4", "¾": "3/4", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "ĳ": "ij", "Ĳ": "IJ", "þ": "th", "Þ": "Th", "«": "<<", "»": ">>", "©": "(c)", "®": "(R)", "™": "TM",
    ]

    /// One character in the columns it takes (1 or 2).
    static let shortForms: [Character: String] = [
        "€": "E", "…": "~", "·": "-", "•": "*", "◦": "o", "—": "-", "–": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": "\"", "”": "\"", "„": "\"", "‟": "\"", "″": "\"",
        "«": "<", "»": ">", "‹": "<", "›": ">", "▸": ">", "▹": ">", "►": ">", "◂": "<", "◄": "<", "▲": "^", "▼": "v",
        "△": "^", "▽": "v", "→": ">", "←": "<", "↑": "^", "↓": "v", "↔": "-", "⇒": ">", "↵": "<", "×": "x", "÷": "/",
        "≤": "<", "≥": ">", "≠": "#", "±": "+", "°": "o", "¹": "1", "²": "2", "³": "3", "½": "-", "¼": "-", "¾": "-",
        "✓": "v", "✔": "v", "✗": "x", "✘": "x", "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ĳ": "i", "Ĳ": "I",
        "ł": "l", "Ł": "L", "ð": "d", "Ð": "D", "þ": "t", "Þ": "T", "ı": "i", "©": "c", "®": "R", "™": "T",
        "\u{00A0}": " ", "\u{202F}": " ", "\u{2009}": " ", "\u{2007}": " ",
        "░": "#", "▒": "#", "▓": "#", "█": "#", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "#", "▎": "#", "▏": "#",
        "▁": "_", "▂": "_", "▃": "=", "▄": "=", "▅": "=", "▆": "#", "▇": "#",
    ]

    /// The stand-in of `character` in exactly its columns: ASCII, never wider or narrower.
    public static func short(_ character: Character) -> String {
        if character.isASCII { return String(character) }
        if let form = shortForms[character] { return form }
        if let line = boxLine(character) { return line }
        let width = DisplayWidth.of(character)
        let stripped = withoutDiacritics(character)
        // A letter with accents keeps its letter; anything else (陈, 👍) is "?" a column.
        if !stripped.isEmpty, DisplayWidth.of(stripped) == width { return stripped }
        return String(repeating: "?", count: width)
    }

    /// The clearest ASCII for `character`; may be wider than the character itself.
    public static func long(_ character: Character) -> String {
        longForms[character] ?? short(character)
    }

    /// `text` in its long ASCII form.
    public static func long(_ text: some StringProtocol) -> String {
        var out = ""
        for character in text where DisplayWidth.of(character) > 0 || character.isASCII { out += long(character) }
        return out
    }

    /// `text` in its short ASCII form (the same columns as `text`).
    public static func short(_ text: some StringProtocol) -> String {
        var out = ""
        for character in text where DisplayWidth.of(character) > 0 || character.isASCII { out += short(character) }
        return out
    }

    /// `text` as ASCII in exactly the columns `text` takes: the long form when the text's own
    /// padding spaces (at its start or end — a right- or left-aligned value) make room for
    /// it, else the short form. Whatever the caller measured stays true: nothing shifts,
    /// and no amount is ever cut because "EUR" is longer than "€".
    public static func sameWidth(_ text: some StringProtocol) -> String {
        if text.allSatisfy(\.isASCII) { return String(text) }
        let width = DisplayWidth.of(text)
        let long = long(text)
        var extra = DisplayWidth.of(long) - width
        if extra <= 0 { return long + String(repeating: " ", count: -extra) }
        var body = Substring(long)
        var leading = body.prefix { $0 == " " }.count
        var trailing = body.reversed().prefix { $0 == " " }.count
        guard leading + trailing >= extra, leading < body.count else { return short(text) }
        // Take from the larger run first: that is the alignment padding.
        while extra > 0 {
            if leading >= trailing, leading > 0 { body = body.dropFirst(); leading -= 1 } else { body = body.dropLast(); trailing -= 1 }
            extra -= 1
        }
        return String(body)
    }

    /// Box-drawing characters (U+2500–U+257F): lines become `-` and `|`, corners and
    /// junctions `+`.
    static func boxLine(_ character: Character) -> String? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
              (0x2500...0x257F).contains(scalar.value) else { return nil }
        switch scalar.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        default: return "+"
        }
    }

    /// The letters of `character` without their diacritics ("ë" → "e"); "" when it has none.
    static func withoutDiacritics(_ character: Character) -> String {
        var out = ""
        for scalar in character.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            if let base = latinBase[scalar] { out.unicodeScalars.append(base); continue }
            // A combining accent after an ASCII letter ("e" + U+0301) is dropped with it.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            return ""
        }
        return out
    }

    /// The Latin letters with diacritics that Dutch names and words use, and their neighbours.
    private static let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(String, Unicode.Scalar)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"), ("ďđ", "d"), ("ĎĐ", "D"),
            ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "G"), ("ĥħ", "h"), ("ĤĦ", "H"),
            ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ĵ", "j"), ("Ĵ", "J"), ("ķ", "k"), ("Ķ", "K"),
            ("ĺļľŀ", "l"), ("ĹĻĽĿ", "L"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "O"),
            ("ŕŗř", "r"), ("ŔŖŘ", "R"), ("śŝşšș", "s"), ("ŚŜŞŠȘ", "S"), ("ţťŧț", "t"), ("ŢŤŦȚ", "T"),
            ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ŵ", "w"), ("Ŵ", "W"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y"),
            ("źżž", "z"), ("ŹŻŽ", "Z"),
        ]
        for (letters, base) in groups { for s in letters.unicodeScalars { map[s] = base } }
        return map
    }()
}
