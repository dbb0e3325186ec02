/// The practice report counted one grant at a time: what `PracticeReport.compute` does over any
/// grants, and so the definition the store's kept sums (`report_tally`) are held to in the
/// tests. Arrays by the position of a case, not dictionaries, and no array of the figures
/// collected first: it once counted a city's year of grants (8,500) for every report.
public struct PracticeReportAccumulator: Sendable {
    private var report: PracticeReport
    private let fromDay: Int, toDay: Int, now: Moment
    // By the position of the case in `allCases`: an array, not a dictionary, per grant.
    private var routes: [PracticeReport.Tally]
    private var categories: [PracticeReport.Tally]
    private var outcomes: [Int]
    private var costs: [Int]

    public init(from: CalendarDate, to: CalendarDate, now: Moment) {
        report = PracticeReport(from: from, to: to)
        fromDay = from.daysSinceEpoch; toDay = to.daysSinceEpoch; self.now = now
        routes = Array(repeating: .init(), count: Route.allCases.count)
        categories = Array(repeating: .init(), count: GrantCategory.allCases.count)
        outcomes = Array(repeating: 0, count: Evaluation.Outcome.allCases.count)
        costs = Array(repeating: 0, count: Evaluation.SocietalCost.allCases.count)
    }

    /// Counts an objection if it was received in the period.
    public mutating func add(_ o: ObjectionFigures) {
        let day = o.received.daysSinceEpoch
        guard day >= fromDay && day <= toDay else { return }
        report.count(o)
    }

    /// Counts a grant if it was approved (approved, paid or evaluated) with a decision in the period.
    public mutating func add(_ g: GrantFigures) {
        switch g.status {
        case .approved, .paid, .evaluated: break
        default: return
        }
        guard let decided = g.decidedAt else { return }
        let decidedDate = decided.localDate
        let day = decidedDate.daysSinceEpoch
        guard day >= fromDay && day <= toDay else { return }
        report.grants.add(g.amount)
        routes[Self.index(g.route)].add(g.amount)
        categories[Self.index(g.category)].add(g.amount)
        report.byCaseworker[g.submittedBy ?? "?", default: PracticeReport.Tally()].add(g.amount)
        if g.approvedUnderMandate { report.underMandate += 1 }
        report.netAvoided = report.netAvoided + g.netAvoided
        report.addToMonth(of: decidedDate, g.amount)
        if let shortTerm = g.shortTerm, g.status == .evaluated {
            outcomes[Self.index(shortTerm)] += 1
            if let s = g.societalCost { costs[Self.index(s)] += 1 }
        } else {
            report.unevaluated += 1
        }
        if let paid = g.paidAt { report.paymentHours.append(decided.hours(until: paid)) }
        if let submitted = g.submittedAt { report.decisionDays.append(day - submitted.localDate.daysSinceEpoch) }
        if g.isPaymentLate(now: now) { report.late.append(LatePayment(id: g.id, amount: g.amount, decidedAt: decided, paidAt: g.paidAt)) }
    }

    /// The report of everything added.
    public func finish() -> PracticeReport {
        var r = report
        for (i, route) in Route.allCases.enumerated() where routes[i].count > 0 { r.byRoute[route] = routes[i] }
        for (i, c) in GrantCategory.allCases.enumerated() where categories[i].count > 0 { r.byCategory[c] = categories[i] }
        for (i, o) in Evaluation.Outcome.allCases.enumerated() where outcomes[i] > 0 { r.shortTerm[o] = outcomes[i] }
        for (i, s) in Evaluation.SocietalCost.allCases.enumerated() where costs[i] > 0 { r.societalCost[s] = costs[i] }
        r.paymentHours.sort()
        r.decisionDays.sort()
        r.late = PracticeReport.inDecisionOrder(r.late)
        return r
    }

    // `allCases` makes a new array at each use: once here, then a search of at most ten.
    private static let routeCases = Route.allCases, categoryCases = GrantCategory.allCases
    private static let outcomeCases = Evaluation.Outcome.allCases, costCases = Evaluation.SocietalCost.allCases
    private static func index(_ v: Route) -> Int { routeCases.firstIndex(of: v)! }
    private static func index(_ v: GrantCategory) -> Int { categoryCases.firstIndex(of: v)! }
    private static func index(_ v: Evaluation.Outcome) -> Int { outcomeCases.firstIndex(of: v)! }
    private static func index(_ v: Evaluation.SocietalCost) -> Int { costCases.firstIndex(of: v)! }
}

extension PracticeReport {
    /// Counts an objection (the caller knows it was received in the period).
    public mutating func count(_ o: ObjectionFigures) {
        objections += 1
        if let outcome = o.outcome { objectionOutcomes[outcome, default: 0] += 1 } else { objectionsOpen += 1 }
        if o.ledToNewDecision { objectionsWithNewDecision += 1 }
    }

    /// Late grants by decision, then id. A store hands them over in that order, so the check is
    /// usually all.
    public static func inDecisionOrder(_ late: [LatePayment]) -> [LatePayment] {
        func before(_ a: LatePayment, _ b: LatePayment) -> Bool {
            let x = a.decidedAt.epochSeconds, y = b.decidedAt.epochSeconds
            return x != y ? x < y : (a.id ?? "") < (b.id ?? "")
        }
        guard zip(late, late.dropFirst()).contains(where: { before($1, $0) }) else { return late }
        return late.sorted(by: before)
    }
}
