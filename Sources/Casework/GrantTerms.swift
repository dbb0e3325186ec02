/// The terms of a renteloze lening (art. 48 Participatiewet: bijzondere bijstand may be given
/// as an interest-free loan): paid back in equal monthly instalments from a first month; the
/// last instalment is what is left. The number of months follows from the amount and the
/// instalment, so the three can never disagree.
public struct LoanTerms: Equatable, Sendable {
    public var monthlyInstalment: Money
    /// The first month of repayment: its first day.
    public var firstMonth: CalendarDate
    public var unknownFields: JSONObject

    public init(monthlyInstalment: Money, firstMonth: CalendarDate, unknownFields: JSONObject = [:]) {
        self.monthlyInstalment = monthlyInstalment
        self.firstMonth = CalendarDate(year: firstMonth.year, month: firstMonth.month, day: 1)!
        self.unknownFields = unknownFields
    }

    /// Months needed to pay back `amount`: the amount divided by the instalment, rounded up.
    public func months(for amount: Money) -> Int { Self.months(amount, instalment: monthlyInstalment) }

    /// The last instalment: the rest after the equal ones (equal to them when it divides).
    public func lastInstalment(for amount: Money) -> Money { Self.lastInstalment(amount, instalment: monthlyInstalment) }

    /// The same, for an instalment being typed (no first month yet).
    public static func months(_ amount: Money, instalment: Money) -> Int {
        guard instalment > .zero, amount > .zero else { return 0 }
        return (amount.cents + instalment.cents - 1) / instalment.cents
    }

    public static func lastInstalment(_ amount: Money, instalment: Money) -> Money {
        let months = months(amount, instalment: instalment)
        guard months > 0 else { return .zero }
        return amount - Money(cents: instalment.cents * (months - 1))
    }

    /// The month of the last instalment.
    public func lastMonth(for amount: Money) -> CalendarDate { firstMonth.adding(months: max(0, months(for: amount) - 1)) }

    /// At most ten years of repayment: beyond that the instalment is too low to be a plan.
    public static let maximumMonths = 120
}

/// Why loan terms do not hold.
public enum LoanProblem: Equatable, Sendable {
    case instalmentNotPositive
    case instalmentAboveAmount
    case tooManyMonths(Int)
}

extension LoanTerms {
    public func problems(for amount: Money) -> [LoanProblem] {
        if monthlyInstalment <= .zero { return [.instalmentNotPositive] }
        if amount > .zero && monthlyInstalment > amount { return [.instalmentAboveAmount] }
        let months = months(for: amount)
        return months > Self.maximumMonths ? [.tooManyMonths(months)] : []
    }
}

extension LoanProblem {
    public func message(in l: Language) -> String {
        switch self {
        case .instalmentNotPositive:
            return l.pick("Vul de aflossing per maand in: een bedrag groter dan € 0,00.", "Enter the monthly instalment: an amount above € 0,00.")
        case .instalmentAboveAmount:
            return l.pick("De aflossing per maand is hoger dan de lening; maak haar lager.", "The monthly instalment is higher than the loan; make it lower.")
        case .tooManyMonths(let months):
            return l.pick("Met deze aflossing duurt terugbetalen \(months) maanden; meer dan \(LoanTerms.maximumMonths) kan niet. Kies een hogere aflossing.",
                          "With this instalment repayment takes \(months) months; more than \(LoanTerms.maximumMonths) is not possible. Choose a higher instalment.")
        }
    }
}

/// An objection (bezwaar, Awb chapter 6 and 7) against a decision on a grant: when it came
/// in, on what grounds, and — once decided — its outcome.
public struct Objection: Equatable, Sendable {
    /// The day of the decision objected to: the terms count from it.
    public var decisionDate: CalendarDate
    public var received: CalendarDate
    public var grounds: String
    public var recordedBy: String
    public var outcome: ObjectionOutcome?
    public var decidedBy: String?
    public var decidedAt: Moment?
    /// The reasons of the decision on the objection.
    public var reasons: String
    /// What the new decision is, where the objection is upheld ("wij kennen alsnog toe").
    public var newDecision: String
    public var unknownFields: JSONObject

    public init(decisionDate: CalendarDate, received: CalendarDate, grounds: String, recordedBy: String, outcome: ObjectionOutcome? = nil,
                decidedBy: String? = nil, decidedAt: Moment? = nil, reasons: String = "", newDecision: String = "",
                unknownFields: JSONObject = [:]) {
        self.decisionDate = decisionDate; self.received = received; self.grounds = grounds; self.recordedBy = recordedBy; self.outcome = outcome
        self.decidedBy = decidedBy; self.decidedAt = decidedAt; self.reasons = reasons; self.newDecision = newDecision
        self.unknownFields = unknownFields
    }

    public var isOpen: Bool { outcome == nil }
    /// The last day to object against the decision.
    public var objectionDeadline: CalendarDate { ObjectionTerms.objectionDeadline(decided: decisionDate) }
    /// The last day to decide on the objection.
    public var decisionDue: CalendarDate { ObjectionTerms.decisionDue(decided: decisionDate) }
    /// Received after the objection term.
    public var isLate: Bool { received > objectionDeadline }
    /// The objection led to a new decision on the grant.
    public var ledToNewDecision: Bool { outcome?.givesNewDecision ?? false }
}

/// The outcome of an objection: gegrond (the decision is revoked and a new one taken),
/// ongegrond (the decision stands), niet-ontvankelijk (not heard, for example too late).
public enum ObjectionOutcome: String, CaseIterable, Codable, Sendable {
    /// Upheld (gegrond): the decision is taken again.
    public var givesNewDecision: Bool { self == .upheld }

    case upheld = "gegrond"
    case dismissed = "ongegrond"
    case inadmissible = "niet-ontvankelijk"

    public func name(in l: Language) -> String {
        switch self {
        case .upheld: l.pick("gegrond", "upheld")
        case .dismissed: l.pick("ongegrond", "dismissed")
        case .inadmissible: l.pick("niet-ontvankelijk", "inadmissible")
        }
    }
}

/// The terms of the objection procedure, counted as the Algemene termijnenwet counts them.
public enum ObjectionTerms {
    /// The last day to object: six weeks after the decision was made known (Awb 6:7, 6:8).
    public static func objectionDeadline(decided: CalendarDate) -> CalendarDate { LegalTerm.end(after: decided, weeks: 6) }

    /// The last day to decide on an objection: six weeks after the objection term ended
    /// (Awb 7:10 lid 1; the twelve weeks with an advisory committee are not used).
    public static func decisionDue(decided: CalendarDate) -> CalendarDate {
        LegalTerm.end(after: objectionDeadline(decided: decided), weeks: 6)
    }
}
