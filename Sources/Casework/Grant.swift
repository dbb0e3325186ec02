/// A request for bijzondere bijstand and its life: draft → submitted → approved | rejected |
/// returned; returned → draft; draft | returned → withdrawn; approved → paid → evaluated;
/// rejected → approved on an upheld objection (docs/rules.md, "Grants (bijzondere bijstand)").
public struct Grant: Equatable, Sendable {
    public var id: String?
    public var route: Route
    public var category: GrantCategory
    public var amount: Money
    public var form: GrantForm
    public var payee: Payee
    public var goalShort: String
    public var goalLong: String
    /// The id of the plan goal this grant serves.
    public var planGoal: String?
    /// For example the eviction date.
    public var urgencyDate: CalendarDate?
    public var motivation: String
    public var businessCase: BusinessCase
    public var status: GrantStatus
    public var submittedBy: String?
    public var submittedAt: Moment?
    public var decidedBy: String?
    public var decidedAt: Moment?
    public var decisionComment: String?
    /// True when the caseworker's own submission approved it (amount within the mandate);
    /// such grants are listed for the team leader's review afterwards.
    public var approvedUnderMandate: Bool
    public var paidAt: Moment?
    public var paidBy: String?
    public var evaluation: Evaluation?
    /// The norm test and draagkracht as they were when the request was submitted.
    public var snapshot: FinancialSnapshot?
    /// The reasons as the decision letter gives them to the resident: their own text, prefilled
    /// from the motivation (approval) or the reviewer's reasons (rejection) and edited for the
    /// letter, so internal notes never go in by themselves.
    public var letterReasons: String
    /// A loan's repayment (art. 48 Pw); nil for a gift.
    public var loan: LoanTerms?
    /// Obligations attached to the grant (art. 55 Pw), such as proof of spending by a date:
    /// tracked as agreements with the resident.
    public var conditions: [Agreement]
    /// Objections against the decision (Awb), oldest first.
    public var objections: [Objection]
    public var unknownFields: JSONObject

    public init(id: String? = nil, route: Route, category: GrantCategory, amount: Money, form: GrantForm = .gift,
                payee: Payee, goalShort: String = "", goalLong: String = "", planGoal: String? = nil,
                urgencyDate: CalendarDate? = nil, motivation: String = "", businessCase: BusinessCase = BusinessCase(),
                status: GrantStatus = .draft, submittedBy: String? = nil, submittedAt: Moment? = nil,
                decidedBy: String? = nil, decidedAt: Moment? = nil, decisionComment: String? = nil,
                approvedUnderMandate: Bool = false, paidAt: Moment? = nil, paidBy: String? = nil,
                evaluation: Evaluation? = nil, snapshot: FinancialSnapshot? = nil, letterReasons: String = "",
                loan: LoanTerms? = nil, conditions: [Agreement] = [], objections: [Objection] = [],
                unknownFields: JSONObject = [:]) {
        self.id = id; self.route = route; self.category = category; self.amount = amount; self.form = form
        self.payee = payee; self.goalShort = goalShort; self.goalLong = goalLong; self.planGoal = planGoal
        self.urgencyDate = urgencyDate; self.motivation = motivation; self.businessCase = businessCase
        self.status = status; self.submittedBy = submittedBy; self.submittedAt = submittedAt
        self.decidedBy = decidedBy; self.decidedAt = decidedAt; self.decisionComment = decisionComment
        self.approvedUnderMandate = approvedUnderMandate; self.paidAt = paidAt; self.paidBy = paidBy
        self.evaluation = evaluation; self.snapshot = snapshot; self.letterReasons = letterReasons
        self.loan = loan; self.conditions = conditions; self.objections = objections
        self.unknownFields = unknownFields
    }

    /// The objection not yet decided, if any.
    public var openObjection: Objection? { objections.last.flatMap { $0.isOpen ? $0 : nil } }
}

public enum Route: String, CaseIterable, Codable, Sendable {
    /// Fixed costs, tested strictly against the income norm.
    case central
    /// Maatwerk: what is needed, motivated in writing when it deviates from the norm.
    case custom
}

