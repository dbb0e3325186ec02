import FuzzSupport
import Testing
@testable import Casework

/// Hostile input for the parsers of amounts, dates, moments, IBANs and BSNs (docs/reliability.md,
/// hostile input): random and mutated text, `FuzzBudget` cases each. Never a crash or a hang;
/// a value or a clear error; and every accepted value is checked against an independent
/// reading of the rule (the oracles in `ValidValues` and below).
@Suite("Parsers under hostile input")
struct ParserFuzzTests {
    static let cases = FuzzBudget.cases(quick: 2_000, full: 100_000)
    /// A parse is a few microseconds; a long input may take milliseconds in a debug build.
    static let limit = FuzzTimeLimit(base: .milliseconds(50), perKilobyte: .milliseconds(5))

    static func fuzz(_ name: String, seed: UInt64, valid: (inout SplitMix64) -> String,
                     sourceLocation: SourceLocation = #_sourceLocation, check: (TextCase) -> FuzzVerdict) {
        let run = FuzzRun.run(name, cases: cases, seed: seed, timeLimit: limit,
                              generate: { FuzzText.around(valid, &$0) }, check: check)
        print(run.summary)
        #expect(run.failures == 0, "\(run.failureReport)", sourceLocation: sourceLocation)
        // Both outcomes are reached, so the generator really tests the parser.
        #expect(run.accepted > 0 && run.refused > 0, "\(run.summary)", sourceLocation: sourceLocation)
    }

    @Test func typedAmounts() {
        Self.fuzz("amount parser (typed)", seed: 1, valid: ValidValues.typedAmount) { input in
            switch AmountParser.parseTyped(input.text) {
            case .failure(let error):
                if input.isValid { return .failed("refused a valid amount: \(error)") }
                return Language.allCases.allSatisfy({ !error.message(in: $0).isEmpty }) ? .refused : .failed("no message for \(error)")
            case .success(let money):
                if let problem = Self.acceptedAmountProblem(money, input.text, typed: true) { return .failed(problem) }
                for form in [money.dutch, money.dutchNumber] where AmountParser.parseTyped(form) != .success(money) {
                    return .failed("\(money.cents) cents written as \(form) parse as \(AmountParser.parseTyped(form))")
                }
                return .accepted
            }
        }
    }

    @Test func caseFileAmounts() {
        Self.fuzz("amount parser (case file)", seed: 2, valid: ValidValues.caseFileAmount) { input in
            let expected = Self.strictAmountCents(input.text)
            let parsed = AmountParser.parseCaseFile(input.text)
            guard parsed?.cents == expected else {
                return .failed("parsed as \(parsed.map { String($0.cents) } ?? "refused"), the rule says \(expected.map(String.init) ?? "refused")")
            }
            guard let money = parsed else { return input.isValid ? .failed("refused a valid amount") : .refused }
            if let problem = Self.acceptedAmountProblem(money, input.text, typed: false) { return .failed(problem) }
            return AmountParser.parseCaseFile(money.plain) == money ? .accepted : .failed("\(money.plain) does not parse back")
        }
    }

    @Test func dates() {
        Self.fuzz("date parser (YYYY-MM-DD)", seed: 3, valid: ValidValues.isoDate) { input in
            let expected = Self.strictDate(input.text)
            guard let date = CalendarDate(iso: input.text) else {
                return expected == nil ? .refused : .failed("refused an existing day")
            }
            guard let expected, (date.year, date.month, date.day) == expected else {
                return .failed("accepted as \(date), but it is no day of the calendar in this form")
            }
            guard date.iso == input.text, CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date else {
                return .failed("\(date) does not write or count back to itself")
            }
            return .accepted
        }
    }

    @Test func moments() {
        Self.fuzz("moment parser (ISO 8601)", seed: 4, valid: ValidValues.isoMoment) { input in
            let expected = Self.strictMomentIsValid(input.text)
            guard let moment = Moment(iso: input.text) else {
                return expected ? .failed("refused a valid moment") : .refused
            }
            guard expected else { return .failed("accepted \(moment.iso), but the text is no ISO 8601 moment with an offset") }
            guard Moment(iso: moment.iso) == moment, moment.iso.hasPrefix(String(input.text.prefix(10))) else {
                return .failed("\(moment.iso) does not read back to the same moment and day")
            }
            return .accepted
        }
    }

