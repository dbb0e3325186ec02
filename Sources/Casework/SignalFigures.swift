/// What vroegsignalering yields in a period (dashboard, `report --json`): the signals received
/// by partner type, how many zaken reached the resident, how long until the first contact, and
/// how the zaken ended.
public struct SignalFigures: Equatable, Sendable {
    public var received = 0
    public var byPartner: [SignalPartner: Int] = [:]
    public var crisis = 0
    public var unmatched = 0
    public var cases = 0
    /// Zaken in which an attempt reached the resident.
    public var reached = 0
    /// Days from a zaak's first signal to its first attempt, sorted.
    public var daysToFirstContact: [Int] = []
    public var results: [SignalCaseResult: Int] = [:]

    public var reachedShare: Double? { cases == 0 ? nil : Double(reached) / Double(cases) }
    public var medianDaysToFirstContact: Double? { PracticeReport.median(daysToFirstContact) }

    public init() {}

    /// Over the delivery's content for the period: every signal received in it, with its zaak.
    public static func compute(_ cases: [DDASDelivery.ReportedCase]) -> SignalFigures {
        var f = SignalFigures()
        for c in cases {
            for (s, _) in c.signals {
                f.received += 1
                f.byPartner[s.partner, default: 0] += 1
                if s.crisis { f.crisis += 1 }
            }
            guard let z = c.outreach else { f.unmatched += c.signals.count; continue }
            f.cases += 1
            if z.attempts.contains(where: \.reached) { f.reached += 1 }
            // From the zaak's first signal (its period's start), also when that came in before
            // the period reported on.
            if let first = z.attempts.map(\.date).min() {
                f.daysToFirstContact.append(first.daysSinceEpoch - z.periodStart.daysSinceEpoch)
            }
            if let r = z.result { f.results[r, default: 0] += 1 }
        }
        f.daysToFirstContact.sort()
        return f
    }

    /// The `signals` object of `report --json`.
    public var json: JSONValue {
        func number(_ d: Double?) -> JSONValue { d.map { .number(PracticeReport.decimal($0)) } ?? .null }
        return .object([
            "received": .number(String(received)),
            "byPartner": .object(JSONObject(SignalPartner.allCases.compactMap { p in byPartner[p].map { (key: p.rawValue, value: .number(String($0))) } })),
            "crisis": .number(String(crisis)),
            "unmatched": .number(String(unmatched)),
            "cases": .number(String(cases)),
            "reachedShare": number(reachedShare),
            "medianDaysToFirstContact": number(medianDaysToFirstContact),
            "results": .object(JSONObject(SignalCaseResult.allCases.compactMap { r in results[r].map { (key: r.rawValue, value: .number(String($0))) } })),
        ])
    }
}
