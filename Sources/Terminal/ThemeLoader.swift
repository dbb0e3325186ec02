import Foundation
import TOMLKit

/// Reads a theme from TOML (the format of `themes/*.toml`):
///
/// ```toml
/// name = "default"
/// [roles.normal]
/// fg = "default"
/// [roles.title]
/// fg = "cyan"        # a name (black … white, default) or a palette number 0–255
/// bold = true        # also: reverse, underline, dim
/// ```
///
/// Rules, strict on purpose (a typo should be reported, not silently ignored):
/// top-level keys are `name` and `roles` only; every table under `roles` must be a
/// `StyleRole`; a role has only `fg`, `bg`, `bold`, `reverse`, `underline`, `dim`.
/// A role that is missing looks like `normal`; a role without `fg`/`bg` uses `normal`'s
/// colours (the backend resolves that); attributes are off unless set.
public enum ThemeLoader {
    /// The keys a role may have.
    static let styleKeys = ["fg", "bg", "bold", "reverse", "underline", "dim"]

    /// Reads and parses the theme file at `path`. The theme's name is its `name` key, or
    /// the file name without `.toml` when the key is absent.
    public static func load(file path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, line: nil, kind: .unreadable)
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, file: path, defaultName: stem)
    }

    /// Parses theme text; `file` is only used in messages. Of several mistakes, the one
    /// nearest the top of the file is reported.
    public static func parse(_ text: String, file: String, defaultName: String = "") throws(ThemeError) -> Theme {
        if let problem = TOMLGate.problem(in: text) {
            throw ThemeError(file: file, line: problem.line, kind: .syntax(problem.message))
        }
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, kind: .syntax(error.description))
        } catch {
            throw ThemeError(file: file, line: nil, kind: .syntax(String(describing: error)))
        }

        var reader = Reader(text: text, file: file)
        let theme = reader.theme(from: document, defaultName: defaultName)
        if let first = reader.errors.min(by: { ($0.line ?? Int.max) < ($1.line ?? Int.max) }) {
            throw first
        }
        return theme
    }

    /// Walks the parsed document and collects every mistake with its line.
    private struct Reader {
        let text: String
        let file: String
        var errors: [ThemeError] = []
        /// Where each key is written: indexed at the first mistake only. A theme without
        /// one (every start of the workstation) does not need it, and indexing took a
        /// third of loading the theme.
        private var lines: TOMLLines?

        init(text: String, file: String) { self.text = text; self.file = file }

        mutating func fail(_ kind: ThemeError.Kind, at path: [String]) {
            if lines == nil { lines = TOMLLines(text) }
            errors.append(ThemeError(file: file, line: lines?.line(of: path), kind: kind))
        }

        mutating func theme(from document: TOMLTable, defaultName: String) -> Theme {
            var name = defaultName
            var styles: [StyleRole: Style] = [:]
            for key in document.keys {
                guard let value = document[key] else { continue }
                switch key {
                case "name":
                    if let text = value.string { name = text } else { fail(.wrongType(key: key, expected: .text), at: [key]) }
                case "roles":
                    if let roles = value.table { styles = self.styles(from: roles) } else {
                        fail(.wrongType(key: key, expected: .table), at: [key])
                    }
                default:
                    fail(.unknownKey(key: key, table: ""), at: [key])
                }
            }
            return Theme(name: name, styles: styles)
        }

        private mutating func styles(from roles: TOMLTable) -> [StyleRole: Style] {
            var styles: [StyleRole: Style] = [:]
            // A former name goes after the current ones: in an older file `demoBadge` is what
            // `badge` means now, and its own `badge` was a role that is `accent` now.
            let current = roles.keys.filter { StyleRole.formerNames[$0] == nil }
            for key in current + roles.keys.filter({ StyleRole.formerNames[$0] != nil }) {
                let path = ["roles", key]
                guard let role = StyleRole(rawValue: key) ?? StyleRole.formerNames[key] else { fail(.unknownRole(key), at: path); continue }
                guard let table = roles[key]?.table else {
                    fail(.wrongType(key: "roles.\(key)", expected: .table), at: path)
                    continue
                }
                styles[role] = style(from: table, path: path)
            }
            return styles
        }

        private mutating func style(from table: TOMLTable, path: [String]) -> Style {
            var style = Style()
            for key in table.keys {
                guard let value = table[key] else { continue }
                let keyPath = path + [key]
                switch key {
                case "fg": style.foreground = colour(value, path: keyPath)
                case "bg": style.background = colour(value, path: keyPath)
                case "bold": style.bold = flag(value, path: keyPath)
                case "reverse": style.reverse = flag(value, path: keyPath)
                case "underline": style.underline = flag(value, path: keyPath)
                case "dim": style.dim = flag(value, path: keyPath)
                default: fail(.unknownKey(key: key, table: path.joined(separator: ".")), at: keyPath)
                }
            }
            return style
        }

        private mutating func colour(_ value: any TOMLValueConvertible, path: [String]) -> ThemeColor? {
            if let name = value.string {
                if let colour = ThemeColor(name: name) { return colour }
                fail(.unknownColour(name), at: path)
            } else if let number = value.int {
                if let colour = ThemeColor(index: number) { return colour }
                fail(.colourOutOfRange(number), at: path)
            } else {
                fail(.wrongType(key: path.last ?? "", expected: .colour), at: path)
            }
            return nil
        }

        private mutating func flag(_ value: any TOMLValueConvertible, path: [String]) -> Bool {
            if let flag = value.bool { return flag }
            fail(.wrongType(key: path.last ?? "", expected: .boolean), at: path)
            return false
        }
    }
}
