import Testing
@testable import Casework

@Suite("Frequencies and monthly equivalents")
struct FrequencyTests {
    @Test("Each frequency's factor, with hand-computed monthly amounts", arguments: [
        // 100,00 × 52/12 = 433,333… → 433,33
        (Frequency.week, 10_000, 43_333),
        // 150,00 × 52/12 = 650,00
        (.week, 15_000, 65_000),
        // 1.200,00 × 13/12 = 1.300,00
        (.fourWeeks, 120_000, 130_000),
        // 83,10 × 13/12 = 90,025 → 90,03: an exact half rounds away from zero
        (.fourWeeks, 8_310, 9_003),
        (.month, 87_500, 87_500),
        // 306,00 / 3 = 102,00 (the example's kinderbijslag)
        (.quarter, 30_600, 10_200),
        // 100,00 / 3 = 33,333… → 33,33; 100,01 / 3 = 33,3366… → 33,34
        (.quarter, 10_000, 3_333),
        (.quarter, 10_001, 3_334),
        // 100,03 / 6 = 16,6716… → 16,67
        (.halfYear, 10_003, 1_667),
        (.halfYear, 60_000, 10_000),
        // 1.000,00 / 12 = 83,333… → 83,33; 0,06 / 12 = 0,005 → 0,01 (exact half)
        (.year, 100_000, 8_333),
        (.year, 6, 1),
        (.year, 100_006, 8_334),
    ])
    func monthlyEquivalent(frequency: Frequency, cents: Int, monthly: Int) {
        #expect(frequency.monthly(Money(cents: cents)) == Money(cents: monthly))
    }

    @Test func negativeHalvesRoundAwayFromZeroToo() {
        #expect(Frequency.fourWeeks.monthly(Money(cents: -8_310)) == Money(cents: -9_003))
        #expect(Frequency.year.monthly(Money(cents: -6)) == Money(cents: -1))
    }

    @Test("Totals are sums of the rounded lines, not a rounded sum")
    func totalsAreSumsOfRoundedLines() {
        // Two yearly lines of 0,06: each 0,005 → 0,01, so the total is 0,02 (not 0,12/12 = 0,01).
        let lines = [IncomeLine(label: "a", amount: Money(cents: 6), frequency: .year, kind: .other),
                     IncomeLine(label: "b", amount: Money(cents: 6), frequency: .year, kind: .other)]
        let household = Household(name: "T", members: [Member(name: "A", birthDate: CalendarDate(year: 1990, month: 1, day: 1)!, role: .applicant)])
        let overview = try! FinancialOverview.compute(household: household, finances: Finances(income: lines),
                                                      policy: .defaults, referenceDate: CalendarDate(year: 2025, month: 3, day: 1)!).get()
        #expect(overview.totals.income == Money(cents: 2))
    }

    @Test("Property: a monthly equivalent is within half a cent of the exact value")
    func noDriftProperty() {
        forAll({ (anyCents(&$0), Frequency.allCases.randomElement(using: &$0)!) }) { cents, frequency in
            let (n, d) = frequency.factor
            let monthly = frequency.monthly(Money(cents: cents)).cents
            // |monthly − cents × n/d| ≤ ½ cent, in integers: |monthly·d − cents·n|·2 ≤ d
            return abs(monthly * d - cents * n) * 2 <= d
        }
    }

    @Test("Property: twelve monthly equivalents of a yearly amount drift at most six cents")
    func yearlyDriftProperty() {
        forAll({ anyCents(&$0) }) { yearly in
            abs(Frequency.year.monthly(Money(cents: yearly)).cents * 12 - yearly) <= 6
        }
    }

    @Test("Property: monthly equivalents are symmetric and never decrease with the amount")
    func symmetryAndMonotonicity() {
        forAll({ (anyCents(&$0), Int.random(in: 0...10_000, using: &$0), Frequency.allCases.randomElement(using: &$0)!) }) { cents, extra, f in
            let a = Money(cents: cents), b = Money(cents: cents + extra)
            return f.monthly(-a) == -f.monthly(a) && f.monthly(a) <= f.monthly(b)
        }
    }
}
