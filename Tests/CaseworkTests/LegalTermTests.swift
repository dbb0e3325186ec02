import Testing
@testable import Casework

/// The Algemene termijnenwet: a term ending on a weekend or a holiday runs on to the next
/// working day. Dates checked against a calendar.
@Suite("Legal terms and the Algemene termijnenwet")
struct LegalTermTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test("A letter of Friday 2026-11-20: six weeks end on New Year's Day, then the weekend: Monday 2027-01-04")
    func newYear() {
        #expect(LegalTerm.weekday(Self.day("2026-11-20")) == 5)
        #expect(Self.day("2026-11-20").adding(days: 42) == Self.day("2027-01-01"))
        #expect(LegalTerm.holiday(Self.day("2027-01-01")) == "Nieuwjaarsdag")
        #expect(LegalTerm.end(after: Self.day("2026-11-20"), weeks: 6) == Self.day("2027-01-04"))
    }

    @Test("Easter Sunday by the algorithm, for years checked against the calendar")
    func easter() {
        #expect(LegalTerm.easterSunday(2024) == Self.day("2024-03-31"))
        #expect(LegalTerm.easterSunday(2025) == Self.day("2025-04-20"))
        #expect(LegalTerm.easterSunday(2026) == Self.day("2026-04-05"))
        #expect(LegalTerm.easterSunday(2027) == Self.day("2027-03-28"))
        #expect(LegalTerm.easterSunday(2028) == Self.day("2028-04-16"))
    }

    @Test("Every holiday of art. 3 in 2027, and the terms that end on them", arguments: [
        // (a term ending on, the holiday, where it moves to)
        ("2027-03-26", "Goede Vrijdag", "2027-03-30"),        // Fri → Sat, Sun, Easter Monday → Tue
        ("2027-03-29", "Tweede Paasdag", "2027-03-30"),
        ("2027-04-27", "Koningsdag", "2027-04-28"),           // a Tuesday
        ("2027-05-05", "Bevrijdingsdag", "2027-05-07"),       // a Wednesday; Ascension Day follows on the 6th
        ("2027-05-06", "Hemelvaartsdag", "2027-05-07"),       // Easter 28 March + 39 days
        ("2027-05-17", "Tweede Pinksterdag", "2027-05-18"),   // Easter + 50
        ("2027-12-25", "Eerste Kerstdag", "2027-12-27"),      // a Saturday; 26th Sunday and Boxing Day
        ("2027-12-26", "Tweede Kerstdag", "2027-12-27"),
    ])
    func holidays(_ end: String, _ name: String, _ moved: String) {
        #expect(LegalTerm.holiday(Self.day(end)) == name)
        #expect(LegalTerm.end(after: Self.day(end).adding(days: -42), weeks: 6) == Self.day(moved))
    }

    @Test("King's Day is 26 April when the 27th is a Sunday (2025), and no holiday on the 27th then")
    func kingsDay() {
        #expect(LegalTerm.weekday(Self.day("2025-04-27")) == 7)
        #expect(LegalTerm.holiday(Self.day("2025-04-26")) == "Koningsdag")
        #expect(LegalTerm.holiday(Self.day("2025-04-27")) == nil)
        #expect(LegalTerm.holiday(Self.day("2026-04-27")) == "Koningsdag")
        #expect(LegalTerm.holiday(Self.day("2026-04-26")) == nil)
    }

    @Test("An ordinary Tuesday is a working day; the term ends on it")
    func ordinary() {
        #expect(LegalTerm.isWorkingDay(Self.day("2026-12-01")))
        #expect(LegalTerm.end(after: Self.day("2026-10-20"), weeks: 6) == Self.day("2026-12-01"))
    }
}

@Suite("Dates at the calendar's end")
struct CalendarEndTests {
    @Test("A pension age or a period past 9999 stops at the calendar's end instead of ending the program")
    func beyondTheCalendar() {
        let late = CalendarDate(iso: "9999-01-01")!
        #expect(late.adding(months: 67 * 12) == CalendarDate(iso: "9999-12-31")!)
        #expect(CalendarDate(iso: "0001-03-01")!.adding(months: -5) == CalendarDate(iso: "0001-01-01")!)
        #expect(PensionAges.shipped.hasReached(bornOn: late, on: CalendarDate(iso: "2026-12-01")!) == false)
        let household = Household(name: "Huishouden Ver", members: [Member(name: "A", birthDate: late, role: .applicant)])
        // Born in 9999: under 18 on 2026-12-01 (a negative age), so no norm — and no crash.
        let o = try? FinancialOverview.compute(household: household, finances: Finances(), policy: .defaults,
                                               referenceDate: CalendarDate(iso: "2026-12-01")!).get()
        #expect(o?.normTest == nil)
        // A file dated 9999-06-01 with someone born in 9950: 49 years old, and 67 years after
        // their birth is past the calendar — the pension age is not reached, and nothing traps.
        let far = Household(name: "Huishouden Ver", members: [Member(name: "B", birthDate: CalendarDate(iso: "9950-01-01")!, role: .applicant)])
        let farOverview = try? FinancialOverview.compute(household: far, finances: Finances(), policy: .defaults,
                                                         referenceDate: CalendarDate(iso: "9999-06-01")!).get()
        #expect(farOverview?.normTest?.category == .single21toAOW)
    }
}
