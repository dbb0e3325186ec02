import Testing
@testable import Casework

@Suite("Dates, ages and moments")
struct CalendarDateTests {
    @Test("Only days that exist", arguments: [
        ("2024-02-29", true), ("2025-02-29", false), ("2026-02-30", false), ("2026-13-01", false),
        ("2026-04-31", false), ("2026-1-01", false), ("26-01-01", false), ("2026-01-01", true),
        ("2000-02-29", true), ("1900-02-29", false), ("2026-11-23T00:00", false), ("", false), ("abcd-ef-gh", false),
    ])
    func validity(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
        if valid { #expect(CalendarDate(iso: text)?.iso == text) }
    }

    @Test func dutchForm() {
        #expect(CalendarDate(year: 2026, month: 11, day: 3)!.dutch == "03-11-2026")
    }

    @Test("Ages in whole years; on the birthday the person is a year older")
    func ages() {
        let born = CalendarDate(year: 2005, month: 11, day: 23)!
        #expect(born.age(on: CalendarDate(year: 2026, month: 11, day: 22)!) == 20)
        #expect(born.age(on: CalendarDate(year: 2026, month: 11, day: 23)!) == 21)
        #expect(born.age(on: CalendarDate(year: 2026, month: 11, day: 24)!) == 21)
        // Born on 29 February: older on 1 March in a common year, on 29 February in a leap year.
        let leapling = CalendarDate(year: 2004, month: 2, day: 29)!
        #expect(leapling.age(on: CalendarDate(year: 2025, month: 2, day: 28)!) == 20)
        #expect(leapling.age(on: CalendarDate(year: 2025, month: 3, day: 1)!) == 21)
        #expect(leapling.age(on: CalendarDate(year: 2024, month: 2, day: 29)!) == 20)
    }

    @Test("Adding months clamps to the end of a shorter month")
    func addingMonths() {
        #expect(CalendarDate(year: 2025, month: 8, day: 31)!.adding(months: 6) == CalendarDate(year: 2026, month: 2, day: 28))
        #expect(CalendarDate(year: 2023, month: 8, day: 31)!.adding(months: 6) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(year: 2025, month: 1, day: 1)!.adding(months: 6) == CalendarDate(year: 2025, month: 7, day: 1))
        #expect(CalendarDate(year: 2025, month: 11, day: 15)!.adding(months: 3) == CalendarDate(year: 2026, month: 2, day: 15))
    }

    @Test func daysSinceEpoch() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        // 2000-03-01: 30 years (7 leap days 1972…1996) = 10957 days to 2000-01-01, + 31 + 29
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 10_957 + 60)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)!.daysSinceEpoch == -1)
        #expect(CalendarDate(year: 2026, month: 11, day: 23)!.adding(days: 8) == CalendarDate(year: 2026, month: 12, day: 1))
    }

    @Test("Property: day numbers and dates convert both ways")
    func epochRoundTrip() {
        forAll({ Int.random(in: -700_000...2_900_000, using: &$0) }) { days in
            let date = CalendarDate(daysSinceEpoch: days)
            return date.daysSinceEpoch == days && CalendarDate(year: date.year, month: date.month, day: date.day) == date
        }
    }

    @Test("Moments keep their offset and compare in absolute time")
    func moments() throws {
        let m = try #require(Moment(iso: "2026-11-21T10:12:00+01:00"))
        // 10:12 at +01:00 is 09:12 UTC on that day (the day number itself is tested above).
        let day = CalendarDate(year: 2026, month: 11, day: 21)!.daysSinceEpoch
        #expect(m.epochSeconds == day * 86_400 + 9 * 3_600 + 12 * 60)
        #expect(m.iso == "2026-11-21T10:12:00+01:00")
        #expect(m.localDate == CalendarDate(year: 2026, month: 11, day: 21))
        let utc = try #require(Moment(iso: "2026-11-21T09:12:00Z"))
        #expect(utc.epochSeconds == m.epochSeconds)
        #expect(try #require(Moment(iso: "2026-11-22T10:11:59+01:00")).epochSeconds - m.epochSeconds == 24 * 3600 - 1)
        #expect(m.hours(until: Moment(epochSeconds: m.epochSeconds + 25 * 3600 - 1)) == 24)
        #expect(Moment(iso: "2026-11-21T10:12:00.250-05:30")?.offsetMinutes == -330)
        for bad in ["2026-11-21 10:12:00+01:00", "2026-11-21T25:00:00Z", "2026-11-21T10:12:00", "2026-02-30T10:00:00Z",
                    "2026-11-21T10:12:00+1:00", "2026-11-21T10:12Zjunk", "2026-11-21T10:12:00.Z", "2026-11-21t10:1٢:00Z",
                    "2026-11-21T10:12:00+01:00\u{301}", "２026-11-21T10:12:00Z", "2026-11-21T10:12:00+15:00", "2026-11-21T10:60Z"] {
            #expect(Moment(iso: bad) == nil, "\(bad)")
        }
        #expect(Moment(iso: "2026-11-21t10:12z")?.epochSeconds == utc.epochSeconds + 3600) // lower case t and z, no seconds: 10:12 UTC
        for bad in ["2026-11-2١", "2026-11-21\u{301}", "2026/11/21", "+026-11-21"] { #expect(CalendarDate(iso: bad) == nil, "\(bad)") }
    }

    @Test("Every moment reads back from its own text, at any offset and with a fraction of a second")
    func momentRoundTrip() throws {
        var random = SplitMix64(seed: 17)
        for _ in 0..<2_000 {
            let epoch = Int.random(in: -2_000_000_000...250_000_000_000, using: &random) / 60 * 60 + Int.random(in: 0..<60, using: &random)
            let offset = Int.random(in: -14 * 60...14 * 60, using: &random)
            let m = Moment(epochSeconds: epoch, offsetMinutes: offset)
            #expect(Moment(iso: m.iso) == m, "\(m.iso)")
            let fraction = String(m.iso.prefix(19)) + ".5" + String(m.iso.dropFirst(19))
            #expect(Moment(iso: fraction) == m, "\(fraction)")
        }
    }
}
