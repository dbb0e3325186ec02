import ArgumentParser
import Casework
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Taal van de uitvoer: nl (standaard) of en. / Output language: nl (default) or en.")
    var lang: LanguageOption?

    @Option(name: .long, help: ArgumentHelp("De opslag (ook KEUKENTAFEL_STORE). / The store (also KEUKENTAFEL_STORE).",
                                            valueName: "path"))
    var store: String?

    var language: Language { (lang ?? .nl).language }
    /// True when --lang was given (it then beats the configuration file).
    var langGiven: Bool { lang != nil }
}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case nl, en
    var language: Language { self == .nl ? .nl : .en }
}

/// Exit statuses of the contract (CASEFILE.md), after sysexits.h.
enum Exit {
    static let ok: Int32 = 0
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let storage: Int32 = 74
}

/// A failure that has been explained to the user on stderr; ends the command with `status`.
struct Failure: Error {
    let status: Int32
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Today as a calendar day in the local time zone. `KEUKENTAFEL_TODAY=YYYY-MM-DD` fixes it,
/// for tests and training material that must give the same figures every day.
enum Clock {
    static func today() throws -> CalendarDate {
        if let fixed = ProcessInfo.processInfo.environment["KEUKENTAFEL_TODAY"], !fixed.isEmpty {
            guard let date = CalendarDate(iso: fixed) else {
                Console.error("KEUKENTAFEL_TODAY=\(fixed) is geen datum (verwacht JJJJ-MM-DD). / is not a date (expected YYYY-MM-DD).")
                throw Failure(status: Exit.usage)
            }
            return date
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
