/// What the maatwerk practice yields over a period: how many grants and how much, by route,
/// category and caseworker; whether it worked; what it saved; and how fast the money went.
/// Pure arithmetic over the grants, so the dashboard and `keukentafel report` agree.
public struct PracticeReport: Equatable, Sendable {
    public struct Tally: Equatable, Sendable {
        public var count = 0
        public var total = Money.zero
        public init(count: Int = 0, total: Money = .zero) { self.count = count; self.total = total }
        mutating func add(_ m: Money) { count += 1; total = total + m }
    }

    public let from: CalendarDate
    public let to: CalendarDate
    /// Grants approved (decided) in the period: approved, paid or evaluated.
    public var grants = Tally()
    public var byRoute: [Route: Tally] = [:]
    public var byCategory: [GrantCategory: Tally] = [:]
    public var byCaseworker: [String: Tally] = [:]
    public var underMandate = 0
    /// Short-term goal reached, of the evaluated grants.
    public var shortTerm: [Evaluation.Outcome: Int] = [:]
    public var societalCost: [Evaluation.SocietalCost: Int] = [:]
    public var unevaluated = 0
    /// Costs avoided (the business cases) minus the grants, over the grants in the period.
    public var netAvoided = Money.zero
    /// Hours from approval to payment of each paid grant, sorted.
    public var paymentHours: [Int] = []
    /// Days from submission to decision of each decided grant, sorted.
    public var decisionDays: [Int] = []
    /// Grants that broke the 24-hour promise: paid late, or approved and unpaid for longer.
    public var late: [LatePayment] = []
    /// Approved amounts per month of the period, oldest first (for a sparkline).
    public var perMonth: [Money] = []
    /// Objections received in the period: how many, still open, by outcome, and how many
    /// led to a new decision.
    public var objections = 0
    public var objectionsOpen = 0
    public var objectionOutcomes: [ObjectionOutcome: Int] = [:]
    public var objectionsWithNewDecision = 0

    /// An empty report of the period, for `compute` to fill.
    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from; self.to = to
        perMonth = Array(repeating: .zero, count: max(1, (to.year - from.year) * 12 + to.month - from.month + 1))
    }

    /// Adds `amount` to the month of `day` (nothing when that month is outside the period).
    public mutating func addToMonth(of day: CalendarDate, _ amount: Money) {
        let i = (day.year - from.year) * 12 + day.month - from.month
        if perMonth.indices.contains(i) { perMonth[i] = perMonth[i] + amount }
    }

    public var mandateShare: Double? { grants.count == 0 ? nil : Double(underMandate) / Double(grants.count) }

    public var medianPaymentHours: Double? { Self.median(paymentHours) }
    public var medianDecisionDays: Double? { Self.median(decisionDays) }
    public var within24hShare: Double? {
        paymentHours.isEmpty ? nil : Double(paymentHours.filter { $0 <= 24 }.count) / Double(paymentHours.count)
    }

    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The report over `grants` for the period `from`…`to` (both included, by the local date
    /// of the decision), with `now` deciding which unpaid grants are late.
    public static func compute(grants all: [Grant], from: CalendarDate, to: CalendarDate, now: Moment) -> PracticeReport {
        compute(ReportFigures(grants: all), from: from, to: to, now: now)
    }

    /// The same from the figures the store keeps: grants outside the period and objections
    /// received outside it may be among them or not; they count for nothing.
    public static func compute(_ figures: ReportFigures, from: CalendarDate, to: CalendarDate, now: Moment) -> PracticeReport {
        var accumulator = PracticeReportAccumulator(from: from, to: to, now: now)
        for o in figures.objections { accumulator.add(o) }
        for g in figures.grants { accumulator.add(g) }
        return accumulator.finish()
    }

    /// The JSON of `keukentafel report --json`.
    public var json: JSONValue {
        func tally(_ t: Tally) -> JSONValue { .object(["count": .number(String(t.count)), "total": .string(t.total.plain)]) }
        func number(_ d: Double?) -> JSONValue { d.map { .number(Self.decimal($0)) } ?? .null }
        var o = JSONObject()
        o["period"] = .object(["from": .string(from.iso), "to": .string(to.iso)])
        o["grants"] = .object(["count": .number(String(grants.count)), "total": .string(grants.total.plain),
                               "underMandate": .number(String(underMandate)), "underMandateShare": number(mandateShare),
                               "byRoute": .object(JSONObject(Route.allCases.map { (key: $0.rawValue, value: tally(byRoute[$0] ?? Tally())) })),
                               "byCategory": .object(JSONObject(GrantCategory.allCases.compactMap { c in byCategory[c].map { (key: c.rawValue, value: tally($0)) } })),
                               "byCaseworker": .object(JSONObject(byCaseworker.keys.sorted().map { (key: $0, value: tally(byCaseworker[$0]!)) }))])
        o["outcomes"] = .object([
            "shortTerm": .object(JSONObject(Evaluation.Outcome.allCases.map { (key: $0.rawValue, value: .number(String(shortTerm[$0] ?? 0))) })),
            "societalCost": .object(JSONObject(Evaluation.SocietalCost.allCases.map { (key: $0.rawValue, value: .number(String(societalCost[$0] ?? 0))) })),
            "unevaluated": .number(String(unevaluated))])
        o["payment"] = .object(["medianHours": number(medianPaymentHours), "within24hShare": number(within24hShare),
                                "paidCount": .number(String(paymentHours.count)),
                                "late": .array(late.map { .string($0.id ?? "?") })])
        o["decision"] = .object(["medianDays": number(medianDecisionDays)])
        o["businessCase"] = .object(["netAvoided": .string(netAvoided.plain)])
        o["objections"] = .object(["received": .number(String(objections)), "open": .number(String(objectionsOpen)),
                                   "byOutcome": .object(JSONObject(ObjectionOutcome.allCases.map { (key: $0.rawValue, value: .number(String(objectionOutcomes[$0] ?? 0))) })),
                                   "newDecision": .number(String(objectionsWithNewDecision))])
        return .object(o)
    }

    /// The last second of `day` (UTC): "now" for lateness, the same on every screen and in
    /// every report of that day.
    public static func endOfDay(_ day: CalendarDate) -> Moment { Moment(epochSeconds: day.daysSinceEpoch * 86_400 + 86_399) }

    /// A number with at most four decimals, no trailing zeros: 0.6667, 24, 12.5.
    /// A figure for people: at most four decimals, with a decimal comma in Dutch (`6,5`).
    public static func decimal(_ d: Double, in l: Language) -> String {
        let plain = decimal(d)
        return l == .nl ? plain.replacingOccurrences(of: ".", with: ",") : plain
    }

    /// A figure for scripts (JSON, CSV): at most four decimals, a decimal point.
    public static func decimal(_ d: Double) -> String {
        let scaled = Int((d * 10_000).rounded())
        let whole = scaled / 10_000, fraction = abs(scaled % 10_000)
        if fraction == 0 { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return (scaled < 0 && whole == 0 ? "-" : "") + String(whole) + "." + digits
    }
}

/// A grant that broke the 24-hour promise, as the dashboard lists it and the report names it.
public struct LatePayment: Equatable, Sendable {
    public var id: String?
    public var amount: Money
    public var decidedAt: Moment
    public var paidAt: Moment?

    public init(id: String?, amount: Money, decidedAt: Moment, paidAt: Moment?) {
        self.id = id; self.amount = amount; self.decidedAt = decidedAt; self.paidAt = paidAt
    }
}
