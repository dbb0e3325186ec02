import Foundation
import Testing

@Suite("keukentafel report")
struct ReportCommandTests {
    @Test("--csv writes one figure per row; --from/--to narrow the period; a bad date is a usage error")
    func csvAndPeriod() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("s/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            // The sample households' caseworkers, in the team leader's team: their households are the team's.
            for (user, name) in [("r.westra", "Roos Westra"), ("s.elidrissi", "Samira El Idrissi")] {
                #expect(try CLI.run(["staff", "add", user, "--name", name, "--role", "caseworker", "--store", store]).status == 0)
            }
            #expect(try CLI.run(["import", "--store", store, "sample-data/hh-demo-0003.json", "sample-data/hh-demo-0004.json"]).status == 0)
            let csv = folder.appendingPathComponent("r.csv").path
            #expect(try CLI.run(["report", "--csv", csv, "--store", store]).status == 0)
            let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines.first == "figure,key,count,amount")
            // 0003: 4180.00 and 978.45; 0004: 1100.00 and 650.00 → 4 grants, 6908.45
            #expect(lines.contains("grants,all,4,6908.45"))
            #expect(lines.contains("underMandate,,2,"))
            // only November: 978.45 (decided 22-11), 650.00 (21-11) and 1100.00 (16-11); not 4180.00 (2-10)
            let november = try CLI.run(["report", "--json", "--from", "2026-11-01", "--to", "2026-11-30", "--store", store])
            let grants = try #require(try CLI.object(november.stdout)["grants"] as? [String: Any])
            #expect(grants["count"] as? Int == 3)
            #expect(grants["total"] as? String == "2728.45")
            #expect(try CLI.run(["report", "--from", "1-11-2026", "--store", store]).status == 64)
        }
    }
}
