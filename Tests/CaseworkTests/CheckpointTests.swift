import Testing
@testable import Casework

/// The checkpoint language of practice cases: conditions on a JSON document, read with every
/// problem at its path.
@Suite("Checkpoints: conditions on the exported case file")
struct CheckpointTests {
    static let document: JSONValue = {
        guard case .success(let json) = JSONParser.parse("""
            { "household": { "caseworker": "r.westra", "members": [ { "name": "Zoë Kaya" }, { "name": "Ali Kaya" } ] },
              "deductions": [ { "label": "Verrekening", "amount": "150.00", "kind": "beslag" } ],
              "expenses": [ { "label": "Huur", "amount": "875.00" } ],
              "grants": [ { "category": "borg", "amount": "1100.00", "payee": { "name": "Parteon" }, "motivation": "Afwijking van de norm: …" },
                          { "category": "borg", "amount": "200.00", "payee": { "name": "zoe kaya" } } ],
              "overview": { "normTest": { "withinNorm": false } } }
            """) else { fatalError("the test document does not parse") }
        return json
    }()

    static func holds(_ text: String) throws -> Bool {
        guard case .success(let json) = JSONParser.parse(text) else { throw Failure() }
        var problems: [CaseFileProblem] = []
        let condition = try #require(ConditionReader.read(json, at: "holds", &problems))
        #expect(problems.isEmpty)
        return condition.holds(for: document, root: document)
    }
    struct Failure: Error {}

    @Test("Each form and test, computed by hand on a small document")
    func semantics() throws {
        #expect(try Self.holds(#"{ "path": "deductions.amount", "equals": 150 }"#))            // "150.00" is 150
        #expect(try Self.holds(#"{ "path": "deductions.amount", "equals": "150" }"#))           // as text too, by value
        #expect(try Self.holds(#"{ "path": "overview.normTest.withinNorm", "equals": false }"#))
        #expect(try Self.holds(#"{ "some": "grants", "where": [ { "path": "amount", "above": 1000 }, { "path": "payee.name", "notAmong": "household.members.name" } ] }"#))
        // "zoe kaya" is Zoë Kaya: case and diacritics do not hide a member
        #expect(try !Self.holds(#"{ "some": "grants", "where": [ { "path": "amount", "below": 1000 }, { "path": "payee.name", "notAmong": "household.members.name" } ] }"#))
        #expect(try Self.holds(#"{ "some": "grants", "atLeast": 2, "where": [ { "path": "category", "equals": "borg" } ] }"#))
        #expect(try !Self.holds(#"{ "some": "grants", "atLeast": 3, "where": [ { "path": "category", "equals": "borg" } ] }"#))
        #expect(try Self.holds(#"{ "none": "expenses", "where": [ { "path": "amount", "equals": 150 } ] }"#))
        #expect(try Self.holds(#"{ "some": "grants", "where": [ { "path": "motivation", "contains": "AFWIJKING" } ] }"#))
        #expect(try Self.holds(#"{ "path": "grants.motivation", "minLength": 24 }"#))   // "Afwijking van de norm: …" has 24
        #expect(try !Self.holds(#"{ "path": "grants.motivation", "minLength": 25 }"#))
        #expect(try Self.holds(#"{ "path": "plan.goals", "exists": false }"#))
        #expect(try Self.holds(#"{ "all": [ { "path": "expenses.amount", "atLeast": 875 }, { "path": "expenses.amount", "atMost": 875 } ] }"#))
        #expect(try Self.holds(#"{ "any": [ { "path": "expenses.amount", "above": 875 }, { "not": { "path": "deductions.kind", "equals": "wsnp" } } ] }"#))
    }

    @Test("A practice case that does not read says every problem at its path, and nothing reads")
    func problems() {
        let text = """
        { "format": "keukentafel-practice/1", "id": "x", "level": 4, "title": { "nl": "T" }, "situation": { "nl": "S", "en": "S" },
          "tasks": [], "extra": 1,
          "caseFile": { "format": "keukentafel-case/1", "household": { "name": "H", "members": [ { "name": "A", "role": "applicant" } ] } },
          "checkpoints": [ { "id": "a", "text": { "nl": "a", "en": "a" }, "holds": { "path": "x", "near": 1 } },
                           { "id": "a", "text": { "nl": "b", "en": "b" }, "holds": { "some": "grants", "where": [ { "path": "amount", "above": "veel" } ] } } ] }
        """
        guard case .failure(let rejection) = PracticeCaseReader.read(text: text) else { Issue.record("it read"); return }
        #expect(rejection.problems.map(\.path) == ["extra", "level", "title.en", "tasks", "checkpoints[0].holds", "checkpoints[1].id",
                                                   "checkpoints[1].holds.where[0].above"])
    }
}
