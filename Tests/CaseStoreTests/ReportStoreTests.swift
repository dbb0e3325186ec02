import Casework
import Foundation
import Testing
@testable import CaseStore

@Suite("The practice report over a store built for the test")
struct ReportStoreTests {
    static let file = """
    { "format": "keukentafel-case/1", "referenceDate": "2026-11-23",
      "household": { "id": "hh-r", "name": "R", "caseworker": "r.westra", "members": [ { "name": "R", "birthDate": "1980-01-01", "role": "applicant" } ] },
      "grants": [
        { "id": "r-1", "route": "custom", "category": "huurachterstand", "amount": "4000.00", "status": "evaluated",
          "payee": { "name": "X", "iban": "NL91ABNA0417164300" }, "businessCase": { "without": [ { "label": "Ontruiming", "amount": "10000.00" } ] },
          "submittedBy": "r.westra", "submittedAt": "2026-03-01T09:00:00+01:00", "decidedBy": "j.bakker", "decidedAt": "2026-03-03T10:00:00+01:00",
          "paidAt": "2026-03-03T16:00:00+01:00", "evaluation": { "shortTerm": "yes", "participation": "", "societalCost": "higher" } },
        { "id": "r-2", "route": "custom", "category": "schuldhulp", "amount": "3000.00", "status": "evaluated",
          "payee": { "name": "X", "iban": "NL91ABNA0417164300" }, "businessCase": { "without": [ { "label": "Bewind", "amount": "500.00" } ] },
          "submittedBy": "s.elidrissi", "submittedAt": "2026-06-01T09:00:00+02:00", "decidedBy": "j.bakker", "decidedAt": "2026-06-04T09:00:00+02:00",
          "paidAt": "2026-06-05T05:00:00+02:00", "evaluation": { "shortTerm": "no", "participation": "", "societalCost": "lower" } },
        { "id": "r-3", "route": "central", "category": "inrichting", "amount": "1200.00", "status": "paid", "approvedUnderMandate": true,
          "payee": { "name": "X", "iban": "NL91ABNA0417164300" },
          "submittedBy": "r.westra", "submittedAt": "2026-05-10T09:00:00+02:00", "decidedBy": "r.westra", "decidedAt": "2026-05-10T09:00:00+02:00",
          "paidAt": "2026-05-11T15:00:00+02:00" }
      ] }
    """

    @Test("Three grants: one not evaluated, one that cost more than it saved; counted by hand, and by team")
    func handCounted() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            try store.addStaff(StaffMember(user: "x.ander", name: "Ander Team", role: .caseworker, team: "Wijkteam West"), by: leader.actor)
            _ = try store.importCaseFiles([CaseFileSource(name: "r.json", bytes: Array(Self.file.utf8))], by: caseworker)
            let r = PracticeReport.compute(try store.reportFigures(team: nil, from: day("2026-01-01"), to: day("2026-11-23")),
                                           from: day("2026-01-01"), to: day("2026-11-23"),
                                           now: PracticeReport.endOfDay(day("2026-11-23")))
            #expect(r.grants.count == 3)
            #expect(r.grants.total == Money(cents: 820_000))            // 4000 + 3000 + 1200
            #expect(r.unevaluated == 1)                                 // r-3
            #expect(r.netAvoided == Money(cents: 230_000))              // (10000 − 4000) + (500 − 3000) + (0 − 1200) = 2300
            #expect(r.paymentHours == [6, 20, 30])
            #expect(r.late.map(\.id) == ["r-3"])
            #expect(r.underMandate == 1)
            // staff in makeStore have no team; a team nobody of them is in has no grants
            #expect(try store.reportFigures(team: "Wijkteam West", from: day("2026-01-01"), to: day("2026-11-23")).grants.isEmpty)
        }
    }
}
