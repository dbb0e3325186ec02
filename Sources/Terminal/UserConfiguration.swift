import Foundation
import TOMLKit

/// The user's settings file, `$XDG_CONFIG_HOME/keukentafel/config.toml` (default
/// `~/.config/keukentafel/config.toml`):
///
/// ```toml
/// theme = "high-contrast"   # default, high-contrast, monochrome, or a file in themes/
/// lang = "nl"               # nl or en
///
/// [payments]                 # the municipality's account for SEPA files
/// debtorName = "Gemeente Zaanstad"
/// debtorIBAN = "NL.."
/// ```
///
/// Command-line options beat it. A file with a mistake is reported (file and line) and
/// ignored whole, so a typo never half-applies.
public struct UserConfiguration: Equatable, Sendable {
    public var theme: String?
    public var language: UILanguage?
    public var debtorName: String?
    public var debtorIBAN: String?

    public init(theme: String? = nil, language: UILanguage? = nil) { self.theme = theme; self.language = language }

    public static func path(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/keukentafel/config.toml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/keukentafel/config.toml"
    }

    /// The settings, and a warning when the file exists but could not be used.
    public static func load(environment: [String: String], language: UILanguage) -> (UserConfiguration, warning: String?) {
        guard let path = path(environment: environment), FileManager.default.fileExists(atPath: path) else {
            return (UserConfiguration(), nil)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (UserConfiguration(), language.pick("\(path) kan niet gelezen worden; de standaardinstellingen gelden.",
                                                      "\(path) cannot be read; the defaults apply."))
        }
        return parse(text, file: path, language: language)
    }

    public static func parse(_ text: String, file: String, language l: UILanguage) -> (UserConfiguration, warning: String?) {
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
            case "payments":
                guard let payments = table[key]?.table else { return refuse(line, l.pick("payments moet een tabel zijn", "payments must be a table")) }
                for sub in payments.keys {
                    let subLine = lines.line(of: [key, sub])
                    let shownSub = FileText.shown(sub)
                    guard let value = payments[sub]?.string else { return refuse(subLine, l.pick("\(shownSub) moet tekst zijn", "\(shownSub) must be text")) }
                    switch sub {
                    case "debtorName": config.debtorName = value
                    case "debtorIBAN": config.debtorIBAN = value
                    default: return refuse(subLine, l.pick("onbekende instelling \"\(shownSub)\" (bekend: debtorName, debtorIBAN)",
                                                           "unknown setting \"\(shownSub)\" (known: debtorName, debtorIBAN)"))
                    }
                }
            default:
                return refuse(line, l.pick("onbekende instelling \"\(FileText.shown(key))\" (bekend: theme, lang, payments)",
                                           "unknown setting \"\(FileText.shown(key))\" (known: theme, lang, payments)"))
            }
        }
        return (config, nil)
    }
}
