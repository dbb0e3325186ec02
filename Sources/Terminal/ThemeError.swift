/// What is wrong with a theme file, and where: the file and the line, so a user who edits
/// a theme by hand can go straight to the mistake. The caller shows `message(in:)` and
/// falls back to the default theme.
public struct ThemeError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The file could not be read (missing, permissions, not UTF-8).
        case unreadable
        /// Not valid TOML; the parser's own description (English, from toml++).
        case syntax(String)
        /// A key this format does not have (`key` as written, in `table`, "" at the top).
        case unknownKey(key: String, table: String)
        /// A `[roles.NAME]` that is not a `StyleRole`.
        case unknownRole(String)
        /// A colour name that is not one of the eight, nor `default`.
        case unknownColour(String)
        /// A colour number outside 0…255.
        case colourOutOfRange(Int)
        /// A value of the wrong kind, e.g. `bold = "yes"`; `expected` names the kind.
        case wrongType(key: String, expected: ExpectedType)
    }

    public enum ExpectedType: Equatable, Sendable { case text, boolean, table, colour }

    /// The file as the user named it or as it was found.
    public var file: String
    /// The line (1-based) of the mistake, when it is known.
    public var line: Int?
    public var kind: Kind

    public init(file: String, line: Int?, kind: Kind) {
        self.file = file; self.line = line; self.kind = kind
    }

    /// One sentence for the status bar or stderr: file, line and what is wrong.
    public func message(in language: UILanguage) -> String {
        let l = language
        let place = line.map { l.pick("\(file), regel \($0)", "\(file), line \($0)") } ?? file
        return l.pick("Themabestand ", "Theme file ") + place + ": " + problem(in: l)
    }

    private func problem(in l: UILanguage) -> String {
        let colours = "default, " + ThemeColor.names.joined(separator: ", ")
        switch kind {
        case .unreadable:
            return l.pick("kan niet worden gelezen", "cannot be read")
        case .syntax(let description):
            let shown = FileText.shown(description, limit: 300)
            return l.pick("geen geldige TOML (\(shown))", "not valid TOML (\(shown))")
        case .unknownKey(let rawKey, let rawTable):
            // Both from the file: cut and made printable.
            let key = FileText.shown(rawKey), table = FileText.shown(rawTable)
            let known = table.isEmpty ? "name, roles" : ThemeLoader.styleKeys.joined(separator: ", ")
            let inTable = table.isEmpty ? "" : l.pick(" in [\(table)]", " in [\(table)]")
            return l.pick("onbekende sleutel \"\(key)\"\(inTable) (bekend: \(known))",
                          "unknown key \"\(key)\"\(inTable) (known: \(known))")
        case .unknownRole(let rawRole):
            let role = FileText.shown(rawRole)
            let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
            return l.pick("onbekende rol \"\(role)\" (bekend: \(known))",
                          "unknown role \"\(role)\" (known: \(known))")
        case .unknownColour(let rawName):
            let name = FileText.shown(rawName)
            return l.pick("onbekende kleur \"\(name)\" (bekend: \(colours), of een getal 0–255)",
                          "unknown colour \"\(name)\" (known: \(colours), or a number 0–255)")
        case .colourOutOfRange(let n):
            return l.pick("kleurnummer \(n) ligt niet tussen 0 en 255",
                          "colour number \(n) is not between 0 and 255")
        case .wrongType(let rawKey, let expected):
            let key = FileText.shown(rawKey)
            let what: String
            switch expected {
            case .text: what = l.pick("tekst tussen aanhalingstekens", "text in quotes")
            case .boolean: what = l.pick("true of false", "true or false")
            case .table: what = l.pick("een tabel", "a table")
            case .colour: what = l.pick("een kleurnaam of een getal 0–255", "a colour name or a number 0–255")
            }
            return l.pick("\"\(key)\" moet \(what) zijn", "\"\(key)\" must be \(what)")
        }
    }
}
