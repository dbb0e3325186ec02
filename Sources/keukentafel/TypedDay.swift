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
