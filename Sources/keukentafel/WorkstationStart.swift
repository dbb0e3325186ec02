import ArgumentParser
import Casework

/// The workstation's start as nearly every start of the program is: `keukentafel` with at
/// most --store, --lang and --theme, read here without ArgumentParser.
///
/// Why: ArgumentParser reads a command's options by reflection, and in this binary (the
/// Swift runtime, Foundation and GRDB linked in) the runtime's type lookups behind it cost
/// about 4 ms before the first frame — an eighth of a caseworker's 30 ms budget
/// (docs/performance.md). Only the plain forms are read here: each of the three options at
/// most once, as `--store PATH` or `--store=PATH`, with a value that is not empty, does not
/// start with `-` and is not the name of a subcommand. Anything else — another option,
/// `open`, help, a subcommand, a repeated option, `--lang de` — is left to ArgumentParser,
/// which reads it or says what is wrong exactly as before. `WorkstationStartTests` holds
/// the two readings to each other.
struct WorkstationStart: StoreAndLanguage, Equatable {
    var store: String?
    var lang: LanguageOption?
    var theme: String?

    /// The subcommands of `keukentafel` and ArgumentParser's own `help`: a value equal to one
    /// of them goes to ArgumentParser, which may read it as that subcommand.
    /// `WorkstationStartTests` checks this list against `Keukentafel.configuration`.
    static let subcommandNames: Set<String> = [
        "help", "open", "demo", "overview", "init", "staff", "household", "objection", "signals", "norms", "policy",
        "municipality", "import", "export", "letter", "payments", "report", "generate", "audit", "subject-access",
        "retention", "train", "barriers",
    ]

    /// The start `arguments` (without the program's name) ask for, or nil when they are
    /// anything but the plain forms above.
    static func quick(_ arguments: [String]) -> WorkstationStart? {
        var start = WorkstationStart()
        var seen: Set<String> = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            let name: Substring, value: Substring
            if let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                value = argument[argument.index(after: equals)...]
            } else {
                guard let next = rest.popFirst() else { return nil }
                name = argument[...]
                value = next[...]
            }
            guard seen.insert(String(name)).inserted, !value.isEmpty, !value.hasPrefix("-"),
                  !subcommandNames.contains(String(value)) else { return nil }
            switch name {
            case "--store": start.store = String(value)
            case "--theme": start.theme = String(value)
            case "--lang":
                guard let lang = LanguageOption(rawValue: String(value)) else { return nil }
                start.lang = lang
            default: return nil
            }
        }
        return start
    }

    /// Runs the workstation; a failure explained on stderr ends the program with its status.
    func run() throws {
        try Failure.endingWithStatus(execute)
    }

    /// Opens the store as the OS user and runs the workstation. Who is working is read on the
    /// connection the opening used, as the first frame's reads are (`WorkstationLauncher`):
    /// no reader is opened before the first frame (see `Store.readingOnWriter`).
    func execute() throws {
        let store = try StoreAccess.open(self)
        let me = try store.readingOnWriter { try StoreAccess.actor(store, self) }
        try WorkstationLauncher.run(store: store, staff: me, global: self, theme: theme)
    }
}
