/// Lets only plain, well-formed TOML through to TOMLKit.
///
/// The toml++ inside TOMLKit 0.6 asserts (aborting a debug build, undefined behaviour in a
/// release build) on some malformed input instead of reporting it: a table header that
/// starts with another character than a key (`[=]`, `[é]`, `[[[1]]]`; fixed upstream in
/// toml++ pull request 301), a `}` where an array element belongs (`x = [}`), a date with
/// a stray number after it (`x = 1111-11-01 1`). Theme and configuration files are typed
/// by hand, so each of those is one typo away. This gate reads every line first and lets
/// through only the TOML these files need, each line whole:
///
/// - blank lines and `# comments`;
/// - table headers `[a.b]` and `[[a.b]]`, with bare (`A-Za-z0-9_-`) or quoted keys;
/// - `key = value` with dotted keys, where a value is a string on one line (`"…"` with
///   TOML's escapes, or `'…'`), a number, `true`/`false`, or a list `[…]` or inline table
///   `{…}` of those on the same line.
///
/// Anything else (dates, text over several lines, control characters, a NUL that would
/// cut the text short for the C parser) is refused with its line and what was expected.
/// What passes is plain TOML, which toml++ parses without trouble; its own checks
/// (duplicate keys, tables defined twice) still apply after the gate.
enum TOMLGate {
    /// The first problem (1-based line and an English description, like toml++'s), or nil.
    static func problem(in text: String) -> (line: Int, message: String)? {
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        if lines.first?.first == "\u{FEFF}" { lines[0].removeFirst() }
        for (index, var line) in lines.enumerated() {
            if line.last == "\r" { line.removeLast() }
            var reader = LineReader(scalars: line)
            if let message = reader.checkLine() { return (index + 1, message) }
        }
        return nil
    }

    /// Parts of a dotted key, and nesting of lists and inline tables on one line; theme and
    /// configuration files need three and one. (Deeply nested tables also cost toml++ a
    /// recursion per level when it frees them.)
    static let maximumDepth = 32

    private struct LineReader {
        let scalars: [Unicode.Scalar]
        var at = 0

        var current: Unicode.Scalar? { at < scalars.count ? scalars[at] : nil }

        mutating func checkLine() -> String? {
            if let bad = scalars.firstIndex(where: { $0 != "\t" && ($0.value < 0x20 || $0.value == 0x7F) }) {
                return "a control character (\(Self.name(scalars[bad]))) is not allowed in TOML"
            }
            skipBlanks()
            switch current {
            case nil, "#": return nil
            case "[": return header()
            default:
                if let problem = keyPath() { return problem }
                skipBlanks()
                guard current == "=" else { return "expected '=' after the key, saw \(seen)" }
                at += 1
                skipBlanks()
                if let problem = value(depth: 0) { return problem }
                return endOfLine()
            }
        }

        mutating func header() -> String? {
            at += 1
            let arrayOfTables = current == "["
            if arrayOfTables { at += 1 }
            skipBlanks()
            if let problem = keyPath() { return "in a table header, " + problem }
            skipBlanks()
            for _ in 0..<(arrayOfTables ? 2 : 1) {
                guard current == "]" else { return "expected ']' to close the table header, saw \(seen)" }
                at += 1
            }
            return endOfLine()
        }

        /// Blanks and an optional comment, then the end of the line.
        mutating func endOfLine() -> String? {
            skipBlanks()
            guard current == nil || current == "#" else { return "expected the end of the line or a # comment, saw \(seen)" }
            return nil
        }

        mutating func keyPath() -> String? {
            for _ in 0..<TOMLGate.maximumDepth {
                if let problem = key() { return problem }
                skipBlanks()
                guard current == "." else { return nil }
                at += 1
                skipBlanks()
            }
            return "keys nested more than \(TOMLGate.maximumDepth) deep"
        }

        mutating func key() -> String? {
            switch current {
            case "\"", "'": return quoted()
            case let c? where Self.isBareKey(c):
                while let c = current, Self.isBareKey(c) { at += 1 }
                return nil
            default: return "a key is letters, digits, - and _, or text in quotes; saw \(seen)"
            }
        }