    @Test func ibans() {
        Self.fuzz("IBAN parser", seed: 5, valid: ValidValues.iban) { input in
            let compact = String(input.text.filter { $0 != " " }).uppercased()
            switch IBAN.check(input.text) {
            case .failure(let error):
                if input.isValid { return .failed("refused a valid IBAN: \(error)") }
                return Language.allCases.allSatisfy({ !error.message(in: $0).isEmpty }) ? .refused : .failed("no message for \(error)")
            case .success(let iban):
                let bytes = Array(iban.electronic.utf8)
                guard bytes.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }), (15...34).contains(bytes.count),
                      iban.electronic == compact else {
                    return .failed("accepted as \(iban.electronic): not 15–34 ASCII capitals and digits from the input")
                }
                guard ValidValues.passesMod97(iban.electronic) else { return .failed("\(iban.electronic) fails mod 97") }
                if let length = ValidValues.ibanLength(country: iban.countryCode), length != bytes.count {
                    return .failed("a \(iban.countryCode) IBAN has \(length) characters, not \(bytes.count)")
                }
                return IBAN(iban.formatted) == iban ? .accepted : .failed("\(iban.formatted) does not read back")
            }
        }
    }

    @Test func bsns() {
        Self.fuzz("BSN parser (elfproef)", seed: 6, valid: ValidValues.bsn) { input in
            // The rule: spaces and dots are ignored; nine digits (or eight, with the
            // leading zero dropped) that pass the 11-test.
            var digits = String(input.text.unicodeScalars.filter { $0 != " " && $0 != "." }.map(Character.init))
            if digits.utf8.count == 8 { digits = "0" + digits }
            let expected = ValidValues.passesElevenTest(digits)
            guard let bsn = BSN(input.text) else { return expected ? .failed("refused a valid BSN") : .refused }
            guard expected, bsn.digits == digits else { return .failed("accepted as \(bsn.digits), which breaks the rule") }
            return BSN(bsn.digits) == bsn && bsn.masked.hasSuffix(String(digits.suffix(4))) ? .accepted : .failed("does not read back")
        }
    }

    // MARK: independent readings of the rules

    /// What is wrong with an accepted amount, or nil: within the limit, made only of
    /// digits, separators, the euro sign, a minus and spaces, its digits those of the input
    /// (plus at most two zeros for the cents), negative only when a minus was typed.
    static func acceptedAmountProblem(_ money: Money, _ text: String, typed: Bool) -> String? {
        if money.magnitude > AmountParser.limit { return "\(money.plain) is over the limit" }
        let allowed = text.unicodeScalars.allSatisfy { s in
            ("0"..."9").contains(s) || s == "." || (typed && (s == "," || s == "-" || s == "€" || s.properties.isWhitespace))
        }
        if !allowed { return "accepted \(money.plain) from text with characters that are not part of an amount" }
        let typedDigits = String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init)).drop { $0 == "0" }
        let centsDigits = money.cents == 0 ? "" : String(money.magnitude.cents)
        guard centsDigits.hasPrefix(typedDigits), centsDigits.count - typedDigits.count <= 2 else {
            return "accepted as \(money.plain), whose digits are not those typed"
        }
        if money.isNegative && !text.contains("-") { return "accepted as negative \(money.plain) without a minus" }
        return nil
    }

    /// The case-file rule, by bytes: digits, optionally a dot and one or two digits, at
    /// most € 1.000.000.000,00. Cents, or nil.
    static func strictAmountCents(_ text: String) -> Int? {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
              parts.allSatisfy({ $0.allSatisfy { (48...57).contains($0) } }) else { return nil }
        let fraction = parts.count == 2 ? Array(parts[1]) : []
        guard parts.count == 1 || (1...2).contains(fraction.count) else { return nil }
        let significant = whole.drop { $0 == 48 }
        guard significant.count <= 10 else { return nil }
        let euros = significant.reduce(0) { $0 * 10 + Int($1 - 48) }
        let cents = (fraction + [48, 48]).prefix(2).reduce(0) { $0 * 10 + Int($1 - 48) }
        let total = euros * 100 + cents
        return total <= AmountParser.limit.cents ? total : nil
    }

    /// `YYYY-MM-DD` in ASCII naming a day of the calendar (years 1–9999), or nil.
    static func strictDate(_ text: String) -> (Int, Int, Int)? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            b[range].allSatisfy { (48...57).contains($0) } ? b[range].reduce(0) { $0 * 10 + Int($1 - 48) } : nil
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              y >= 1, (1...12).contains(m), (1...ValidValues.daysIn(month: m, year: y)).contains(d) else { return nil }
        return (y, m, d)
    }

    /// `YYYY-MM-DD(T|t)hh:mm[:ss[.digits]](Z|z|±hh:mm)` in ASCII with every field in range
    /// (hours < 24, offsets up to 14:59).
    static func strictMomentIsValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 17, strictDate(String(decoding: b[0..<10], as: UTF8.self)) != nil,
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") else { return false }
        var i = 11
        func two(below limit: Int) -> Bool {
            guard i + 2 <= b.count, b[i..<i + 2].allSatisfy({ (48...57).contains($0) }),
                  Int(b[i] - 48) * 10 + Int(b[i + 1] - 48) < limit else { return false }
            i += 2
            return true
        }
        func take(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard two(below: 24), take(":"), two(below: 60) else { return false }
        if take(":") {
            guard two(below: 60) else { return false }
            if take(".") {
                let start = i
                while i < b.count, (48...57).contains(b[i]) { i += 1 }
                guard i > start else { return false }
            }
        }
        if take("Z") || take("z") { return i == b.count }
        guard take("+") || take("-"), two(below: 15), take(":"), two(below: 60) else { return false }
        return i == b.count
    }
}
