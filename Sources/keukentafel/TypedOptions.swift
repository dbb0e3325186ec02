import Casework

/// A day given on the command line (`--date`, `--received`).
enum TypedDay {
    /// The day typed with `option` as dd-mm-jjjj, else today; not a date: 64 and a sentence.
    static func parse(_ typed: String?, option: String, _ l: Language) throws -> CalendarDate {
        guard let typed else { return try ProgramClock.today() }
        guard let day = CalendarDate(typed: typed) else {
            Console.error(l.pick("\(option) \(typed) is geen datum; schrijf dd-mm-jjjj.", "\(option) \(typed) is not a date; write dd-mm-yyyy."))
            throw Failure(status: Exit.usage)
        }
        return day
    }
}

/// A code given on the command line (`--kind`, `--result`): one of its list, or 64 and the list.
enum TypedCode {
    static func parse<T: RawRepresentable & CaseIterable>(_ typed: String, option: String, _ l: Language) throws -> T where T.RawValue == String {
        guard let code = T(rawValue: typed) else {
            let codes = T.allCases.map(\.rawValue).joined(separator: ", ")
            Console.error(l.pick("\(option) \(typed) bestaat niet; kies uit \(codes).", "\(option) \(typed) does not exist; choose from \(codes)."))
            throw Failure(status: Exit.usage)
        }
        return code
    }
}
