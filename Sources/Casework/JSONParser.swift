/// A strict JSON parser (RFC 8259) that keeps key order and number text, and says where
/// a file is broken by line and column. Depth is limited so hostile input cannot
/// exhaust the stack.
public struct JSONParser {
    public struct SyntaxError: Error, Equatable, Sendable {
        public let line: Int
        public let column: Int
        public let reason: Reason
    }

    /// What is wrong at that place, worded by `message(in:)`.
    public enum Reason: Equatable, Sendable {
        case textAfterValue
        case expectedLiteral(String)
        case nestedTooDeep(Int)
        case unexpectedEnd
        case unexpectedCharacter
        case keyNotQuoted
        case keyTwice(String)
        case colonMissing
        case commaOrBraceMissing
        case commaOrBracketMissing
        case digitMissing
        case digitAfterPointMissing
        case digitInExponentMissing
        case stringNotClosed
        case notUTF8
        case unknownEscape(String)
        case unescapedControlCharacter
        case hexDigitsMissing
        case loneSurrogate

        public func message(in l: Language) -> String {
            switch self {
            case .textAfterValue: l.pick("onverwachte tekst na de JSON-waarde", "unexpected text after the JSON value")
            case .expectedLiteral(let word): l.pick("hier hoort \(word)", "expected \(word)")
            case .nestedTooDeep(let levels): l.pick("meer dan \(levels) niveaus diep genest", "nested more than \(levels) levels deep")
            case .unexpectedEnd: l.pick("het bestand houdt onverwacht op", "unexpected end of file")
            case .unexpectedCharacter: l.pick("onverwacht teken", "unexpected character")
            case .keyNotQuoted: l.pick("hier hoort een sleutel tussen dubbele aanhalingstekens", "expected a key in double quotes")
            case .keyTwice(let key): l.pick("de sleutel \"\(ShownText.cut(key))\" komt twee keer voor", "the key \"\(ShownText.cut(key))\" appears twice")
            case .colonMissing: l.pick("na een sleutel hoort ':'", "expected ':' after a key")
            case .commaOrBraceMissing: l.pick("hier hoort ',' of '}'", "expected ',' or '}'")
            case .commaOrBracketMissing: l.pick("hier hoort ',' of ']'", "expected ',' or ']'")
            case .digitMissing: l.pick("hier hoort een cijfer", "expected a digit")
            case .digitAfterPointMissing: l.pick("na de decimale punt hoort een cijfer", "expected a digit after the decimal point")
            case .digitInExponentMissing: l.pick("in de exponent hoort een cijfer", "expected a digit in the exponent")
            case .stringNotClosed: l.pick("een tekst is niet afgesloten", "a string is not closed")
            case .notUTF8: l.pick("de tekst is geen geldige UTF-8", "the text is not valid UTF-8")
            case .unknownEscape(let e): l.pick("onbekende escape \\\(e)", "unknown escape \\\(e)")
            case .unescapedControlCharacter: l.pick("een stuurteken in een tekst moet ge-escapet zijn", "a control character must be escaped in a string")
            case .hexDigitsMissing: l.pick("na \\u horen vier hexadecimale cijfers", "expected four hex digits after \\u")
            case .loneSurrogate: l.pick("een losse surrogaat in een \\u-escape", "a lone surrogate in \\u escape")
            }
        }
    }

    public static let maximumDepth = 256

    private let bytes: [UInt8]
    private var index = 0

    public static func parse(_ text: String) -> Result<JSONValue, SyntaxError> {
        parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) -> Result<JSONValue, SyntaxError> {
        var parser = JSONParser(bytes: bytes)
        do throws(SyntaxError) {
            // A UTF-8 byte-order mark is tolerated, as editors on Windows write one.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == bytes.count else { throw parser.error(.textAfterValue) }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ reason: Reason) -> SyntaxError {
        var line = 1, column = 1
        // The byte-order mark is not shown by an editor, so it takes no column.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for b in bytes[min(start, index)..<min(index, bytes.count)] {
            if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return SyntaxError(line: line, column: column, reason: reason)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    private mutating func expect(_ literal: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
        for b in literal.utf8 {
            guard current == b else { throw error(.expectedLiteral(literal)) }
            index += 1
        }
        return value
    }

    private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth < JSONParser.maximumDepth else { throw error(.nestedTooDeep(JSONParser.maximumDepth)) }
        guard let b = current else { throw error(.unexpectedEnd) }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error(.unexpectedCharacter)
        }
    }

    private mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
        index += 1
        var object = JSONObject()
        // The keys seen, for the duplicate check: a lookup in the object scans it, which is
        // quadratic in the number of keys (a 500 KB file of keys took minutes).
        var keys = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error(.keyNotQuoted) }
            let key = try string()
            guard keys.insert(key).inserted else { throw error(.keyTwice(key)) }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error(.colonMissing) }
            index += 1
            skipWhitespace()
            object.appendNew(key, try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            default: throw error(.commaOrBraceMissing)
            }
        }
    }

    private mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            default: throw error(.commaOrBracketMissing)
            }
        }
    }

    private mutating func number() throws(SyntaxError) -> JSONValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let s = index
            while let b = current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { index += 1 }
            return index - s
        }
        if current == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { throw error(.digitMissing) }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error(.digitAfterPointMissing) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error(.digitInExponentMissing) }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard let b = current else { throw error(.stringNotClosed) }
            index += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw error(.notUTF8)
                }
                return s
            case UInt8(ascii: "\\"):
                guard let e = current else { throw error(.stringNotClosed) }
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                default: throw error(.unknownEscape(String(Character(UnicodeScalar(e)))))
                }
            case 0x00..<0x20:
                throw error(.unescapedControlCharacter)
            default:
                out.append(b)
            }
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        // Four hex digits exactly: UInt32(_:radix:) alone would also take a sign, as in \u+041.
        guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy({ Character(UnicodeScalar($0)).isHexDigit }),
              let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw error(.hexDigitsMissing)
        }
        index += 4
        return v
    }

    private mutating func unicodeEscape() throws(SyntaxError) -> [UInt8] {
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw error(.loneSurrogate)
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw error(.loneSurrogate) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(code) {
            throw error(.loneSurrogate)
        }
        return Array(String(Character(UnicodeScalar(code)!)).utf8)
    }
}
