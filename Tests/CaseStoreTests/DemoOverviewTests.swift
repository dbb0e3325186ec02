import Casework
import Foundation
import Testing
@testable import CaseStore

/// The demo tells its stories on today's law: every sample household opened in a demo store
/// on 2026-12-01, computed with the 2026-07-01 table, against figures worked out by hand
/// (docs/rules.md; the amounts and frequencies are those of sample-data/hh-demo-*.json).
@Suite("The demo households on 2026-12-01, by hand")
struct DemoOverviewTests {
    struct Expected {
        let id: String
        let remaining: Int
        let category: NormCategory
        let norm: Int
        let threshold: Int
        let assessed: Int
        let within: Bool
        let monthly: Int
        let total: Int
        var raise = 0
        var suspended: DraagkrachtSuspension?
    }

    static let day = CalendarDate(iso: "2026-12-01")!

    static let expected: [Expected] = [
        // Sanne: 1750.00 + 310.00 + 306.00/3 − 1495.00 − 150.00 = 517.00; single-21-aow 1419.46;
        // × 1.1 = 1561.406 → 1561.41; 1750.00 − 150.00 = 1600.00 > 1561.41: just above 110 %;
        // (1600.00 − 1419.46) × 0.35 = 63.189 → 63.19; × 12 = 758.28.
        Expected(id: "hh-demo-0001", remaining: 51_700, category: .single21toAOW, norm: 141_946, threshold: 156_141,
                 assessed: 160_000, within: false, monthly: 6_319, total: 75_828),
        // Noëlle: remaining −768.63 (expenses above income); 2128.07 > 1561.41;
        // (2128.07 − 1419.46) × 0.35 = 248.0135 → 248.01; × 12 = 2976.12.
        Expected(id: "hh-demo-0002", remaining: -76_863, category: .single21toAOW, norm: 141_946, threshold: 156_141,
                 assessed: 212_807, within: false, monthly: 24_801, total: 297_612),
        // Bakkal: couple of 40 and 37 with three children: couple-21-aow 2027.79, × 1.1 = 2230.569 → 2230.57;
        // 2150.00 + 580.00 − 560.00 (WSNP) = 2170.00, within; in WSNP, and their file's policy
        // gives no draagkracht during it: 0.00.
        Expected(id: "hh-demo-0003", remaining: 54_707, category: .couple21toAOW, norm: 202_779, threshold: 223_057,
                 assessed: 217_000, within: true, monthly: 0, total: 0, suspended: .debtArrangement),
        // Loïs, 19, cannot rely on her parents: 350.42 + 762.24 = 1112.66 (under the cap 1419.46);
        // × 1.1 = 1223.926 → 1223.93; 1085.00 within; below the base: no draagkracht.
        Expected(id: "hh-demo-0004", remaining: 13_242, category: .single18to20, norm: 111_266, threshold: 122_393,
                 assessed: 108_500, within: true, monthly: 0, total: 0, raise: 76_224),
        // Mulder: 2050.00 within 2230.57; (2050.00 − 2027.79) × 0.35 = 7.7735 → 7.77; × 12 = 93.24.
        Expected(id: "hh-demo-0005", remaining: 63_923, category: .couple21toAOW, norm: 202_779, threshold: 223_057,
                 assessed: 205_000, within: true, monthly: 777, total: 9_324),
        // Al-Khatib/Haddad: 1922.07 (the old norm, their benefit) is below 2027.79: no draagkracht.
        Expected(id: "hh-demo-0006", remaining: 71_449, category: .couple21toAOW, norm: 202_779, threshold: 223_057,
                 assessed: 192_207, within: true, monthly: 0, total: 0),
        // Kok-Chen: 3005.00 − 915.00 garnished = 2090.00 ≤ 2230.57 only because of the beslag;
        // (2090.00 − 2027.79) × 0.35 = 21.7735 → 21.77; × 12 = 261.24.
        Expected(id: "hh-demo-0007", remaining: -44_837, category: .couple21toAOW, norm: 202_779, threshold: 223_057,
                 assessed: 209_000, within: true, monthly: 2_177, total: 26_124),
        // Van der Meer, pensioners: couple-aow 2176.10, × 1.1 = 2393.71; 2729.76 above;
        // (2729.76 − 2176.10) × 0.35 = 193.781 → 193.78; × 12 = 2325.36; plus savings
        // 19500.00 − 16000.00 (a couple's limit) = 3500.00 in full: 5825.36.
        Expected(id: "hh-demo-0008", remaining: 55_357, category: .coupleAOW, norm: 217_610, threshold: 239_371,
                 assessed: 272_976, within: false, monthly: 19_378, total: 582_536),
        // Zijlstra: 1384.40 below the norm 1419.46: within, no draagkracht.
        Expected(id: "hh-demo-0009", remaining: 16_237, category: .single21toAOW, norm: 141_946, threshold: 156_141,
                 assessed: 138_440, within: true, monthly: 0, total: 0),
    ]

    @Test("Each demo household's overview in the store on 2026-12-01", arguments: expected)
    func demoHousehold(_ e: Expected) throws {
        try withTemporaryFolder { folder in
            let clock = WallClock.fixed(Moment(iso: "2026-12-01T09:00:00+01:00")!)
            let store = try Store.createDemo(from: sampleData, at: StoreLocation(path: folder + "/demo/demo.sqlite"), clock: clock)
            let file = try store.caseFile(e.id)
            let o = try store.rules().overview(of: file, on: Self.day).get()
            #expect(o.referenceDate == Self.day)
            #expect(o.normTableDate == CalendarDate(iso: "2026-07-01")!)
            #expect(o.warnings.isEmpty, "\(o.warnings)")
            #expect(o.totals.remaining == Money(cents: e.remaining))
            let t = try #require(o.normTest)
            #expect(t.category == e.category)
            #expect(t.norm == Money(cents: e.norm))
            #expect(t.youthRaise == Money(cents: e.raise))
            #expect(t.threshold == Money(cents: e.threshold))
            #expect(t.assessedIncome == Money(cents: e.assessed))
            #expect(t.withinNorm == e.within)
            let d = try #require(o.draagkracht)
            #expect(d.monthly == Money(cents: e.monthly))
            #expect(d.total == Money(cents: e.total))
            #expect(d.suspended == e.suspended)
        }
    }

    @Test("The demo store carries the demo municipality, for its letters")
    func municipality() throws {
        try withTemporaryFolder { folder in
            let store = try Store.createDemo(from: sampleData, at: StoreLocation(path: folder + "/demo/demo.sqlite"), clock: testClock)
            #expect(try store.municipality()?.name == "Gemeente Zaanstad")
            #expect(try store.municipality()?.code == "0479")
        }
    }
}
