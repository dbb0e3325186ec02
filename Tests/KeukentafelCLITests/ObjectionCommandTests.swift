import Foundation
import Testing

/// `keukentafel objection add|decide|list` and the objections in `report --json` (today is 2026-11-23).
@Suite("keukentafel objection")
struct ObjectionCommandTests {
    @Test("Recorded, refused when wrong (65, 64), listed with its term, decided upheld: the rejection becomes an approval; the report counts it")
    func objection() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("store/k.sqlite").path
            #expect(try CLI.run(["init", "--store", store, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            #expect(try CLI.run(["import", "--store", store, "sample-data/hh-demo-0008.json", CLI.sample]).status == 0)

            let bad = try CLI.run(["objection", "add", "gr-0008-1", "--received", "31-02-2026", "--grounds", "x", "--store", store])
            #expect(bad.status == 64)
            #expect(bad.stderr.contains("--received 31-02-2026 is geen datum; schrijf dd-mm-jjjj."))
            let undecided = try CLI.run(["objection", "add", "gr-1", "--grounds", "Te laat.", "--store", store])
            #expect(undecided.status == 65)
            #expect(undecided.stderr.contains("Bezwaar gaat tegen een besluit; over deze aanvraag (ingediend) is niet beslist."))

            // Rejected Monday 9 November 2026: objection term to 21 December, decision by 1 February 2027.
            let added = try CLI.run(["objection", "add", "gr-0008-1", "--received", "20-11-2026", "--grounds", "Het spaargeld is voor de uitvaart.", "--store", store])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout == "Bezwaar tegen gr-0008-1 vastgelegd; beslissen uiterlijk 01-02-2027.\n")
            let twice = try CLI.run(["objection", "add", "gr-0008-1", "--grounds", "Nog een keer.", "--store", store])
            #expect(twice.status == 65)
            #expect(twice.stderr.contains("Er loopt al een bezwaar tegen dit besluit; beslis eerst daarop."))

            let list = try CLI.run(["objection", "list", "--json", "--store", store])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 1)
            #expect(rows.first?["grant"] as? String == "gr-0008-1")
            #expect(rows.first?["due"] as? String == "2027-02-01")
            #expect(rows.first?["late"] as? Bool == false)
            #expect(rows.first?["outcome"] is NSNull)

            let noReasons = try CLI.run(["objection", "decide", "gr-0008-1", "--outcome", "gegrond", "--reasons", " ", "--store", store])
            #expect(noReasons.status == 65)
            let decided = try CLI.run(["objection", "decide", "gr-0008-1", "--outcome", "gegrond", "--reasons", "De uitvaart gaat voor.", "--store", store])
            #expect(decided.status == 0, "\(decided.stderr)")
            #expect(decided.stdout == "Bezwaar tegen gr-0008-1 gegrond verklaard; de aanvraag is toegekend.\n")

            let report = try CLI.run(["report", "--json", "--team", "alle", "--store", store])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            let objections = try #require(json["objections"] as? [String: Any])
            #expect(objections["received"] as? Int == 1 && objections["open"] as? Int == 0 && objections["newDecision"] as? Int == 1)
            #expect((objections["byOutcome"] as? [String: Any])?["gegrond"] as? Int == 1)
        }
    }
}
