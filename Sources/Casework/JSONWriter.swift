/// Writes JSON with two-space indentation and keys in their stored order.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    /// On one line without spaces, for storage: the same values, smaller.
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        compact(value, into: &out)
        return out
    }

    private static func compact(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null, .bool, .number, .string: write(value, indent: 0, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                compact(item, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out += "," }
                quote(entry.key, into: &out)
                out += ":"
                compact(entry.value, into: &out)
            }
            out += "}"
        }
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                write(item, indent: indent + 1, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, entry) in object.entries.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                quote(entry.key, into: &out)
                out += ": "
                write(entry.value, indent: indent + 1, into: &out)
                out += i == object.entries.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out.append("\"")
        // Most text needs no escape (ids, amounts, names): appended whole, not a scalar at a
        // time — a report lists thousands of grant ids.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(s)
            out.append("\"")
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + pad16(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }

    private static func pad16(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }
}
