import Foundation
import Terminal

/// The configuration file as Keukentafel reads it: the terminal's settings (`theme`,
/// `lang`) and the sections that are Keukentafel's own, declared here so every command and
/// the workstation accept the same file.
///
/// ```toml
/// [payments]                 # the municipality's account, for SEPA files
/// debtorName = "Gemeente Zaanstad"
/// debtorIBAN = "NL91ABNA0417164300"
///
/// [output]                   # where the workstation writes plans, conversations, letters
/// folder = "~/dossiers"
/// ```
enum Settings {
    static let sections: UserConfiguration.Sections = ["payments": ["debtorName", "debtorIBAN"], "output": ["folder"]]

    static func load(_ language: UILanguage) -> (UserConfiguration, warning: String?) {
        UserConfiguration.load(environment: ProcessInfo.processInfo.environment, language: language, sections: sections)
    }
}

extension UserConfiguration {
    /// The name of the municipality paying the grants.
    var debtorName: String? { sections["payments"]?["debtorName"] }
    /// The municipality's account the grants are paid from.
    var debtorIBAN: String? { sections["payments"]?["debtorIBAN"] }
    /// Where the workstation writes what it prints (`~` is the home folder); nil: the
    /// current folder.
    var outputFolder: String? {
        guard let folder = sections["output"]?["folder"], !folder.isEmpty else { return nil }
        return (folder as NSString).expandingTildeInPath
    }
}
