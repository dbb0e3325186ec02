import Casework
import Foundation
import Testing
@testable import CaseStore

@Suite("Subject access (inzageverzoek): everything stored about one BSN")
struct SubjectAccessTests {
    /// hh-demo-0001 (Sanne Jansen, BSN 111222333) and another household where the same
    /// person lives with someone else now.
    static func store(in folder: String) throws -> Store {
        let store = try makeStore(in: folder)
        let other = """
            { "format": "keukentafel-case/1", "household": { "id": "hh-later", "name": "Huishouden De Boer",
              "members": [ { "name": "Kees de Boer", "role": "applicant", "bsn": "123456782" },
                           { "name": "Sanne Jansen", "role": "partner", "bsn": "111222333" } ] } }
            """
        _ = try store.importCaseFiles([try sampleSource("hh-demo-0001.json"), try sampleSource("hh-demo-0002.json"),
                                       CaseFileSource(name: "later.json", bytes: Array(other.utf8))], by: caseworker)
        try store.recordView(by: otherCaseworker, household: "hh-later")
        return store
    }

    @Test("Every household with a member of that BSN, whole, with its audit rows and the request itself")
    func found() throws {
        try withTemporaryFolder { folder in
            let store = try Self.store(in: folder)
            let answer = try store.answerSubjectAccess(bsn: try #require(BSN("111222333")), by: leader.actor)
            #expect(answer.households.compactMap(\.household.id) == ["hh-demo-0001", "hh-later"])
            // whole, but the other members' BSNs are theirs: left out (AVG art. 15(4))
            var expected = try store.caseFile("hh-demo-0001")
            for i in expected.household.members.indices where expected.household.members[i].bsn?.digits != "111222333" {
                expected.household.members[i].bsn = nil
            }
            #expect(answer.households[0] == expected)
            let later = answer.households[1].household.members
            #expect(later.map(\.name) == ["Kees de Boer", "Sanne Jansen"])
            #expect(later.map { $0.bsn?.digits } == [nil, "111222333"])
            #expect(answer.audit.map(\.action) == ["household.import", "household.import", "household.view",
                                                   Store.subjectAccessAction, Store.subjectAccessAction])
            #expect(Set(answer.audit.compactMap(\.householdId)) == ["hh-demo-0001", "hh-later"])
            #expect(answer.audit.map(\.id) == answer.audit.map(\.id).sorted())
            #expect(answer.madeBy == "j.bakker")
            let json = JSONWriter.write(answer.json(summary: "twee"))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(parsed["format"] as? String == "keukentafel-subject-access/1")
            #expect(parsed["bsn"] as? String == "111222333")
            #expect((parsed["households"] as? [[String: Any]])?.count == 2)
            #expect((parsed["audit"] as? [[String: Any]])?.count == 5)
            // each household in it reads again as a case file
            let households = try #require(try JSONParser.parse(Array(json.utf8)).get().objectValue?["households"]?.arrayValue)
            for household in households { #expect((try? CaseFileReader.read(household).get()) != nil) }
            // the trail records the request with the BSN masked, never whole
            #expect(try store.auditTrail().allSatisfy { !$0.detail.contains("111222333") })
            #expect(try store.auditTrail().last?.detail == "subject access request, BSN *****2333")
        }
    }

    @Test("Nobody with that BSN: an empty answer, and the request is still recorded")
    func nothing() throws {
        try withTemporaryFolder { folder in
            let store = try Self.store(in: folder)
            let answer = try store.answerSubjectAccess(bsn: try #require(BSN("100000009")), by: leader.actor)
            #expect(answer.households.isEmpty && answer.audit.isEmpty)
            let last = try #require(try store.auditTrail().last)
            #expect(last.action == "subject-access" && last.householdId == nil)
            #expect(last.detail == "subject access request, BSN *****0009: nothing stored")
        }
    }

    @Test("Team leaders only; after anonymisation the BSN finds nothing")
    func rolesAndRetention() throws {
        try withTemporaryFolder { folder in
            let store = try Self.store(in: folder)
            let audit = try count(store, "audit")
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .answerSubjectAccess)) {
                _ = try store.answerSubjectAccess(bsn: BSN("111222333")!, by: caseworker)
            }
            #expect(try count(store, "audit") == audit)
            try store.writer.write { db in try db.execute(sql: "UPDATE household SET status = 'closed' WHERE id = 'hh-later'") }
            #expect(try store.anonymise("hh-later", before: day("2030-01-01"), by: leader.actor, reason: "test"))
            let answer = try store.answerSubjectAccess(bsn: BSN("111222333")!, by: leader.actor)
            #expect(answer.households.compactMap(\.household.id) == ["hh-demo-0001"])
        }
    }
}