public enum GrantCategory: String, CaseIterable, Codable, Sendable {
    case borg, huurachterstand, zorgverzekering, energie, kinderopvang, inrichting
    case bewindvoering, rechtsbijstand, schuldhulp, overig
}

public enum GrantForm: String, CaseIterable, Codable, Sendable {
    case gift
    /// Interest-free loan.
    case loan
}

public enum GrantStatus: String, CaseIterable, Codable, Sendable {
    case draft, submitted, approved, rejected, returned, paid, evaluated
    /// Taken back by the caseworker before a decision (a draft or a returned request): kept
    /// on record, never decided, never paid.
    case withdrawn

    /// A state in which a decision (approval, rejection, return) has been taken.
    public var isDecided: Bool { [.approved, .rejected, .returned, .paid, .evaluated].contains(self) }
    public var isPaid: Bool { self == .paid || self == .evaluated }
}

/// The organisation that is paid — never the household in cash.
public struct Payee: Equatable, Sendable {
    public var name: String
    /// As typed; checked with `IBAN.check` before submitting.
    public var iban: String
    public var reference: String
    public var unknownFields: JSONObject

    public init(name: String = "", iban: String = "", reference: String = "", unknownFields: JSONObject = [:]) {
        self.name = name; self.iban = iban; self.reference = reference; self.unknownFields = unknownFields
    }
}

/// Society's costs without the intervention, as labelled amounts, set against the grant.
public struct BusinessCase: Equatable, Sendable {
    public var without: [CostItem]
    public var unknownFields: JSONObject

    public init(without: [CostItem] = [], unknownFields: JSONObject = [:]) {
        self.without = without; self.unknownFields = unknownFields
    }

    public var costsWithout: Money { without.map(\.amount).sum() }
    /// Costs avoided minus the grant; negative when the grant cost more than it saved.
    public func netAvoided(grant: Money) -> Money { costsWithout - grant }
}

public struct CostItem: Equatable, Sendable {
    public var label: String
    public var amount: Money
    public var unknownFields: JSONObject

    public init(label: String, amount: Money, unknownFields: JSONObject = [:]) {
        self.label = label; self.amount = amount; self.unknownFields = unknownFields
    }
}

public struct Evaluation: Equatable, Sendable {
    public enum Outcome: String, CaseIterable, Codable, Sendable { case yes, partly, no }
    public enum SocietalCost: String, CaseIterable, Codable, Sendable { case higher, similar, lower }

    /// Was the short-term goal reached?
    public var shortTerm: Outcome
    /// The effect on participation, in words.
    public var participation: String
    /// Would society's costs without the grant have been higher? Nil when not assessed.
    public var societalCost: SocietalCost?
    public var unknownFields: JSONObject

    public init(shortTerm: Outcome, participation: String = "", societalCost: SocietalCost? = nil,
                unknownFields: JSONObject = [:]) {
        self.shortTerm = shortTerm; self.participation = participation; self.societalCost = societalCost
        self.unknownFields = unknownFields
    }
}

/// The financial picture at the time of the request, kept with it for the reviewer and the
/// letter: the figures stay those of the day it was submitted, whatever changes later.
public struct FinancialSnapshot: Equatable, Sendable {
    public var normTest: NormTest?
    public var draagkracht: Draagkracht?
    public var grantable: Money?
    /// The draagkracht this request took of its period (nil in files from before periods).
    public var draagkrachtTaken: Money?
    /// The policy version it was decided with (nil in files from before versions).
    public var policyVersion: Int?

    public init(normTest: NormTest?, draagkracht: Draagkracht?, grantable: Money?,
                draagkrachtTaken: Money? = nil, policyVersion: Int? = nil) {
        self.normTest = normTest; self.draagkracht = draagkracht; self.grantable = grantable
        self.draagkrachtTaken = draagkrachtTaken; self.policyVersion = policyVersion
    }

    public init(overview: FinancialOverview, cost: Money) {
        self.init(normTest: overview.normTest, draagkracht: overview.draagkracht,
                  grantable: overview.draagkracht?.grantable(cost: cost),
                  draagkrachtTaken: overview.draagkracht?.taken(by: cost), policyVersion: overview.policyVersion)
    }
}