        mutating func value(depth: Int) -> String? {
            guard depth < TOMLGate.maximumDepth else { return "lists and tables nested more than \(TOMLGate.maximumDepth) deep" }
            switch current {
            case "\"", "'": return quoted()
            case "[": return list(depth: depth)
            case "{": return inlineTable(depth: depth)
            case nil: return "expected a value after '='"
            default:
                let start = at
                while let c = current, !" \t,]}#".unicodeScalars.contains(c) { at += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<at]))
                guard Self.isPlainValue(word) else {
                    return "\"\(word.prefix(40))\" is not a value here: write text in quotes, a number, true or false"
                }
                return nil
            }
        }

        mutating func list(depth: Int) -> String? {
            at += 1
            skipBlanks()
            while current != "]" {
                if let problem = value(depth: depth + 1) { return problem }
                skipBlanks()
                if current == "," { at += 1; skipBlanks() } else if current != "]" {
                    return current == nil ? "a list must be closed with ']' on the same line" : "expected ',' or ']' in a list, saw \(seen)"
                }
            }
            at += 1
            return nil
        }

        mutating func inlineTable(depth: Int) -> String? {
            at += 1
            skipBlanks()
            if current == "}" { at += 1; return nil }
            while true {
                if let problem = keyPath() { return problem }
                skipBlanks()
                guard current == "=" else { return "expected '=' after the key, saw \(seen)" }
                at += 1
                skipBlanks()
                if let problem = value(depth: depth + 1) { return problem }
                skipBlanks()
                switch current {
                case ",": at += 1; skipBlanks()
                case "}": at += 1; return nil
                case nil: return "an inline table must be closed with '}' on the same line"
                default: return "expected ',' or '}' in an inline table, saw \(seen)"
                }
            }
        }

        /// `"…"` with TOML's escapes or `'…'`, on one line; not the multi-line forms.
        mutating func quoted() -> String? {
            guard let quote = current else { return nil }
            if at + 2 < scalars.count, scalars[at + 1] == quote, scalars[at + 2] == quote {
                return "text over several lines (\(quote)\(quote)\(quote)) is not used in this file; write it on one line"
            }
            at += 1
            while let c = current, c != quote {
                at += 1
                guard quote == "\"", c == "\\" else { continue }
                switch current {
                case "b", "t", "n", "f", "r", "\"", "\\": at += 1
                case "u": if let problem = unicodeEscape(digits: 4) { return problem }
                case "U": if let problem = unicodeEscape(digits: 8) { return problem }
                default: return "an unknown escape \\\(current.map { String($0) } ?? "") in text"
                }
            }
            guard current == quote else { return "text must end with \(quote) on the same line" }
            at += 1
            return nil
        }

        mutating func unicodeEscape(digits: Int) -> String? {
            at += 1
            guard at + digits <= scalars.count, scalars[at..<at + digits].allSatisfy({ $0.properties.isASCIIHexDigit }),
                  let value = UInt32(String(String.UnicodeScalarView(scalars[at..<at + digits])), radix: 16),
                  Unicode.Scalar(value) != nil else {
                return "\\u and \\U take \(digits) hex digits of a Unicode character (not a surrogate)"
            }
            at += digits
            return nil
        }

        mutating func skipBlanks() { while current == " " || current == "\t" { at += 1 } }

        var seen: String { current.map { "'\(Self.name($0))'" } ?? "the end of the line" }

        static func isBareKey(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
        }

        /// `true`, `false`, and TOML's numbers: decimal integers and floats with optional
        /// underscores between digits, hexadecimal, octal and binary, inf and nan.
        static func isPlainValue(_ word: String) -> Bool {
            if ["true", "false", "inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(word) { return true }
            var s = Substring(word)
            for (prefix, digits) in [("0x", "0123456789abcdefABCDEF"), ("0o", "01234567"), ("0b", "01")] where s.hasPrefix(prefix) {
                return digitRun(s.dropFirst(2), digits: digits)
            }
            if s.first == "+" || s.first == "-" { s = s.dropFirst() }
            let mantissa = s.prefix { $0 != "e" && $0 != "E" }
            let exponent = s.dropFirst(mantissa.count + 1)
            let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), digitRun(parts[0], digits: "0123456789"),
                  parts[0] == "0" || !parts[0].hasPrefix("0"), parts.count == 1 || digitRun(parts[1], digits: "0123456789") else {
                return false
            }
            guard mantissa.count < s.count else { return true }
            let unsigned = exponent.first == "+" || exponent.first == "-" ? exponent.dropFirst() : exponent
            return digitRun(unsigned, digits: "0123456789")
        }

        /// Digits with single underscores between them, at least one digit.
        static func digitRun(_ s: Substring, digits: String) -> Bool {
            guard let first = s.first, let last = s.last, digits.contains(first), digits.contains(last) else { return false }
            return s.allSatisfy { digits.contains($0) || $0 == "_" } && !s.contains("__")
        }

        /// A character for a message: itself when printable, else U+XXXX.
        static func name(_ c: Unicode.Scalar) -> String {
            FileText.acts(c) || c.properties.isWhitespace ? "U+" + String(c.value, radix: 16, uppercase: true) : String(c)
        }
    }
}

/// Text from a theme or configuration file, fit for a one-line message: a key or value
/// of 200,000 characters cut, and control characters and direction marks written as
/// U+XXXX so they show instead of acting on the terminal. (Casework has the same rule for
/// case files; the two modules share nothing, by design.)
enum FileText {
    static func shown(_ text: String, limit: Int = 100) -> String {
        var end = text.startIndex
        let cut = text.formIndex(&end, offsetBy: limit, limitedBy: text.endIndex) && end != text.endIndex
        let kept = cut ? text[..<end] : text[...]
        var out = ""
        for scalar in kept.unicodeScalars {
            if acts(scalar) { out += "U+" + String(scalar.value, radix: 16, uppercase: true) } else { out.unicodeScalars.append(scalar) }
        }
        return cut ? out + "…" : out
    }

    static func acts(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
