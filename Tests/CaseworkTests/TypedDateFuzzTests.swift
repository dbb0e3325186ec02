import Casework
import Foundation
import FuzzSupport
import Testing


/// The date a caseworker types in a form (a conversation's date, an agreement's due date,
/// a grant's urgency date): `dd-mm-jjjj`, `d-m-jjjj` (also with / or .) or `jjjj-mm-dd`.
/// Hostile and mutated input (docs/reliability.md): taken exactly when it is one of those forms and
/// a day of the calendar, never a crash.
@Suite("Typed dates under hostile input")
struct TypedDateFuzzTests {
    static let cases = FuzzBudget.cases(quick: 2_000, full: 100_000)
    static let limit = FuzzTimeLimit(base: .milliseconds(50), perKilobyte: .milliseconds(5))

    /// A day as people type it.
    static func typed(_ rng: inout SplitMix64) -> String {
        let d = ValidValues.date(&rng)
        let separator = rng.pick(["-", "/", "."])
        // Years before 1000 only in the ISO form: 1-1-0004 is taken for a typo.
        switch d.year < 1000 ? 0 : rng.below(4) {
        case 0: return ValidValues.pad(d.year, 4) + "-" + ValidValues.pad(d.month, 2) + "-" + ValidValues.pad(d.day, 2)
        case 1: return "\(d.day)\(separator)\(d.month)\(separator)" + ValidValues.pad(d.year, 4)
        default:
            return ValidValues.pad(d.day, 2) + separator + ValidValues.pad(d.month, 2) + separator + ValidValues.pad(d.year, 4)
        }
    }

    @Test func typedDatesAreTakenExactlyWhenTheyAreDays() {
        let run = FuzzRun.run("typed date (forms)", cases: Self.cases, seed: 50, timeLimit: Self.limit,
                              generate: { FuzzText.around(Self.typed, &$0) },
                              check: { input in
                                  let expected = Self.rule(input.text)
                                  let parsed = CalendarDate(typed: input.text)
                                  guard parsed == expected else {
                                      return .failed("read as \(parsed.map(\.iso) ?? "nothing"), the rule says \(expected.map(\.iso) ?? "nothing")")
                                  }
                                  if input.isValid && parsed == nil { return .failed("a typed day is refused") }
                                  return parsed == nil ? .refused : .accepted
                              })
        print(run.summary)
        #expect(run.failures == 0, "\(run.failureReport)")
        #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)")
    }

    // Found by this fuzz test: parts that were no number were dropped, and Int took signs
    // and any number of leading zeros.
    @Test("Text that only looks like a date is no date", arguments: [
        "1-1-x-2026", "+1-+1-+2026", "19-1-01988", "22/8/0000000000000000002066", "1--1-2026", "1-1-2026-", "1 -1-2026",
    ])
    func looksLikeADate(text: String) {
        #expect(CalendarDate(typed: text) == nil)
    }

    @Test("The forms people type are read", arguments: [
        ("23-11-2026", "2026-11-23"), ("1/2/2027", "2027-02-01"), ("01.02.2027", "2027-02-01"), ("2026-11-23", "2026-11-23"),
        (" 29-2-2028\u{00A0}", "2028-02-29"), ("1-1.2026", "2026-01-01"),
    ])
    func typedForms(text: String, iso: String) {
        #expect(CalendarDate(typed: text)?.iso == iso)
    }

    /// The forms, read by bytes: blanks around are ignored (as Foundation counts them: also
    /// NBSP and zero-width spaces, which pasted text brings); `yyyy-mm-dd`, or day and month
    /// of one or two digits and a year of four (from 1000), split by - / or . .
    static func rule(_ text: String) -> CalendarDate? {
        var scalars = Array(text.unicodeScalars)[...]
        func isBlank(_ s: Unicode.Scalar) -> Bool { CharacterSet.whitespaces.contains(s) }
        while let s = scalars.first, isBlank(s) { scalars = scalars.dropFirst() }
        while let s = scalars.last, isBlank(s) { scalars = scalars.dropLast() }
        let bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
        func number(_ part: ArraySlice<UInt8>, digits: ClosedRange<Int>) -> Int? {
            guard digits.contains(part.count), part.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let iso = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if iso.count == 3, let y = number(iso[0], digits: 4...4), let m = number(iso[1], digits: 2...2), let d = number(iso[2], digits: 2...2) {
            return CalendarDate(year: y, month: m, day: d)
        }
        let parts = bytes.split(omittingEmptySubsequences: false, whereSeparator: { $0 == 0x2D || $0 == 0x2F || $0 == 0x2E })
        guard parts.count == 3, let d = number(parts[0], digits: 1...2), let m = number(parts[1], digits: 1...2),
              let y = number(parts[2], digits: 4...4), y >= 1000 else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}
