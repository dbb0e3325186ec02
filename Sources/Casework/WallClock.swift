import Foundation

/// The program's one clock: what "now" and "today" are, for every date the program reads
/// (today's norm table, overdue agreements, ages) and every moment it writes (save times,
/// audit rows, drafts, batch ids, letters, report periods). It is made once at start and
/// injected everywhere, so tests and training can fix it (`KEUKENTAFEL_NOW`) and nothing
/// else reads the system's calendar time. Elapsed time (a debounce, a timeout) is not a
/// date and is measured with the monotonic clock instead.
public struct WallClock: Sendable {
    private let reading: @Sendable () -> Moment

    /// A clock that answers `reading()` each time it is asked.
    public init(_ reading: @escaping @Sendable () -> Moment) { self.reading = reading }

    /// Now, with the offset from UTC it is to be written with.
    public func now() -> Moment { reading() }

    /// Today: the local calendar day at `now()`.
    public var today: CalendarDate { now().localDate }

    /// The machine's clock, at the machine's current offset from UTC.
    public static let system = WallClock {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
        return Moment(epochSeconds: seconds, offsetMinutes: WallClock.localOffsetMinutes(atEpochSeconds: seconds))
    }

    /// A clock that stands still at `moment`: the same figures on every run.
    public static func fixed(_ moment: Moment) -> WallClock { WallClock { moment } }

    /// The local time zone's offset from UTC at a moment, in minutes (summer time included).
    static func localOffsetMinutes(atEpochSeconds seconds: Int) -> Int {
        TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) / 60
    }

    /// The clock the environment asks for: `KEUKENTAFEL_NOW` (an ISO 8601 moment with its
    /// offset) fixes it; `KEUKENTAFEL_TODAY` (`YYYY-MM-DD`) is a shorthand for that day at
    /// 09:00 local time; neither gives the system clock. A value that is not a moment or a
    /// date is an error, never silently the real time.
    public static func from(environment: [String: String]) -> Result<WallClock, WallClockSettingError> {
        if let text = environment[nowVariable], !text.isEmpty {
            guard let moment = Moment(iso: text) else { return .failure(.notAMoment(text)) }
            return .success(.fixed(moment))
        }
        if let text = environment[todayVariable], !text.isEmpty {
            guard let day = CalendarDate(iso: text) else { return .failure(.notADate(text)) }
            return .success(.fixed(nineOClock(on: day)))
        }
        return .success(.system)
    }

    public static let nowVariable = "KEUKENTAFEL_NOW"
    public static let todayVariable = "KEUKENTAFEL_TODAY"

    /// 09:00 local time on `day`, at the offset the local time zone has then.
    static func nineOClock(on day: CalendarDate) -> Moment {
        let utcNine = day.daysSinceEpoch * 86_400 + 9 * 3600
        // The offset at 09:00 UTC is the offset at 09:00 local on every day that does not
        // change its clocks between the two (clocks change at night).
        let offset = localOffsetMinutes(atEpochSeconds: utcNine)
        return Moment(epochSeconds: utcNine - offset * 60, offsetMinutes: offset)
    }
}

/// Why `KEUKENTAFEL_NOW` or `KEUKENTAFEL_TODAY` could not be used.
public enum WallClockSettingError: Error, Equatable, Sendable {
    case notAMoment(String)
    case notADate(String)

    public func message(in l: Language) -> String {
        switch self {
        case .notAMoment(let text):
            return l.pick("\(WallClock.nowVariable)=\(ShownText.printable(ShownText.cut(text))) is geen tijdstip; schrijf bijvoorbeeld 2026-11-23T10:00:00+01:00.",
                          "\(WallClock.nowVariable)=\(ShownText.printable(ShownText.cut(text))) is not a moment; write for example 2026-11-23T10:00:00+01:00.")
        case .notADate(let text):
            return l.pick("\(WallClock.todayVariable)=\(ShownText.printable(ShownText.cut(text))) is geen datum; schrijf bijvoorbeeld 2026-11-23.",
                          "\(WallClock.todayVariable)=\(ShownText.printable(ShownText.cut(text))) is not a date; write for example 2026-11-23.")
        }
    }
}
