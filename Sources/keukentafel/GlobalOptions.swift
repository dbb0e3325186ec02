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
}

/// --store and --lang, however they were read: by ArgumentParser (`GlobalOptions`) or by the
/// workstation's quick start (`WorkstationStart`). Opening the store and starting the
/// workstation need no more.
protocol StoreAndLanguage {
    var store: String? { get }
    var lang: LanguageOption? { get }
}

extension StoreAndLanguage {
    var language: Language { (lang ?? .nl).language }
    /// True when --lang was given (it then beats the configuration file).
    var langGiven: Bool { lang != nil }
}

extension GlobalOptions: StoreAndLanguage {}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case nl, en
    var language: Language { self == .nl ? .nl : .en }
}

/// Exit statuses of the contract (docs/case-file.md), after sysexits.h.
enum Exit {
    static let ok: Int32 = 0
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let storage: Int32 = 74
}

/// A failure that has been explained to the user on stderr; ends the command with `status`.
struct Failure: Error {
    let status: Int32

    /// Runs `body`; a failure it explained ends the program with its status (ArgumentParser's
    /// `ExitCode`, which prints nothing more).
    static func endingWithStatus(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as Failure {
            throw ExitCode(failure.status)
        }
    }
}

/// A subcommand of the contract: it does its work in `execute`, in the language of
/// `--lang`; a failure it has explained ends it with that failure's exit status.
protocol ContractCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute(_ l: Language) throws
}

extension ContractCommand {
    func run() throws {
        try Failure.endingWithStatus { try execute(global.language) }
    }
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// The program's one clock, read from the environment once (`KEUKENTAFEL_NOW`, or
/// `KEUKENTAFEL_TODAY` for that day at 09:00): every command and the workstation take
/// today and every moment they write from it (see `WallClock`).
enum ProgramClock {
    static func make() throws -> WallClock {
        switch WallClock.from(environment: ProcessInfo.processInfo.environment) {
        case .success(let clock): return clock
        case .failure(let error):
            Console.error(error.message(in: .nl) + " / " + error.message(in: .en))
            throw Failure(status: Exit.usage)
        }
    }

    /// Today on the program's clock.
    static func today() throws -> CalendarDate { try make().today }
}
