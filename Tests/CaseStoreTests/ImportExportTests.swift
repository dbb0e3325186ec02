import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

@Suite("Import and export of case files")
struct ImportExportTests {
    @Test("Import → export → import is lossless for every sample household")
    func roundTripEverySample() throws {
        let names = try sampleFileNames()
        #expect(names.count >= 9, "sample-data has \(names.count) households")
        try withTemporaryFolder { folder in
            let first = try makeStore(in: folder + "/a")
            let second = try makeStore(in: folder + "/b")
            for name in names {
                let source = try sampleSource(name)
                let original = try caseFile(source)
                let ids = try first.importCaseFiles([source], by: caseworker)
                #expect(ids == [original.household.id ?? "?"], "\(name)")
                let exported = try first.caseFile(ids[0])
                #expect(exported == original, "\(name): the stored household differs from the file")
                let text = CaseFileWriter.text(exported)
                let again = try second.importCaseFiles([CaseFileSource(name: name, bytes: Array(text.utf8))], by: caseworker)
                #expect(try second.caseFile(again[0]) == original, "\(name): second import differs")
                // and the overview is the same as from the file
                #expect(try exported.overview(today: day("2026-11-23")).get() == original.overview(today: day("2026-11-23")).get())
            }
        }
    }

    @Test("Unknown fields at every level survive the store")
    func unknownFieldsSurvive() throws {
        let text = """
        { "format": "keukentafel-case/1", "x-root": {"a": [1, 2.50]},
          "household": { "name": "Huishouden Ünal", "x-h": true,
            "address": { "street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Zaandam", "x-a": "adres" },
            "members": [ { "name": "Ayşe Ünal", "role": "applicant", "birthDate": "1980-02-29", "x-m": 1e3 } ] },
          "income": [ { "label": "Loon", "amount": "2000", "frequency": "fourWeeks", "kind": "salary", "x-i": null } ],
          "expenses": [ { "label": "Huur", "amount": "700.5", "frequency": "month", "category": "wonen", "x-e": [] } ],
          "debts": [ { "creditor": "CJIB", "amount": "310.00", "status": "open", "x-d": {} } ],
          "deductions": [ { "label": "Beslag", "amount": "100.00", "frequency": "month", "kind": "beslag", "x-dd": "b" } ],
          "signals": [ { "partner": "water", "creditor": "PWN", "amount": "90.00", "x-s": 2 } ],
          "policy": { "sharePercent": 40, "x-p": "p" },
          "lifeDomains": [ { "domain": "financien", "score": 2, "x-l": "l" } ],
          "plan": { "x-plan": 1, "goals": [ { "id": "g1", "text": "Rust", "x-g": "g" } ] },
          "conversations": [ { "author": "r.westra", "x-c": "c",
              "agreements": [ { "text": "Bellen", "owner": "Ayşe Ünal", "x-ag": "ag" } ] } ],
          "grants": [ { "route": "custom", "category": "overig", "amount": "100.00", "status": "draft", "x-gr": "gr",
              "payee": { "name": "PWN", "iban": "NL91ABNA0417164300", "x-py": "py" },
              "businessCase": { "x-bc": "bc", "without": [ { "label": "Afsluiting", "amount": "400.00", "x-ci": "ci" } ] } } ]
        }
        """
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let original = try CaseFileReader.read(text: text).get()
            let ids = try store.importCaseFiles([CaseFileSource(name: "ünal.json", bytes: Array(text.utf8))], by: caseworker)
            var expected = original
            expected.household.id = ids[0]
            expected.grants[0].id = "gr-000001"
            #expect(try store.caseFile(ids[0]) == expected)
            let written = CaseFileWriter.text(try store.caseFile(ids[0]))
            for marker in ["\"x-root\": {", "\"x-h\": true", "\"x-a\"", "\"x-m\": 1e3", "\"x-i\": null", "\"x-e\": []",
                           "\"x-d\": {}", "\"x-dd\"", "\"x-s\": 2", "\"x-p\"", "\"x-l\"", "\"x-plan\": 1", "\"x-g\"",
                           "\"x-c\"", "\"x-ag\"", "\"x-gr\"", "\"x-py\"", "\"x-bc\"", "\"x-ci\"", "2.50"] {
                #expect(written.contains(marker), "lost \(marker)")
            }
        }
    }

    @Test("Households without an id get a fresh one; an id already used is refused")
    func ids() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let bare = #"{ "format": "keukentafel-case/1", "household": { "name": "A", "members": [ { "name": "A", "role": "applicant" } ] } }"#
            let ids = try store.importCaseFiles([CaseFileSource(name: "a.json", bytes: Array(bare.utf8)),
                                                 CaseFileSource(name: "b.json", bytes: Array(bare.utf8))], by: caseworker)
            #expect(ids == ["hh-000001", "hh-000002"])
            let sample = try sampleSource("hh-demo-0001.json")
            _ = try store.importCaseFiles([sample], by: caseworker)
            #expect(throws: StoreError.importRejected([
                .init(file: "again.json", problem: CaseFileProblem(path: "household.id", kind: .idInStore("hh-demo-0001"))),
                .init(file: "again.json", problem: CaseFileProblem(path: "grants[0].id", kind: .idInStore("gr-1"))),
            ])) {
                _ = try store.importCaseFiles([CaseFileSource(name: "again.json", bytes: sample.bytes)], by: caseworker)
            }
        }
    }

    @Test("A good and a bad file together: nothing is imported, every problem named with its file")
    func allOrNothing() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let before = (try count(store, "household"), try count(store, "ledger_line"), try count(store, "audit"))
            let bad = #"{ "format": "keukentafel-case/1", "household": { "name": "B", "members": [] }, "income": [ { "amount": "12,345.6", "frequency": "month", "kind": "salary" } ] }"#
            do {
                _ = try store.importCaseFiles([try sampleSource("hh-demo-0001.json"),
                                               CaseFileSource(name: "bad.json", bytes: Array(bad.utf8))], by: caseworker)
                Issue.record("the import went through")
            } catch let StoreError.importRejected(problems) {
                #expect(problems.map(\.file) == ["bad.json", "bad.json"])
                #expect(problems.map(\.problem.path) == ["household.members", "income[0].amount"])
            }
            // two files with the same id: refused inside the transaction, nothing left behind
            let sample = try sampleSource("hh-demo-0001.json")
            #expect(throws: StoreError.self) {
                _ = try store.importCaseFiles([sample, CaseFileSource(name: "copy.json", bytes: sample.bytes)], by: caseworker)
            }
            let after = (try count(store, "household"), try count(store, "ledger_line"), try count(store, "audit"))
            #expect(after == before)
        }
    }

    @Test("Every import and every view of a household is in the audit trail")
    func audited() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let ids = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)
            _ = try store.viewCaseFile(ids[0], by: otherCaseworker, action: "household.export")
            let trail = try store.auditTrail(household: ids[0])
            #expect(trail.map(\.action) == ["household.import", "household.export"])
            #expect(trail.map(\.user) == ["r.westra", "s.elidrissi"])
            #expect(trail[0].detail == "from hh-demo-0001.json: 2 members, 7 ledger lines, 1 conversations, 1 grants")
            #expect(throws: StoreError.householdNotFound(id: "hh-nope")) {
                try store.viewCaseFile("hh-nope", by: caseworker, action: "household.export")
            }
        }
    }
}

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
