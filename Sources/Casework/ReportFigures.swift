/// What the practice report needs of the grants: a few figures of each grant and of each
/// objection, which the store keeps in columns with every write. A report then reads only
/// the grants decided in its period and the objections received in it — no documents, and
/// not every grant — and still computes exactly what it would from the whole grants.
public struct ReportFigures: Equatable, Sendable {
    public var grants: [GrantFigures]
    public var objections: [ObjectionFigures]

    public init(grants: [GrantFigures], objections: [ObjectionFigures]) {
        self.grants = grants; self.objections = objections
    }

    /// The figures of whole grants (tests, and a case file that is not in a store).
    public init(grants: [Grant]) {
        self.init(grants: grants.map(GrantFigures.init), objections: grants.flatMap { $0.objections.map(ObjectionFigures.init) })
    }
}

/// One grant as the report counts it.
public struct GrantFigures: Equatable, Sendable {
    public var id: String?
    public var status: GrantStatus
    public var route: Route
    public var category: GrantCategory
    public var amount: Money
    public var submittedBy: String?
    public var submittedAt: Moment?
    public var decidedAt: Moment?
    public var paidAt: Moment?
    public var approvedUnderMandate: Bool
    /// The business case: costs avoided minus the grant.
    public var netAvoided: Money
    /// The evaluation's answers, when the grant was evaluated.
    public var shortTerm: Evaluation.Outcome?
    public var societalCost: Evaluation.SocietalCost?

    public init(id: String?, status: GrantStatus, route: Route, category: GrantCategory, amount: Money,
                submittedBy: String?, submittedAt: Moment?, decidedAt: Moment?, paidAt: Moment?,
                approvedUnderMandate: Bool, netAvoided: Money, shortTerm: Evaluation.Outcome?,
                societalCost: Evaluation.SocietalCost?) {
        self.id = id; self.status = status; self.route = route; self.category = category; self.amount = amount
        self.submittedBy = submittedBy; self.submittedAt = submittedAt; self.decidedAt = decidedAt; self.paidAt = paidAt
        self.approvedUnderMandate = approvedUnderMandate; self.netAvoided = netAvoided
        self.shortTerm = shortTerm; self.societalCost = societalCost
    }

    public init(_ g: Grant) {
        self.init(id: g.id, status: g.status, route: g.route, category: g.category, amount: g.amount,
                  submittedBy: g.submittedBy, submittedAt: g.submittedAt, decidedAt: g.decidedAt, paidAt: g.paidAt,
                  approvedUnderMandate: g.approvedUnderMandate, netAvoided: g.businessCase.netAvoided(grant: g.amount),
                  shortTerm: g.evaluation?.shortTerm, societalCost: g.evaluation?.societalCost)
    }

    /// Approved and not paid within 24 hours of the decision (by `now` when still unpaid):
    /// the 24-hour promise broken.
    public func isPaymentLate(now: Moment) -> Bool {
        GrantWorkflow.isPaymentLate(status: status, decidedAt: decidedAt, paidAt: paidAt, now: now)
    }
}

/// One objection as the report counts it.
public struct ObjectionFigures: Equatable, Sendable {
    public var received: CalendarDate
    public var outcome: ObjectionOutcome?

    public init(received: CalendarDate, outcome: ObjectionOutcome?) {
        self.received = received; self.outcome = outcome
    }

    public init(_ o: Objection) { self.init(received: o.received, outcome: o.outcome) }

    public var ledToNewDecision: Bool { outcome?.givesNewDecision ?? false }
}
