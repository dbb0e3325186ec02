import Testing
@testable import Casework

@Suite("Money: exact amounts, Dutch text")
struct MoneyTests {
    @Test("Dutch display form with thousands dots and a decimal comma",
          arguments: [(123_456, "€ 1.234,56"), (-1_250, "-€ 12,50"), (0, "€ 0,00"), (5, "€ 0,05"),
                      (100_000_000, "€ 1.000.000,00"), (99_999, "€ 999,99"), (100_000, "€ 1.000,00")])
    func dutchForm(cents: Int, text: String) {
        #expect(Money(cents: cents).dutch == text)
    }

    @Test func plainAndColumnForms() {
        #expect(Money(cents: 123_456).plain == "1234.56")
        #expect(Money(cents: -1_250).plain == "-12.50")
        #expect(Money(cents: 7).plain == "0.07")
        #expect(Money(cents: -123_456).dutchNumber == "-1.234,56")
        #expect(Money(euros: 12, cents: 50) == Money(cents: 1_250))
        #expect(Money(euros: -12, cents: 50) == Money(cents: -1_250))
    }

    @Test("Rounding half away from zero, exact halves included")
    func rounding() {
        #expect(Rounding.divideHalfAwayFromZero(9_002_5, by: 10) == 9_003)   // 900.25 → 900.3
        #expect(Rounding.divideHalfAwayFromZero(-9_002_5, by: 10) == -9_003)
        #expect(Rounding.divideHalfAwayFromZero(9_002_4, by: 10) == 9_002)
        #expect(Rounding.divideHalfAwayFromZero(1, by: 2) == 1)
        #expect(Rounding.divideHalfAwayFromZero(-1, by: 2) == -1)
        #expect(Rounding.divideHalfAwayFromZero(1, by: 3) == 0)
        #expect(Rounding.divideHalfAwayFromZero(5, by: -2) == -3)
        // 1.345,45 × 110 % = 1.479,995 → 1.480,00 (docs/case-file.md's threshold)
        #expect(Money(cents: 134_545).percent(110) == Money(cents: 148_000))
        // 154,55 × 35 % = 54,0925 → 54,09
        #expect(Money(cents: 15_455).percent(35) == Money(cents: 5_409))
    }

    @Test("Typed amounts the Dutch way, and the plain forms tolerated", arguments: [
        ("1234,56", 123_456), ("1.234,56", 123_456), ("€ 1.234,56", 123_456), ("€1.234,56", 123_456),
        ("1234.56", 123_456), ("1234", 123_400), ("12,5", 1_250), ("  12,50  ", 1_250),
        ("-€ 12,50", -1_250), ("€ -12,50", -1_250), ("1.234.567", 123_456_700), ("1.234.567,89", 123_456_789),
        ("0,05", 5), ("12.5", 1_250), ("0", 0), ("007", 700),
        // A dot and three digits group thousands, as the rent is written: € 1.850.
        ("1.850", 185_000), ("€ 1.850", 185_000), ("-1.850", -185_000), ("99.999", 9_999_900), ("1.000", 100_000),
    ])
    func typedAccepted(text: String, cents: Int) {
        #expect(AmountParser.parseTyped(text) == .success(Money(cents: cents)))
    }

    @Test("Ambiguous or malformed typing is refused, never guessed", arguments: [
        ("1,2,3", AmountError.misplacedSeparator("1,2,3")),
        ("12,345,6", .misplacedSeparator("12,345,6")),
        ("1,234.56", .misplacedSeparator("1,234.56")),
        ("1.23.45", .misplacedSeparator("1.23.45")),
        ("12,", .misplacedSeparator("12,")),
        ("12.", .misplacedSeparator("12.")),
        ("abc", .notANumber("abc")),
        ("12a", .notANumber("12a")),
        ("12 50", .notANumber("12 50")),
        ("1,234", .tooManyDecimals("1,234")),
        ("12,345", .tooManyDecimals("12,345")),
        ("12.3456", .tooManyDecimals("12.3456")),
        // Not thousands: a group of more than three digits, or one starting with 0.
        ("1234.567", .tooManyDecimals("1234.567")), ("0.850", .tooManyDecimals("0.850")), (".850", .tooManyDecimals(".850")),
        ("", .empty), ("   ", .empty), ("€", .empty),
        ("99999999999", .tooLarge("99999999999")),
    ])
    func typedRefused(text: String, error: AmountError) {
        #expect(AmountParser.parseTyped(text) == .failure(error))
    }

    @Test func refusalSaysWhatWasExpected() {
        #expect(AmountError.tooManyDecimals("1,234").message(in: .en).contains("more than two decimals"))
        #expect(AmountError.empty.message(in: .nl).contains("1.234,56"))
    }

    @Test("Case-file amounts: digits, a dot, at most two decimals", arguments: [
        ("1650.00", 165_000 as Int?), ("12.5", 1_250), ("900", 90_000), ("0.07", 7),
        ("12,5", nil), ("-5", nil), ("1.234,56", nil), ("1e3", nil), ("", nil), (".5", nil),
        ("5.", nil), ("1.234", nil), ("12,345.6", nil), (" 12", nil), ("+12", nil),
    ])
    func caseFileForm(text: String, cents: Int?) {
        #expect(AmountParser.parseCaseFile(text) == cents.map(Money.init(cents:)))
    }

    // Found by the parser fuzz test: a digit with a joiner or a combining mark attached is
    // one Character that sorts between "0" and "9". parseCaseFile crashed on it (a forced
    // unwrap of Int(…)), so one such amount in a case file ended an import; parseTyped
    // called "5\u{301}" too large.
    @Test("A digit with something attached is no digit: refused, not a crash",
          arguments: ["0.0\u{200D}0\u{200D}", "12.5\u{301}", "5\u{301}", "1\u{FE0F}234,56", "12,5\u{20DD}"])
    func joinedDigitsAreNoDigits(text: String) {
        #expect(AmountParser.parseCaseFile(text) == nil)
        #expect(AmountParser.parseTyped(text) == .failure(.notANumber(text)))
    }

    @Test("Property: every amount reads back from each of its written forms")
    func roundTripProperty() {
        forAll({ anyCents(&$0) }) { cents in
            let m = Money(cents: cents)
            return AmountParser.parseTyped(m.dutch) == .success(m)
                && AmountParser.parseTyped(m.dutchNumber) == .success(m)
                && AmountParser.parseTyped((-m).dutch) == .success(-m)
                && AmountParser.parseCaseFile(m.plain) == m
        }
    }

    @Test("Property: percentages round half away from zero and are symmetric")
    func percentProperty() {
        forAll({ (anyCents(&$0), Int.random(in: 0...200, using: &$0)) }) { cents, percent in
            let m = Money(cents: cents)
            let exactTimes100 = cents * percent          // the exact result × 100
            let rounded = m.percent(percent).cents
            return abs(rounded * 100 - exactTimes100) * 2 <= 100
                && (-m).percent(percent) == -m.percent(percent)
        }
    }
}
