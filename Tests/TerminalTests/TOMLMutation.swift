import Casework
import FuzzSupport

/// Mutations of TOML text (theme and configuration files) that reach past the TOML parser:
/// values of the wrong type or out of range, duplicate and unknown tables and keys, deep
/// nesting, very many tables, very long lines, and hostile text in a line.
enum TOMLMutation {
    static let values = ["true", "false", "0", "-1", "7", "8", "255", "256", "300", "-129", "99999999999999999999",
                         "9223372036854775807", "-9223372036854775808", "1.5", "inf", "nan", "-inf", "1e400", "0x10",
                         "0o17", "0b101", "+7", "1_000", "\"purple\"", "\"\"", "\"CYAN\"", "\"default\"", "\"red \"",
                         "\"\\u001B[31m\"", "'literal'", "\"\"\"\nmulti\nline\"\"\"", "[1, 2]", "[]", "{}",
                         "{ fg = \"red\" }", "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00", "\"\\uD800\"",
                         "\"nl\"", "\"en\"", "\"NL91ABNA0417164300\"", "\"high-contrast\"", "\"../../etc/passwd\""]
    static let keys = ["name", "roles", "fg", "bg", "bold", "reverse", "underline", "dim", "theme", "lang", "payments",
                       "debtorName", "debtorIBAN", "italic", "colour", "\"quoted key\"", "'lit'", "a.b.c", "\"\"",
                       "roles.title", "roles.title.fg"]
    static let headers = ["[roles]", "[roles.title]", "[roles.normal]", "[roles.purple]", "[payments]", "[[roles]]",
                          "[roles.title.fg]", "[name]", "[ roles . \"title\" ]", "[]", "[roles.]"]

    /// `text` with one to three mutations.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<rng.int(1...3) {
            let at = rng.below(lines.count + 1)
            let existing = min(at, max(0, lines.count - 1))
            switch rng.below(11) {
            case 0, 1:
                // Another value for a key that is there: wrong type, out of range, odd form.
                let assignments = lines.indices.filter { lines[$0].contains("=") }
                if let i = assignments.isEmpty ? nil : rng.pick(assignments), let eq = lines[i].firstIndex(of: "=") {
                    lines[i] = String(lines[i][...eq]) + " " + rng.pick(values)
                }
            case 2 where !lines.isEmpty: lines.remove(at: existing)
            case 3 where !lines.isEmpty: lines.insert(lines[existing], at: at)
            case 4: lines.insert(rng.chance(1, in: 3) ? "[roles.\(FuzzText.random(&rng))]" : rng.pick(headers), at: at)
            case 5: lines.insert(rng.pick(keys) + " = " + rng.pick(values), at: at)
            case 6: lines.insert(deep(&rng), at: at)
            case 7 where rng.chance(1, in: 12):
                // Very many tables or keys: what is found per mistake must not scan the file.
                let count = rng.int(1_000...10_000)
                let many = (0..<count).map { rng.chance(1, in: 2) ? "[roles.x\($0)]\nfg = \"red\"" : "k\($0) = \($0)" }
                lines.insert(contentsOf: many, at: at)
            case 8 where !lines.isEmpty: lines[existing] = FuzzText.mutate(lines[existing], &rng)
            case 9 where rng.chance(1, in: 12):
                // A very long line: a comment, a string value, or a key.
                let long = String(repeating: rng.pick(FuzzText.hostile), count: rng.int(5_000...50_000))
                lines.insert(rng.pick(["# " + long, "name = \"" + long + "\"", long + " = 1"]), at: at)
            default:
                if lines.count >= 2 { lines.swapAt(existing, rng.below(lines.count)) }
            }
        }
        return lines.joined(separator: rng.chance(1, in: 10) ? "\r\n" : "\n")
    }

    /// A line nested deep: arrays, inline tables or a dotted table header, around toml++'s
    /// limit of 256 and far beyond it.
    static func deep(_ rng: inout SplitMix64) -> String {
        let shallow = rng.int(2...20), nearLimit = rng.int(250...260), far = rng.int(1_000...20_000)
        let depth = rng.pick([shallow, nearLimit, far])
        switch rng.below(3) {
        case 0: return "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        case 1: return "x = " + String(repeating: "{ a = ", count: depth) + "1" + String(repeating: " }", count: depth)
        default: return "[roles" + String(repeating: ".a", count: depth) + "]"
        }
    }

    /// Inputs around valid TOML `seeds`: mutated text, mutated bytes decoded as a reader
    /// would, and noise.
    static func around(_ seeds: [String], _ rng: inout SplitMix64) -> TextCase {
        let seed = rng.pick(seeds)
        switch rng.below(20) {
        case 0..<2: return TextCase(text: seed, isValid: true)
        case 2..<14: return TextCase(text: mutate(seed, &rng), isValid: false)
        case 14..<16: return TextCase(text: FuzzText.mutate(seed, &rng), isValid: false)
        case 16..<18:
            let bytes = ByteMutation.mutate(Array(seed.utf8), &rng)
            return TextCase(text: String(decoding: bytes, as: UTF8.self), isValid: false)
        default: return TextCase(text: FuzzText.random(&rng), isValid: false)
        }
    }

    /// Characters that would act on the terminal if a message shown on it held them.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isBidiControl }
    }
}
