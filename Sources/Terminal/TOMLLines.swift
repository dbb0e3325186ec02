/// Finds the line of a key in TOML text. TOMLKit reports a position only for syntax errors;
/// for a document that parses but says something wrong (an unknown role, a colour that
/// does not exist) the message should still name the line, so this indexes the text once.
///
/// It understands what theme files use: `[a.b]` headers, `key = value` and dotted keys
/// (`title.fg = "cyan"` under `[roles]`), with bare or quoted key parts. It is a locator,
/// not a parser: the text has already been parsed by TOMLKit.
struct TOMLLines {
    /// The first line of every key path written in the text, and of each of its prefixes.
    /// Built once: a theme with 20,000 unknown roles asks for 20,000 lines, and scanning the
    /// text for each made loading it quadratic (minutes for 300 KB).
    private var firstLine: [[String]: Int] = [:]

    init(_ text: String) {
        // "\r\n" is one Character in Swift, so both endings are separators.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        var table: [String] = []
        for (index, raw) in lines.enumerated() {
            let line = Self.strippingComment(raw).trimmingSpaces
            let full: [String]
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.keyParts(inner)
                full = table
            } else if let equals = line.firstIndex(of: "=") {
                full = table + Self.keyParts(line[..<equals])
            } else {
                continue
            }
            // Longest first: once a prefix is known, the shorter ones are known from earlier.
            for count in stride(from: full.count, through: 1, by: -1) {
                let prefix = Array(full.prefix(count))
                guard firstLine[prefix] == nil else { break }
                firstLine[prefix] = index + 1
            }
        }
    }

    /// The first line (1-based) that defines `path` or something inside it: a header equal
    /// to or below it, or an assignment whose full key starts with it.
    func line(of path: [String]) -> Int? { firstLine[path] }

    /// `a . "b c" . d` → ["a", "b c", "d"].
    private static func keyParts(_ key: Substring) -> [String] {
        key.split(separator: ".").map { part in
            var p = part.trimmingSpaces
            if p.count >= 2, let first = p.first, first == "\"" || first == "'", p.last == first {
                p = p.dropFirst().dropLast()
            }
            return String(p)
        }
    }

    /// The line without a `#` comment (a `#` inside quotes is kept).
    private static func strippingComment(_ line: Substring) -> Substring {
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return line[..<index]
            }
        }
        return line
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
