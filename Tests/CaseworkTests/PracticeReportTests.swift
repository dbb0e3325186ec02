import Testing
@testable import Casework

@Suite("The practice report: hand-counted")
struct PracticeReportTests {
    static func grant(_ id: String, _ amount: String, route: Route = .custom, category: GrantCategory = .huurachterstand,
                      by: String = "r.westra", submitted: String, decided: String?, paid: String? = nil, status: GrantStatus,
                      mandate: Bool = false, without: String = "0.00", evaluation: Evaluation? = nil) -> Grant {
        Grant(id: id, route: route, category: category, amount: euros(amount), payee: Payee(name: "X", iban: "NL91ABNA0417164300"),
              businessCase: BusinessCase(without: [CostItem(label: "zonder", amount: euros(without))]), status: status,
              submittedBy: by, submittedAt: Moment(iso: submitted), decidedBy: "j.bakker", decidedAt: decided.flatMap(Moment.init(iso:)),
              approvedUnderMandate: mandate, paidAt: paid.flatMap(Moment.init(iso:)), evaluation: evaluation)
    }

    static let grants = [
        // paid after 6 h, evaluated yes/higher, saved 10.000 − 4.000 = 6.000
        grant("a", "4000.00", submitted: "2026-03-01T09:00:00+01:00", decided: "2026-03-03T10:00:00+01:00", paid: "2026-03-03T16:00:00+01:00",
              status: .evaluated, without: "10000.00", evaluation: Evaluation(shortTerm: .yes, societalCost: .higher)),
        // within the mandate, paid after 30 h (late), not evaluated; 1.000 − 1.200 = −200
        grant("b", "1200.00", route: .central, category: .inrichting, by: "s.elidrissi", submitted: "2026-05-10T09:00:00+02:00",
              decided: "2026-05-10T09:00:00+02:00", paid: "2026-05-11T15:00:00+02:00", status: .paid, mandate: true, without: "1000.00"),
        // evaluated no/lower: the grant cost more than it saved: 500 − 3.000 = −2.500; paid after 20 h
        grant("c", "3000.00", category: .schuldhulp, submitted: "2026-06-01T09:00:00+02:00", decided: "2026-06-04T09:00:00+02:00",
              paid: "2026-06-05T05:00:00+02:00", status: .evaluated, without: "500.00", evaluation: Evaluation(shortTerm: .no, societalCost: .lower)),
        // approved, unpaid since 2026-11-20 10:00: late on 23 November; 0 − 800 = −800
        grant("d", "800.00", category: .energie, submitted: "2026-11-19T09:00:00+01:00", decided: "2026-11-20T10:00:00+01:00", status: .approved),
        // not counted: rejected, submitted only, and decided last year
        grant("e", "999.00", submitted: "2026-04-01T09:00:00+02:00", decided: "2026-04-02T09:00:00+02:00", status: .rejected),
        grant("f", "999.00", submitted: "2026-11-22T09:00:00+01:00", decided: nil, status: .submitted),
        grant("g", "999.00", submitted: "2025-12-01T09:00:00+01:00", decided: "2025-12-30T09:00:00+01:00", paid: "2025-12-30T10:00:00+01:00", status: .paid),
    ]

    @Test("Counts, amounts, outcomes, savings and speed, counted by hand")
    func handCounted() {
        let r = PracticeReport.compute(grants: Self.grants, from: day("2026-01-01"), to: day("2026-11-23"),
                                       now: PracticeReport.endOfDay(day("2026-11-23")))
        #expect(r.grants == .init(count: 4, total: euros("9000.00")))                 // 4000 + 1200 + 3000 + 800
        #expect(r.byRoute[.custom] == .init(count: 3, total: euros("7800.00")))
        #expect(r.byRoute[.central] == .init(count: 1, total: euros("1200.00")))
        #expect(r.byCaseworker["s.elidrissi"] == .init(count: 1, total: euros("1200.00")))
        #expect(r.underMandate == 1)
        #expect(r.mandateShare == 0.25)
        #expect(r.shortTerm == [.yes: 1, .no: 1])
        #expect(r.societalCost == [.higher: 1, .lower: 1])
        #expect(r.unevaluated == 2)                                                    // b and d
        #expect(r.netAvoided == euros("2500.00"))                                      // 6000 − 200 − 2500 − 800
        #expect(r.paymentHours == [6, 20, 30])
        #expect(r.medianPaymentHours == 20)
        #expect(r.within24hShare.map { PracticeReport.decimal($0) } == "0.6667")       // 2 of 3
        #expect(r.decisionDays == [0, 1, 2, 3])                                        // b 0, d 1, a 2, c 3
        #expect(r.medianDecisionDays == 1.5)
        #expect(r.late.map(\.id) == ["b", "d"])
        #expect(r.perMonth.count == 11)
        #expect(r.perMonth[2] == euros("4000.00") && r.perMonth[10] == euros("800.00"))
        let json = r.json.objectValue!
        #expect(json["businessCase"]?.objectValue?["netAvoided"] == .string("2500.00"))
        #expect(json["payment"]?.objectValue?["within24hShare"] == .number("0.6667"))
        #expect(json["outcomes"]?.objectValue?["unevaluated"] == .number("2"))
    }

    @Test("Late grants in the order of their decision, then id, in whatever order they are handed over")
    func lateInOrder() {
        // Three grants decided at the same moment written with two offsets (10:00+01:00 is
        // 11:00+02:00), one earlier; all unpaid, so all late on 23 November.
        let late = [
            Self.grant("z", "10.00", submitted: "2026-11-01T09:00:00+01:00", decided: "2026-11-02T10:00:00+01:00", status: .approved),
            Self.grant("y", "10.00", submitted: "2026-11-01T09:00:00+01:00", decided: "2026-11-02T11:00:00+02:00", status: .approved),
            Self.grant("x", "10.00", submitted: "2026-11-01T09:00:00+01:00", decided: "2026-11-02T10:00:00+01:00", status: .approved),
            Self.grant("w", "10.00", submitted: "2026-11-01T09:00:00+01:00", decided: "2026-11-01T12:00:00+01:00", status: .approved),
        ]
        let now = PracticeReport.endOfDay(day("2026-11-23"))
        for handed in [late, late.reversed(), [late[3], late[2], late[1], late[0]], [late[3], late[0], late[2], late[1]]] {
            let r = PracticeReport.compute(grants: handed, from: day("2026-11-01"), to: day("2026-11-23"), now: now)
            #expect(r.late.map(\.id) == ["w", "x", "y", "z"])
        }
    }
}
