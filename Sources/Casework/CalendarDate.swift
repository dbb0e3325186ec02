/// A day in the (proleptic Gregorian) calendar, without time or time zone.
/// Norm tables, ages, due dates and reference dates are days, not moments; keeping
/// them as plain year/month/day means no time zone can ever shift a birthday.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the day does not exist (2026-02-30, 2025-02-29, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Strict `YYYY-MM-DD`, as in case files.
    /// Read as UTF-8 bytes (see `Moment.init(iso:)`): ten of them, digits and two hyphens.
    public init?(iso text: String) {
        var text = text
        let parts: (Int, Int, Int)? = text.withUTF8 { b in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for k in range {
                    guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                    value = value * 10 + Int(b[k] - 0x30)
                }
                return value
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parts else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
    /// Dutch display form: `23-11-2026`.
    public var dutch: String { pad(day, 2) + "-" + pad(month, 2) + "-" + pad(year, 4) }
    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `months` later, clamped to the end of a shorter month
    /// (31 August + 6 months = 28 or 29 February).
    /// `months` later (earlier when negative); the day kept, or the month's last. Beyond the
    /// calendar (after 9999-12-31, before 0001-01-01) it stops at its end: a birth date typed
    /// as 9999-01-01 plus a pension age must not end the program.
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        guard index >= 12 else { return CalendarDate(year: 1, month: 1, day: 1)! }
        guard index < 10_000 * 12 else { return CalendarDate(year: 9999, month: 12, day: 31)! }
        let y = index / 12, m = index % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))!
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Age in whole years on `date`. The birthday itself counts: on it the person is a
    /// year older. Someone born on 29 February becomes older on 1 March in other years.
    public func age(on date: CalendarDate) -> Int {
        let years = date.year - year
        return (date.month, date.day) < (month, day) ? years - 1 : years
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
