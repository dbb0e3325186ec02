import Foundation
import Testing
@testable import Casework

/// The package root, found from this file (Tests/CaseworkTests/CaseFileTests.swift).
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The demo household of sample-data/, which is the example of docs/case-file.md.
private func sampleText() throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent("sample-data/hh-demo-0001.json"), encoding: .utf8)
}

/// The file read, or a failed test that lists the problems.
func acceptedFile(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CaseFile {
    try accepted(text, sourceLocation: sourceLocation)
}

private func accepted(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CaseFile {
    switch CaseFileReader.read(text: text) {
    case .success(let file): return file
    case .failure(let rejection):
        let list = rejection.problems.map { $0.message(in: .en) }.joined(separator: "\n")
        Issue.record("the file was refused:\n\(list)", sourceLocation: sourceLocation)
        throw rejection
    }
}

/// The problems of a refused file; an accepted file fails the test.
private func refused(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [CaseFileProblem] {
    switch CaseFileReader.read(text: text) {
    case .success:
        Issue.record("the file was accepted, but should be refused", sourceLocation: sourceLocation)
        return []
    case .failure(let rejection):
        return rejection.problems
    }
}

/// The sample with `old` replaced by `new`; `old` must occur exactly once, so a mutation
/// that no longer matches the sample fails instead of testing the unchanged file.
private func sample(replacing changes: [(old: String, new: String)],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    var text = try sampleText()
    for change in changes {
        let occurrences = text.components(separatedBy: change.old).count - 1
        try #require(occurrences == 1, "\(change.old) occurs \(occurrences) times in the sample", sourceLocation: sourceLocation)
        text = text.replacingOccurrences(of: change.old, with: change.new)
    }
    return text
}

@Suite("Case files: reading, writing, refusing (docs/case-file.md)")
struct CaseFileTests {
    // MARK: - The sample

    @Test("The demo household reads with the figures it holds")
    func readsSample() throws {
        let file = try accepted(try sampleText())
        #expect(file.referenceDate == day("2026-11-23"))
        let h = file.household
        #expect(h.id == "hh-demo-0001")
        #expect(h.name == "Huishouden Jansen")
        #expect(h.address == Address(street: "Westzijde 12", postcode: "1506 EA", city: "Zaandam"))
        #expect(h.caseworker == "r.westra")
        #expect(h.members == [
            Member(name: "Sanne Jansen", birthDate: day("1991-04-12"), role: .applicant, bsn: BSN("111222333")),
            Member(name: "Mila Jansen", birthDate: day("2021-09-01"), role: .child),
        ])
        #expect(h.members[0].bsn?.digits == "111222333")
        #expect(file.finances.income == [
            IncomeLine(label: "Salaris", amount: Money(cents: 175_000), frequency: .month, kind: .salary, member: "Sanne Jansen"),
            IncomeLine(label: "Kindgebonden budget", amount: Money(cents: 31_000), frequency: .month, kind: .childBudget),
            IncomeLine(label: "Kinderbijslag", amount: Money(cents: 30_600), frequency: .quarter, kind: .childBenefit),
        ])
        #expect(file.finances.expenses == [
            ExpenseLine(label: "Huur", amount: Money(cents: 87_500), frequency: .month, category: .wonen),
            ExpenseLine(label: "Kinderopvang", amount: Money(cents: 62_000), frequency: .month, category: .kinderen),
        ])
        #expect(file.finances.debts == [
            Debt(creditor: "Belastingdienst/Toeslagen", amount: Money(cents: 420_000), monthlyPayment: .zero,
                 status: .open, arrears: true),
        ])
        #expect(file.finances.deductions == [
            Deduction(label: "Verrekening toeslag", amount: Money(cents: 15_000), frequency: .month, kind: .beslag),
        ])
        #expect(file.signals == [
            Signal(partner: .energie, creditor: "Vattenfall", amount: Money(cents: 41_000), since: day("2026-08-01"),
                   received: day("2026-10-15"), status: .notYetPickedUp),
        ])
        #expect(file.policy == PolicyOverride(normPercentage: 110, freeUpToPercent: 100, sharePercent: 35, periodMonths: 12,
                                              mandateLimit: Money(cents: 150_000)))
        #expect(file.lifeDomains == [LifeDomainScore(domain: .financien, score: 2, date: day("2026-11-20"),
                                                     note: "Toeslagschuld van € 4.200; de Belastingdienst verrekent € 150 per maand. Energieachterstand bij Vattenfall.")])
        #expect(file.plan == Plan(goals: [Goal(id: "g1", text: "Sanne houdt haar baan", due: day("2027-06-01"))]))
        #expect(file.conversations.count == 1)
        let c = try #require(file.conversations.first)
        #expect(c.date == day("2026-11-20") && c.author == "r.westra" && c.present == ["Sanne Jansen"] && c.location == "thuis")
        #expect(c.domains.map(\.domain) == [.financien])
        #expect(c.agreements == [Agreement(text: "Toeslagen vragen de verrekening te verlagen tot de beslagvrije voet", owner: "Sanne Jansen",
                                           due: day("2026-12-01"), done: false)])
        #expect(file.grants.count == 1)
        let g = try #require(file.grants.first)
        #expect(g.id == "gr-1" && g.route == .custom && g.category == .kinderopvang && g.form == .gift)
        #expect(g.amount == Money(cents: 650_000))
        #expect(g.payee == Payee(name: "Kinderopvang De Zaan", iban: "NL91ABNA0417164300", reference: "Jansen/2026-11"))
        #expect(g.planGoal == "g1" && g.urgencyDate == day("2026-12-01"))
        #expect(g.businessCase.without == [CostItem(label: "Bijstandsuitkering, 1 jaar", amount: Money(cents: 1_200_000))])
        #expect(g.status == .submitted && g.submittedBy == "r.westra")
        #expect(g.submittedAt?.iso == "2026-11-21T10:12:00+01:00")
        #expect(g.decidedBy == nil && g.decidedAt == nil && g.decisionComment == nil && g.paidAt == nil && g.evaluation == nil)
        #expect(file.unknownFields.isEmpty)
    }

    @Test("The demo household written and read again is the same case file")
    func sampleRoundTrip() throws {
        let original = try sampleText()
        let file = try accepted(original)
        let written = CaseFileWriter.text(file)
        #expect(try accepted(written) == file)
        // Written, it is the same JSON as the file on disk (layout and key order aside) …
        #expect(try JSONParser.parse(written).get() == JSONParser.parse(original).get())
        // … and writing it again changes nothing, not even the layout.
        #expect(CaseFileWriter.text(try accepted(written)) == written)
    }

    @Test("Only format, household.name and the members are required")
    func minimalFile() throws {
        let file = try accepted("""
            {"format": "keukentafel-case/1",
             "household": {"name": "Huishouden Klein", "members": [{"name": "Ali Yilmaz", "role": "applicant"}]}}
            """)
        #expect(file == CaseFile(household: Household(name: "Huishouden Klein",
                                                      members: [Member(name: "Ali Yilmaz", birthDate: nil, role: .applicant)])))
        #expect(file.referenceDate == nil && file.policy == nil && file.plan == nil)
    }

    // MARK: - Unknown fields

    /// A field `x-…` at every level docs/case-file.md defines, with values whose text a careless
    /// writer would change: `1.10`, `-0.0`, `2E-3`, a number beyond Double, escapes.
    static let withUnknownFields = #"""
        {
          "format": "keukentafel-case/1",
          "x-root": {"numbers": [1.10, -0.0, 2E-3, 123456789012345678901234567890, true, null], "z": "a", "a": "z"},
          "referenceDate": "2026-11-23",
          "household": {
            "id": "hh-x", "name": "Huishouden Extra", "x-household": 1.50,
            "address": {"street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Ergens", "x-address": "achterom"},
            "members": [{"name": "Ali Yilmaz", "birthDate": "1980-01-31", "role": "applicant", "x-member": [1e2, "een"]}]
          },
          "income": [{"label": "Loon", "amount": "100.00", "frequency": "month", "kind": "salary", "x-income": 0.10}],
          "expenses": [{"label": "Huur", "amount": "50", "frequency": "month", "category": "wonen", "x-expense": -7}],
          "debts": [{"creditor": "CJIB", "amount": "10.5", "status": "open", "x-debt": {"dossier": "A-1", "n": 0}}],
          "deductions": [{"label": "Beslag", "amount": "5", "frequency": "month", "kind": "beslag", "x-deduction": null}],
          "signals": [{"partner": "water", "creditor": "PWN", "amount": "30", "x-signal": 3.14159265358979323846264338}],
          "policy": {"sharePercent": 35, "x-policy": 1.0},
          "lifeDomains": [{"domain": "financien", "score": 3, "x-lifeDomain": "0.50"}],
          "plan": {"goals": [{"id": "g1", "text": "Doel", "x-goal": []}], "x-plan": {}},
          "conversations": [{"date": "2026-11-20", "agreements": [{"text": "Bellen", "x-agreement": false}],
                             "x-conversation": "\u00e9\t\"\\\/\ud83d\ude00\u0001"}],
          "grants": [{"id": "gr-1", "route": "custom", "category": "overig", "amount": "100", "status": "evaluated",
                      "decidedBy": "t.leider", "decidedAt": "2026-11-21T10:00:00+01:00", "paidAt": "2026-11-22T09:00:00Z",
                      "payee": {"name": "P", "iban": "NL91ABNA0417164300", "reference": "r", "x-payee": "1"},
                      "businessCase": {"without": [{"label": "l", "amount": "1", "x-costItem": 2.50}], "x-businessCase": "b"},
                      "evaluation": {"shortTerm": "yes", "participation": "p", "x-evaluation": 10E+1},
                      "x-grant": {"deep": [[["bodem"]]]}}]
        }
        """#

    /// Every `x-…` entry in `json` with its JSON path.
    static func unknownEntries(_ json: JSONValue, path: String = "") -> [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        switch json {
        case .object(let object):
            for (key, value) in object {
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                if key.hasPrefix("x-") { found[childPath] = value } else {
                    found.merge(unknownEntries(value, path: childPath)) { a, _ in a }
                }
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                found.merge(unknownEntries(item, path: "\(path)[\(i)]")) { a, _ in a }
            }
        default: break
        }
        return found
    }

    @Test("Unknown fields at every level survive read → write → read, values and number text unchanged")
    func unknownFieldsSurvive() throws {
        let input = try JSONParser.parse(Self.withUnknownFields).get()
        let expected = Self.unknownEntries(input)
        #expect(expected.count == 20, "the input has an unknown field at each of the 20 levels")

        let file = try accepted(Self.withUnknownFields)
        let written = CaseFileWriter.text(file)
        let again = try accepted(written)
        #expect(again == file)
        // Every unknown field is written back at its own path with its exact value …
        #expect(Self.unknownEntries(try JSONParser.parse(written).get()) == expected)
        // … and after reading again each level still holds it.
        let g = try #require(again.grants.first)
        let levels: [(String, JSONObject)] = [
            ("root", again.unknownFields), ("household", again.household.unknownFields),
            ("address", try #require(again.household.address).unknownFields),
            ("member", again.household.members[0].unknownFields),
            ("income", again.finances.income[0].unknownFields), ("expense", again.finances.expenses[0].unknownFields),
            ("debt", again.finances.debts[0].unknownFields), ("deduction", again.finances.deductions[0].unknownFields),
            ("signal", again.signals[0].unknownFields), ("policy", try #require(again.policy).unknownFields),
            ("lifeDomain", again.lifeDomains[0].unknownFields), ("plan", try #require(again.plan).unknownFields),
            ("goal", try #require(again.plan).goals[0].unknownFields),
            ("conversation", again.conversations[0].unknownFields),
            ("agreement", again.conversations[0].agreements[0].unknownFields),
            ("grant", g.unknownFields), ("payee", g.payee.unknownFields), ("businessCase", g.businessCase.unknownFields),
            ("costItem", g.businessCase.without[0].unknownFields), ("evaluation", try #require(g.evaluation).unknownFields),
        ]
        for (level, unknown) in levels {
            #expect(unknown.keys == ["x-\(level)"], "unknown fields of \(level)")
        }
        #expect(again.household.unknownFields["x-household"] == .number("1.50"))
        #expect(again.finances.income[0].unknownFields["x-income"] == .number("0.10"))
        #expect(again.finances.expenses[0].unknownFields["x-expense"] == .number("-7"))
        #expect(again.finances.deductions[0].unknownFields["x-deduction"] == .null)
        #expect(again.signals[0].unknownFields["x-signal"] == .number("3.14159265358979323846264338"))
        #expect(again.policy?.unknownFields["x-policy"] == .number("1.0"))
        #expect(again.lifeDomains[0].unknownFields["x-lifeDomain"] == .string("0.50"))
        #expect(again.plan?.unknownFields["x-plan"] == .object([:]))
        #expect(g.evaluation?.unknownFields["x-evaluation"] == .number("10E+1"))
        #expect(g.unknownFields["x-grant"] == .object(["deep": .array([.array([.array([.string("bodem")])])])]))
        #expect(again.conversations[0].unknownFields["x-conversation"] == .string("é\t\"\\/😀\u{1}"))
        #expect(again.unknownFields["x-root"] == .object([
            "numbers": .array([.number("1.10"), .number("-0.0"), .number("2E-3"),
                               .number("123456789012345678901234567890"), .bool(true), .null]),
            "z": .string("a"), "a": .string("z"),
        ]))
        // The number text is written as it came, never through a Double.
        for text in ["\"x-household\": 1.50", "\"x-income\": 0.10", "\"x-policy\": 1.0", "\"x-costItem\": 2.50",
                     "\"x-evaluation\": 10E+1", "-0.0", "2E-3", "123456789012345678901234567890",
                     "3.14159265358979323846264338", "\"x-lifeDomain\": \"0.50\""] {
            #expect(written.contains(text), "written file keeps \(text)")
        }
        // Keys inside an unknown object keep their order.
        #expect(again.unknownFields["x-root"]?.objectValue?.keys == ["numbers", "z", "a"])
    }

    // MARK: - Refused files

    struct BadFile: Sendable, CustomTestStringConvertible {
        let old: String, new: String
        let path: String
        let dutch: String, english: String
        var testDescription: String { "\(new) at \(path)" }
    }

    static let badFiles: [BadFile] = [
        BadFile(old: #""amount": "306.00""#, new: #""amount": "12,345.6""#, path: "income[2].amount",
                dutch: #"income[2].amount: "12,345.6" is geen bedrag (verwacht een tekst als "1234.56": cijfers, een punt en hoogstens twee decimalen)"#,
                english: #"income[2].amount: "12,345.6" is not an amount (expected a string like "1234.56": digits, a dot and at most two decimals)"#),
        BadFile(old: #""frequency": "quarter""#, new: #""frequency": "fortnight""#, path: "income[2].frequency",
                dutch: #"income[2].frequency: "fortnight" is geen toegestane waarde (kies uit: week, fourWeeks, month, quarter, halfYear, year)"#,
                english: #"income[2].frequency: "fortnight" is not an allowed value (one of: week, fourWeeks, month, quarter, halfYear, year)"#),
        BadFile(old: #""birthDate": "1991-04-12""#, new: #""birthDate": "2026-02-30""#, path: "household.members[0].birthDate",
                dutch: #"household.members[0].birthDate: "2026-02-30" is geen bestaande datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-11-23)"#,
                english: #"household.members[0].birthDate: "2026-02-30" is not a valid date (expected YYYY-MM-DD, for example 2026-11-23)"#),
        BadFile(old: #""NL91ABNA0417164300""#, new: #""NL91ABNA0417164301""#, path: "grants[0].payee.iban",
                dutch: #"grants[0].payee.iban: "NL91ABNA0417164301" is geen geldig IBAN: de controle (mod 97) klopt niet; controleer op een tikfout"#,
                english: #"grants[0].payee.iban: "NL91ABNA0417164301" is not a valid IBAN: the mod-97 check fails; look for a typing error"#),
        BadFile(old: #""bsn": "111222333""#, new: #""bsn": "123456789""#, path: "household.members[0].bsn",
                dutch: #"household.members[0].bsn: "123456789" is geen geldig BSN (negen cijfers die de elfproef doorstaan)"#,
                english: #"household.members[0].bsn: "123456789" is not a valid BSN (nine digits that pass the 11-test)"#),
        BadFile(old: #""member": "Sanne Jansen""#, new: #""member": "Sanne Janssen""#, path: "income[0].member",
                dutch: #"income[0].member: "Sanne Janssen" is geen lid van het huishouden (household.members)"#,
                english: #"income[0].member: "Sanne Janssen" is not a member of the household (household.members)"#),
        BadFile(old: #""role": "applicant""#, new: #""role": "partner""#, path: "household.members",
                dutch: #"household.members: een huishouden heeft precies één aanvrager (role "applicant"), dit heeft er 0"#,
                english: #"household.members: a household has exactly one applicant (role "applicant"), this one has 0"#),
        BadFile(old: #""role": "child""#, new: #""role": "applicant""#, path: "household.members",
                dutch: #"household.members: een huishouden heeft precies één aanvrager (role "applicant"), dit heeft er 2"#,
                english: #"household.members: a household has exactly one applicant (role "applicant"), this one has 2"#),
        BadFile(old: #""planGoal": "g1""#, new: #""planGoal": "g2""#, path: "grants[0].planGoal",
                dutch: #"grants[0].planGoal: "g2" is geen doel in plan.goals"#,
                english: #"grants[0].planGoal: "g2" is not a goal in plan.goals"#),
    ]

    @Test("A file that breaks one rule is refused with the JSON path and the problem", arguments: badFiles)
    func refusesBadFile(_ bad: BadFile) throws {
        let problems = refused(try sample(replacing: [(bad.old, bad.new)]))
        #expect(problems.map(\.path) == [bad.path])
        #expect(problems.map { $0.message(in: .nl) } == [bad.dutch])
        #expect(problems.map { $0.message(in: .en) } == [bad.english])
    }

    @Test("A household without members is refused, and so is a reference to a member it does not have")
    func missingMembers() {
        let problems = refused("""
            {"format": "keukentafel-case/1", "household": {"name": "Huishouden Leeg"},
             "income": [{"label": "Loon", "amount": "100.00", "frequency": "month", "kind": "salary", "member": "Sanne Jansen"}]}
            """)
        #expect(problems == [
            CaseFileProblem(path: "household.members", kind: .missing),
            CaseFileProblem(path: "income[0].member", kind: .unknownMember("Sanne Jansen")),
        ])
        #expect(problems.first?.message(in: .nl) == "household.members: ontbreekt, maar is verplicht")
        #expect(problems.first?.message(in: .en) == "household.members: is missing but required")

        let noHousehold = refused(#"{"format": "keukentafel-case/1"}"#)
        #expect(noHousehold == [CaseFileProblem(path: "household", kind: .missing)])

        let emptyMembers = refused(#"{"format": "keukentafel-case/1", "household": {"name": "Huishouden Leeg", "members": []}}"#)
        #expect(emptyMembers == [CaseFileProblem(path: "household.members", kind: .applicantCount(0))])
    }

    @Test("A file with three problems lists all three, in file order, each with its path")
    func listsEveryProblem() throws {
        let problems = refused(try sample(replacing: [
            (#""amount": "306.00""#, #""amount": "12,345.6""#),
            (#""birthDate": "1991-04-12""#, #""birthDate": "2026-02-30""#),
            (#""NL91ABNA0417164300""#, #""NL91ABNA0417164301""#),
        ]))
        #expect(problems == [
            CaseFileProblem(path: "household.members[0].birthDate", kind: .notADate("2026-02-30")),
            CaseFileProblem(path: "income[2].amount", kind: .notAnAmount("12,345.6")),
            CaseFileProblem(path: "grants[0].payee.iban", kind: .ibanInvalid("NL91ABNA0417164301", .checksum)),
        ])
    }

    @Test("A file of another format is refused by name")
    func wrongFormat() throws {
        let problems = refused(try sample(replacing: [(#""keukentafel-case/1""#, #""keukentafel-case/2""#)]))
        #expect(problems.map { $0.message(in: .en) } == [#"format: "keukentafel-case/2" is not a known format (expected "keukentafel-case/1")"#])
    }

    // MARK: - JSON syntax

    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int, column: Int
        let reason: JSONParser.Reason
        var testDescription: String { "\(reason.message(in: .en)) at \(line):\(column)" }
    }

    static let syntaxErrors: [SyntaxCase] = [
        SyntaxCase(text: "{\n  \"format\": \"keukentafel-case/1\",\n  \"household\": {\n    \"name\": \"X\"\n    \"members\": []\n  }\n}",
                   line: 5, column: 5, reason: .commaOrBraceMissing),
        // Columns count characters, not bytes: each € is three bytes.
        SyntaxCase(text: #"{"naam": "€€€" x}"#, line: 1, column: 16, reason: .commaOrBraceMissing),
        SyntaxCase(text: "{\n  \"format\": \"keukentafel-case/1", line: 2, column: 32, reason: .stringNotClosed),
        SyntaxCase(text: #"{"a": 1,}"#, line: 1, column: 9, reason: .keyNotQuoted),
        SyntaxCase(text: "[1, 2] x", line: 1, column: 8, reason: .textAfterValue),
        SyntaxCase(text: "", line: 1, column: 1, reason: .unexpectedEnd),
        SyntaxCase(text: "{\"a\": 01}", line: 1, column: 8, reason: .commaOrBraceMissing),
        SyntaxCase(text: "{\"a\": 'x'}", line: 1, column: 7, reason: .unexpectedCharacter),
        SyntaxCase(text: #"["\u+041"]"#, line: 1, column: 5, reason: .hexDigitsMissing),
        SyntaxCase(text: #"["\u-041"]"#, line: 1, column: 5, reason: .hexDigitsMissing),
        // The key is checked when it has been read: the position is just after it.
        SyntaxCase(text: #"{"format": "keukentafel-case/1", "format": "x"}"#, line: 1, column: 42,
                   reason: .keyTwice("format")),
    ]

    @Test("A JSON syntax error is reported with its line and column", arguments: syntaxErrors)
    func syntaxError(_ c: SyntaxCase) {
        let problems = refused(c.text)
        #expect(problems == [CaseFileProblem(path: "", kind: .syntax(line: c.line, column: c.column, reason: c.reason))])
        #expect(problems.first?.message(in: .en) == "(file): not valid JSON at line \(c.line), column \(c.column): \(c.reason.message(in: .en))")
        #expect(problems.first?.message(in: .nl) == "(file): geen geldige JSON op regel \(c.line), kolom \(c.column): \(c.reason.message(in: .nl))")
    }

    @Test("A key that appears twice is refused, also deep in the file")
    func duplicateKeys() throws {
        let text = try sample(replacing: [(#""caseworker": "r.westra","#, #""caseworker": "r.westra", "caseworker": "a.ander","#)])
        #expect(refused(text) == [CaseFileProblem(path: "", kind: .syntax(
            line: 8, column: 43, reason: .keyTwice("caseworker")))])
        #expect(refused(text).first?.message(in: .nl) == #"(file): geen geldige JSON op regel 8, kolom 43: de sleutel "caseworker" komt twee keer voor"#)
    }

    @Test("Nesting is limited to 256 levels; deeper input is refused without exhausting the stack")
    func nestingDepth() throws {
        func nested(_ levels: Int) -> String { String(repeating: "[", count: levels) + String(repeating: "]", count: levels) }
        #expect((try? JSONParser.parse(nested(256)).get()) != nil)
        #expect(JSONParser.parse(nested(257)) == .failure(JSONParser.SyntaxError(
            line: 1, column: 257, reason: .nestedTooDeep(256))))

        // In a case file the root object is the first level: an unknown field may nest 255 deep.
        let prefix = #"{"format": "keukentafel-case/1", "household": {"name": "D", "members": [{"name": "A", "role": "applicant"}]}, "x": "#
        let deepest = try accepted(prefix + nested(255) + "}")
        #expect(try accepted(CaseFileWriter.text(deepest)) == deepest)
        #expect(refused(prefix + nested(256) + "}") == [CaseFileProblem(path: "", kind: .syntax(
            line: 1, column: prefix.count + 256, reason: .nestedTooDeep(256)))])
        // Hostile input far beyond the limit is one problem, not a crash.
        let hostile = refused(prefix + nested(100_000) + "}")
        #expect(hostile.count == 1)
        #expect(hostile.first?.message(in: .en).hasSuffix("nested more than 256 levels deep") == true)
    }

    @Test("A UTF-8 byte-order mark at the start is accepted; positions after it are as an editor shows them")
    func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let plain = try accepted(try sampleText())
        #expect(try CaseFileReader.read(bytes: bom + Array(try sampleText().utf8)).get() == plain)
        // An editor does not show the mark: the '1' below is in column 6 of line 1.
        #expect(CaseFileReader.read(bytes: bom + Array(#"{"a" 1}"#.utf8)) == .failure(CaseFileRejection([
            CaseFileProblem(path: "", kind: .syntax(line: 1, column: 6, reason: .colonMissing))])))
        // Only at the very start: elsewhere it is not whitespace.
        #expect(refused(" \u{FEFF}{}") == [CaseFileProblem(path: "", kind: .syntax(line: 1, column: 2, reason: .unexpectedCharacter))])
    }

    // MARK: - Codable

    @Test("Codable: JSONEncoder and JSONDecoder round-trip the demo household")
    func codableRoundTrip() throws {
        let file = try accepted(try sampleText())
        let data = try JSONEncoder().encode(file)
        #expect(try JSONDecoder().decode(CaseFile.self, from: data) == file)
        // The encoder writes the same JSON as CaseFileWriter (key order aside).
        #expect(try JSONParser.parse(Array(data)).get() == CaseFileWriter.json(file))
    }

    @Test("Codable: a bad file fails to decode with the same problems and paths")
    func codableRefuses() throws {
        let text = try sample(replacing: [(#""amount": "306.00""#, #""amount": "12,345.6""#),
                                          (#""bsn": "111222333""#, #""bsn": "123456789""#)])
        do {
            _ = try JSONDecoder().decode(CaseFile.self, from: Data(text.utf8))
            Issue.record("a bad file decoded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == """
                household.members[0].bsn: "123456789" is not a valid BSN (nine digits that pass the 11-test)
                income[2].amount: "12,345.6" is not an amount (expected a string like "1234.56": digits, a dot and at most two decimals)
                """)
        }
    }
}

/// A grant past draft carries the rules it was submitted under: a file cannot bring in a
/// state the workstation refuses. The sample's gr-1 is maatwerk, submitted, and the
/// household above the norm on 2026-11-21, the day of submission, with the 2026-07-01 table:
/// assessed € 1.750,00 − € 150,00 = € 1.600,00 > threshold € 1.419,46 × 110 % = 1.561,406 → € 1.561,41.
@Suite("Case files: grants past draft follow the rules of their route")
struct RecordedGrantRulesTests {
    /// The problems an import finds in `text` (which must read as a case file).
    static func refused(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [CaseFileProblem] {
        let problems = RecordedGrantRules.problems(in: try acceptedFile(text, sourceLocation: sourceLocation))
        #expect(!problems.isEmpty, "the import would take the file", sourceLocation: sourceLocation)
        return problems
    }

    static func accepted(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CaseFile {
        let file = try acceptedFile(text, sourceLocation: sourceLocation)
        let problems = RecordedGrantRules.problems(in: file)
        #expect(problems.isEmpty, "refused: \(problems.map { $0.message(in: .en) })", sourceLocation: sourceLocation)
        return file
    }
    static let motivation = #""motivation": "De achterstand ontstond buiten Sanne om"#

    /// The sample's motivation replaced by `text` (JSON-escaped by hand: plain text only).
    static func withMotivation(_ text: String, more: [(old: String, new: String)] = []) throws -> String {
        var sampleText = try sample(replacing: more)
        let start = try #require(sampleText.range(of: #""motivation": ""#))
        let end = try #require(sampleText[start.upperBound...].range(of: "\",\n"))
        sampleText.replaceSubrange(start.upperBound..<end.lowerBound, with: text)
        return sampleText
    }

    @Test("Submitted, above the norm, a motivation of 10 characters: refused at grants[0].motivation")
    func shortMotivation() throws {
        let problems = try Self.refused(try Self.withMotivation("Te weinig."))
        #expect(problems == [CaseFileProblem(path: "grants[0].motivation",
                                             kind: .recordedMotivationTooShort(status: "submitted", length: 10, required: 80))])
        #expect(problems.first?.message(in: .nl) == "grants[0].motivation: een maatwerkaanvraag met status \"submitted\" lag bij indiening boven de norm en heeft een motivering van 10 tekens; dan zijn er minstens 80 nodig. Schrijf de motivering uit, of zet de aanvraag terug op \"draft\"")
    }

    @Test("79 characters are refused, 80 are enough; spaces around do not count")
    func boundary() throws {
        let problems = try Self.refused(try Self.withMotivation("  " + String(repeating: "m", count: 79) + "  "))
        #expect(problems.map(\.kind) == [.recordedMotivationTooShort(status: "submitted", length: 79, required: 80)])
        _ = try Self.accepted(try Self.withMotivation(String(repeating: "m", count: 80)))
    }

    @Test("A draft may carry any motivation: it has not been submitted")
    func draft() throws {
        _ = try Self.accepted(try Self.withMotivation("kort", more: [(#""status": "submitted""#, #""status": "draft""#)]))
    }

    @Test("Within the norm at submission, maatwerk needs no long motivation")
    func withinNorm() throws {
        // With a salary of € 1.711,41 the assessed income is € 1.711,41 − € 150,00 = € 1.561,41,
        // exactly the threshold (1.419,46 × 110 % = 1.561,406 → 1.561,41): within. One cent more is above.
        _ = try Self.accepted(try Self.withMotivation("kort", more: [(#""amount": "1750.00""#, #""amount": "1711.41""#)]))
        let above = try Self.refused(try Self.withMotivation("kort", more: [(#""amount": "1750.00""#, #""amount": "1711.42""#)]))
        #expect(above.map(\.path) == ["grants[0].motivation"])
    }

    @Test("The grant's own snapshot decides, not the household's figures of today")
    func snapshotDecides() throws {
        let within = #""snapshot": { "normTest": { "category": "single-21-aow", "normDate": "2025-01-01", "norm": "1345.45", "percentage": 110, "threshold": "1480.00", "assessedIncome": "1400.00", "withinNorm": true }, "draagkracht": null, "grantable": null },"#
        _ = try Self.accepted(try Self.withMotivation("kort", more: [(#""status": "submitted""#, within + #" "status": "submitted""#)]))
    }

    @Test("The central route outside the norm is refused at the route")
    func centralAbove() throws {
        let problems = try Self.refused(try sample(replacing: [(#""route": "custom""#, #""route": "central""#)]))
        #expect(problems == [CaseFileProblem(path: "grants[0].route", kind: .recordedCentralRouteOutsideNorm(status: "submitted", noNorm: false))])
    }

    @Test("Approved by the one who submitted it: refused at decidedBy, unless under the mandate")
    func ownApproval() throws {
        let approved: [(old: String, new: String)] = [
            (#""status": "submitted""#, #""status": "approved""#),
            (#""decidedBy": null, "decidedAt": null"#, #""decidedBy": "r.westra", "decidedAt": "2026-11-21T11:00:00+01:00""#),
        ]
        #expect(try Self.refused(try sample(replacing: approved)) == [CaseFileProblem(path: "grants[0].decidedBy", kind: .recordedOwnApproval(user: "r.westra"))])
        _ = try Self.accepted(try sample(replacing: approved + [(#""paidAt": null"#, #""approvedUnderMandate": true, "paidAt": null"#)]))
        let byLeader = [approved[0], (#""decidedBy": null, "decidedAt": null"#, #""decidedBy": "j.bakker", "decidedAt": "2026-11-21T11:00:00+01:00""#)]
        _ = try Self.accepted(try sample(replacing: byLeader))
    }

    @Test("Every sample household is valid for its grants' states")
    func samplesValid() throws {
        let folder = packageRoot.appendingPathComponent("sample-data")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("hh-") }.sorted()
        #expect(names.count == 9)
        for name in names {
            _ = try Self.accepted(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
