/// Legal terms as the Algemene termijnenwet counts them: a term set by law that ends on a
/// Saturday, a Sunday or a generally recognised holiday runs on to the next day that is none
/// of these (art. 1). The holidays (art. 3 lid 1 and 2): New Year's Day, Good Friday, Easter
/// Monday, King's Day (27 April, or 26 April when the 27th is a Sunday), 5 May, Ascension Day,
/// Whit Monday, Christmas Day and Boxing Day. Days the government equates to them by decree
/// (art. 3 lid 3, every three years) are not included.
public enum LegalTerm {
    /// The last day of a term of `weeks` weeks after `start` (the day of sending: the term
    /// starts the day after it), moved past weekends and holidays.
    public static func end(after start: CalendarDate, weeks: Int) -> CalendarDate {
        var day = start.adding(days: weeks * 7)
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    public static func isWorkingDay(_ day: CalendarDate) -> Bool {
        let weekday = weekday(day)
        return weekday != 6 && weekday != 7 && holiday(day) == nil
    }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    public static func weekday(_ day: CalendarDate) -> Int {
        ((day.daysSinceEpoch % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The holiday's Dutch name, or nil.
    public static func holiday(_ day: CalendarDate) -> String? {
        let easter = easterSunday(day.year)
        let offset = day.daysSinceEpoch - easter.daysSinceEpoch
        switch (day.month, day.day) {
        case (1, 1): return "Nieuwjaarsdag"
        case (5, 5): return "Bevrijdingsdag"
        case (12, 25): return "Eerste Kerstdag"
        case (12, 26): return "Tweede Kerstdag"
        case (4, 27) where weekday(day) != 7: return "Koningsdag"
        case (4, 26) where weekday(day.adding(days: 1)) == 7: return "Koningsdag"
        default: break
        }
        switch offset {
        case -2: return "Goede Vrijdag"
        case 1: return "Tweede Paasdag"
        case 39: return "Hemelvaartsdag"
        case 50: return "Tweede Pinksterdag"
        default: return nil
        }
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }
}
