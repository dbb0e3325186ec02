import Testing
@testable import Casework

/// What the import fuzz test (Tests/CaseStoreTests/ImportFuzzTests.swift) found in case
/// files, each kept as a test of its own.
@Suite("Case files from a hostile sender")
struct HostileCaseFileTests {
    /// A valid household with `amount` as the text of its one income line's amount, and
    /// `extra` as more root fields.
    static func file(amount: String = "100.00", extra: String = "") -> String {
        var amountJSON = ""
        JSONWriter.quote(amount, into: &amountJSON)
        return #"{"format": "keukentafel-case/1", "household": {"name": "H", "members": [{"name": "A", "role": "applicant"}]}, "#
            + #""income": [{"label": "L", "amount": "# + amountJSON + #", "frequency": "month", "kind": "salary"}]"# + extra + "}"
    }

    static func problems(_ text: String) -> [CaseFileProblem] {
        guard case .failure(let rejection) = CaseFileReader.read(text: text) else { return [] }
        return rejection.problems
    }

    // A problem quotes the offending text, and the command line prints it on stderr: an
    // escape sequence in a case file cleared the screen, recoloured it or rewrote the
    // terminal's title, and a direction override turned the rest of the line around.
    @Test("Control characters and direction overrides in a file are shown as text, not obeyed", arguments: [
        ("\u{1B}[2J\u{1B}]0;pwned\u{07}", #"\u{1B}[2J\u{1B}]0;pwned\u{7}"#),
        ("12\u{202E}00.01", #"12\u{202E}00.01"#),
        ("1\n2\r3\u{85}4\u{2028}", #"1\u{A}2\u{D}3\u{85}4\u{2028}"#),
    ])
    func controlCharactersAreShownAsText(amount: String, shown: String) {
        let found = Self.problems(Self.file(amount: amount))
        #expect(found.map(\.path) == ["income[0].amount"])
        for language in Language.allCases {
            let message = found.first?.message(in: language) ?? ""
            #expect(message.contains("\"\(shown)\""), "\(message)")
            #expect(!message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" || $0 == "\u{2028}" })
        }
    }

    // A value of 100,000 characters was quoted whole: one problem filled the terminal.
    @Test("A long value is cut in the message; the problem keeps it whole")
    func longValuesAreCut() {
        let long = String(repeating: "x", count: 100_000)
        let found = Self.problems(Self.file(amount: long))
        #expect(found == [CaseFileProblem(path: "income[0].amount", kind: .notAnAmount(long))])
        let message = found.first?.message(in: .en) ?? ""
        #expect(message.hasPrefix("income[0].amount: \"" + String(repeating: "x", count: 100) + "…\" is not an amount"))
        #expect(message.count < 300)
        // A long key in a path is cut too (the domains of a conversation are named by key).
        let key = String(repeating: "k", count: 10_000)
        let keyed = Self.problems(Self.file(extra: #", "conversations": [{"domains": {""# + key + #"": "n"}}]"#))
        #expect(keyed.first?.path == "conversations[0].domains." + key)
        #expect((keyed.first?.message(in: .nl).count ?? .max) < 700)
    }

    // The duplicate-key check looked each key up in the object read so far, and writing a
    // household back (appending its unknown fields) did the same: quadratic in the number
    // of keys. A 470 KB file of keys held an import for more than a minute.
    @Test("Many keys in one object read, compare and write back in linear time")
    func manyKeysStayLinear() throws {
        let keys = (0..<50_000).map { #""x-\#($0)": \#($0)"# }.joined(separator: ", ")
        let clock = ContinuousClock()
        var file: CaseFile?
        let elapsed = try clock.measure {
            file = try CaseFileReader.read(text: Self.file(extra: ", " + keys)).get()
            let again = try CaseFileReader.read(text: CaseFileWriter.text(#require(file))).get()
            #expect(again == file)
        }
        #expect(file?.unknownFields.keys.count == 50_000)
        // Linear, this is well under a second even in a debug build; quadratic it was minutes.
        #expect(elapsed < .seconds(20), "\(elapsed)")
        // And a duplicate among them is still found.
        let duplicate = Self.problems(Self.file(extra: ", " + keys + #", "x-7": 0"#))
        #expect(duplicate.count == 1 && duplicate.first?.message(in: .en).hasSuffix(#"the key "x-7" appears twice"#) == true)
    }

    // Found while hardening the importer: with 200,000 weekly income lines at the amount
    // limit and the policy in the file at its extremes (an 11 MB case file), computing the
    // draagkracht overflowed Int, which ends the program: `overview FILE`, and the
    // workstation on every opening of such a household once imported.
    @Test("A ledger section holds at most 10,000 lines, and at that limit no figure overflows")
    func ledgerSectionsAreBounded() throws {
        func file(lines: Int) -> String {
            let line = #"{"amount": "1000000000.00", "frequency": "week", "kind": "salary"}"#
            return #"{"format": "keukentafel-case/1", "referenceDate": "2026-11-23", "#
                + #""policy": {"sharePercent": 100, "periodMonths": 120, "freeUpToPercent": 0}, "#
                + #""household": {"name": "H", "members": [{"name": "A", "role": "applicant", "birthDate": "1990-01-01"}]}, "#
                + #""income": ["# + Array(repeating: line, count: lines).joined(separator: ", ") + "]}"
        }
        let refused = Self.problems(file(lines: 10_001))
        #expect(refused == [CaseFileProblem(path: "income", kind: .tooManyLines(count: 10_001, maximum: 10_000))])
        #expect(refused.first?.message(in: .en) == "income: holds 10001 lines; a household has at most 10000 per section")

        let atLimit = try CaseFileReader.read(text: file(lines: 10_000)).get()
        let overview = try atLimit.overview(today: CalendarDate(year: 2026, month: 11, day: 23)!).get()
        let weekly = AmountParser.limit.scaled(by: 52, over: 12)
        #expect(overview.totals.income == Money(cents: weekly.cents * 10_000))
        // Nothing free and a share of 100 %: the draagkracht is the whole income, 120 months long.
        #expect(overview.draagkracht?.total == Money(cents: overview.totals.income.cents * 120))
    }
}
