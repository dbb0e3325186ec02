import Foundation
import TOMLKit

/// The user's settings file, `$XDG_CONFIG_HOME/keukentafel/config.toml` (default
/// `~/.config/keukentafel/config.toml`): what the terminal needs (`theme`, `lang`), and
/// the application's own sections of text settings, which it declares and means:
///
/// ```toml
/// theme = "high-contrast"   # default, high-contrast, monochrome, or a file in themes/
/// lang = "nl"               # nl or en
///
/// [section]                 # declared by the application, e.g. its payment settings
/// key = "text"
/// ```
///
/// Command-line options beat it. A file with a mistake is reported (file and line) and
/// ignored whole, so a typo never half-applies.
public struct UserConfiguration: Equatable, Sendable {
    public var theme: String?
    public var language: UILanguage?
    /// The application's sections: section → key → text, for the keys it declared.
    public var sections: [String: [String: String]] = [:]

    /// Which tables and keys the application reads, beside `theme` and `lang`.
    public typealias Sections = [String: Set<String>]

    public init(theme: String? = nil, language: UILanguage? = nil, sections: [String: [String: String]] = [:]) {
        self.theme = theme; self.language = language; self.sections = sections
    }

    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/keukentafel/config.toml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/keukentafel/config.toml"
    }

    /// The settings, and a warning when the file exists but could not be used.
    public static func load(environment: [String: String], language: UILanguage,
                            sections declared: Sections = [:]) -> (UserConfiguration, warning: String?) {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return (UserConfiguration(), nil)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (UserConfiguration(), language.pick("\(path) kan niet gelezen worden; de standaardinstellingen gelden.",
                                                      "\(path) cannot be read; the defaults apply."))
        }
        return parse(text, file: path, language: language, sections: declared)
    }

    public static func parse(_ text: String, file: String, language l: UILanguage,
                             sections declared: Sections = [:]) -> (UserConfiguration, warning: String?) {
        // Keys are cut where they are quoted; `what` as a whole is cut too, for the parser's
        // own description, which may quote the file.
        func refuse(_ line: Int?, _ what: String) -> (UserConfiguration, warning: String?) {
            let place = line.map { l.pick("\(file), regel \($0)", "\(file), line \($0)") } ?? file
            let shown = FileText.shown(what, limit: 300)
            return (UserConfiguration(), l.pick("\(place): \(shown); de standaardinstellingen gelden.",
                                                "\(place): \(shown); the defaults apply."))
        }
        if let problem = TOMLGate.problem(in: text) { return refuse(problem.line, problem.message) }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return refuse(error.source.begin.line, error.description)
        } catch {
            return refuse(nil, String(describing: error))
        }
        let lines = TOMLLines(text)
        var config = UserConfiguration()
        for key in table.keys {
            let line = lines.line(of: [key])
            switch key {
            case "theme":
                guard let name = table[key]?.string else { return refuse(line, l.pick("theme moet tekst zijn", "theme must be text")) }
                config.theme = name
            case "lang":
                switch table[key]?.string {
                case "nl"?: config.language = .nl
                case "en"?: config.language = .en
                default: return refuse(line, l.pick("lang moet \"nl\" of \"en\" zijn", "lang must be \"nl\" or \"en\""))
                }
            case let name where declared[name] != nil:
                guard let section = table[key]?.table else { return refuse(line, l.pick("\(name) moet een tabel zijn", "\(name) must be a table")) }
                let known = declared[name] ?? []
                for sub in section.keys {
                    let subLine = lines.line(of: [key, sub])
                    let shownSub = FileText.shown(sub)
                    guard known.contains(sub) else {
                        let list = known.sorted().joined(separator: ", ")
                        return refuse(subLine, l.pick("onbekende instelling \"\(shownSub)\" (bekend: \(list))",
                                                      "unknown setting \"\(shownSub)\" (known: \(list))"))
                    }
                    guard let value = section[sub]?.string else { return refuse(subLine, l.pick("\(shownSub) moet tekst zijn", "\(shownSub) must be text")) }
                    config.sections[name, default: [:]][sub] = value
                }
            default:
                let list = (["theme", "lang"] + declared.keys.sorted()).joined(separator: ", ")
                return refuse(line, l.pick("onbekende instelling \"\(FileText.shown(key))\" (bekend: \(list))",
                                           "unknown setting \"\(FileText.shown(key))\" (known: \(list))"))
            }
        }
        return (config, nil)
    }
}
