/// Who acts on a grant: the OS user and their role from the staff list.
public struct Actor: Equatable, Sendable {
    public enum Role: String, CaseIterable, Codable, Sendable { case caseworker, teamleader, trainer }
    public var user: String
    public var role: Role
    public init(user: String, role: Role) { self.user = user; self.role = role }
}

/// Why a step on a grant is refused. A step lists every reason at once, so the screen can
/// show them all and the store can refuse the same step when the screen is bypassed.
public enum GrantRefusal: Equatable, Sendable {
    case illegalTransition(from: GrantStatus, action: GrantAction)
    case centralRouteAboveNorm
    case centralRouteWithoutNorm
    case motivationTooShort(length: Int, required: Int)
    case amountNotPositive
    case payeeNameMissing
    case ibanInvalid(IBANError)
    case goalShortMissing
    case notTeamLeader
    case ownRequest
    /// Rejecting or returning says why: the resident's letter and the caseworker need it.
    case commentRequired(GrantAction)
}

public enum GrantAction: String, CaseIterable, Sendable {
    case submit, approve, reject, `return`, reopen, pay, evaluate
    /// A hand-marked payment taken back (a mistake): paid → approved, payable again.
    case unpay
}

/// The grant rules of docs/rules.md as pure functions: each takes the grant and the facts it
/// needs, and returns either the grant after the step or every reason it is refused.
public enum GrantWorkflow {
    /// Motivation of substance: at least this many characters (trimmed) when a maatwerk
    /// request deviates from the norm.
    public static let minimumMotivationLength = 80

    /// The legal transitions, declared once: the status an action leads to from a status, or
    /// nil where the action is not allowed. A submission within the mandate goes on to
    /// `approved` (see `submit`).
    public static func target(of action: GrantAction, from status: GrantStatus) -> GrantStatus? {
        switch (status, action) {
        case (.draft, .submit): .submitted
        case (.submitted, .approve): .approved
        case (.submitted, .reject): .rejected
        case (.submitted, .return): .returned
        case (.returned, .reopen): .draft
        case (.approved, .pay): .paid
        case (.paid, .unpay): .approved
        case (.paid, .evaluate): .evaluated
        default: nil
        }
    }

    private static func transitionRefusal(_ grant: Grant, _ action: GrantAction) -> GrantRefusal? {
        target(of: action, from: grant.status) == nil ? .illegalTransition(from: grant.status, action: action) : nil
    }

    /// The reasons the request may not be submitted as it stands.
    /// `normTest` is the current test of the household (nil when no norm applies).
    public static func submitRefusals(_ grant: Grant, normTest: NormTest?) -> [GrantRefusal] {
        var reasons: [GrantRefusal] = []
        if let refusal = transitionRefusal(grant, .submit) { reasons.append(refusal) }
        if grant.amount <= .zero { reasons.append(.amountNotPositive) }
        reasons += routeRefusals(grant, normTest: normTest)
        if grant.payee.name.trimmingWhitespace().isEmpty { reasons.append(.payeeNameMissing) }
        if case .failure(let error) = IBAN.check(grant.payee.iban) { reasons.append(.ibanInvalid(error)) }
        if grant.goalShort.trimmingWhitespace().isEmpty { reasons.append(.goalShortMissing) }
        return reasons
    }

    /// The rules of the request's route against the norm test it is judged by (nil when no
    /// norm applies): central only within the norm; maatwerk that deviates from it needs a
    /// motivation of substance.
    public static func routeRefusals(_ grant: Grant, normTest: NormTest?) -> [GrantRefusal] {
        switch (grant.route, normTest?.withinNorm) {
        case (.central, nil): return [.centralRouteWithoutNorm]
        case (.central, false?): return [.centralRouteAboveNorm]
        case (.custom, true?), (.central, true?): return []
        case (.custom, _):
            let length = grant.motivation.trimmingWhitespace().count
            return length < minimumMotivationLength ? [.motivationTooShort(length: length, required: minimumMotivationLength)] : []
        }
    }

    /// Submits a draft. Within the mandate the caseworker's own submission approves it
    /// (and it is listed for review afterwards); above it, it waits for a team leader.
    /// `overview` is the household's on the day of submission (nil when no norm table
    /// covers it); its figures are frozen in the request's snapshot.
    public static func submit(_ grant: Grant, by actor: Actor, at moment: Moment, overview: FinancialOverview?,
                              policy: Policy) -> Result<Grant, Refusals> {
        let reasons = submitRefusals(grant, normTest: overview?.normTest)
        guard reasons.isEmpty else { return .failure(Refusals(reasons)) }
        var next = grant
        next.submittedBy = actor.user
        next.submittedAt = moment
        next.snapshot = overview.map { FinancialSnapshot(overview: $0, cost: grant.amount) }
            ?? FinancialSnapshot(normTest: nil, draagkracht: nil, grantable: nil)
        if grant.amount <= policy.mandateLimit {
            next.status = .approved
            next.decidedBy = actor.user
            next.decidedAt = moment
            next.approvedUnderMandate = true
        } else {
            next.status = .submitted
            next.approvedUnderMandate = false
        }
        return .success(next)
    }

    /// A team leader decides on a submitted request. Nobody approves a request they
    /// submitted (four eyes); rejecting or returning needs the team-leader role too.
    public static func decisionRefusals(_ grant: Grant, action: GrantAction, by actor: Actor, comment: String? = nil) -> [GrantRefusal] {
        precondition([.approve, .reject, .return].contains(action), "not a decision: \(action)")
        var reasons: [GrantRefusal] = []
        if let refusal = transitionRefusal(grant, action) { reasons.append(refusal) }
        if actor.role != .teamleader { reasons.append(.notTeamLeader) }
        if action == .approve, grant.submittedBy == actor.user { reasons.append(.ownRequest) }
        if action != .approve, (comment ?? "").trimmingWhitespace().isEmpty { reasons.append(.commentRequired(action)) }
        return reasons
    }

    public static func decide(_ grant: Grant, action: GrantAction, by actor: Actor, at moment: Moment,
                              comment: String?) -> Result<Grant, Refusals> {
        let reasons = decisionRefusals(grant, action: action, by: actor, comment: comment)
        guard reasons.isEmpty else { return .failure(Refusals(reasons)) }
        var next = grant
        next.status = target(of: action, from: grant.status)!
        next.decidedBy = actor.user
        next.decidedAt = moment
        next.decisionComment = comment
        return .success(next)
    }

    /// A returned request goes back to draft, to be mended and submitted again. The
    /// comment of the return stays with it so the caseworker sees what to mend.
    public static func reopen(_ grant: Grant) -> Result<Grant, Refusals> {
        if let refusal = transitionRefusal(grant, .reopen) { return .failure(Refusals([refusal])) }
        var next = grant
        next.status = .draft
        return .success(next)
    }

    /// Takes back a payment marked by hand: approved and payable again.
    public static func unpay(_ grant: Grant) -> Result<Grant, Refusals> {
        if let refusal = transitionRefusal(grant, .unpay) { return .failure(Refusals([refusal])) }
        var next = grant
        next.status = .approved
        next.paidAt = nil
        next.paidBy = nil
        return .success(next)
    }

    /// Marks an approved grant paid to the organisation.
    public static func pay(_ grant: Grant, by actor: Actor, at moment: Moment) -> Result<Grant, Refusals> {
        if let refusal = transitionRefusal(grant, .pay) { return .failure(Refusals([refusal])) }
        var next = grant
        next.status = .paid
        next.paidAt = moment
        next.paidBy = actor.user
        return .success(next)
    }

    /// Records whether it worked.
    public static func evaluate(_ grant: Grant, evaluation: Evaluation) -> Result<Grant, Refusals> {
        if let refusal = transitionRefusal(grant, .evaluate) { return .failure(Refusals([refusal])) }
        var next = grant
        next.status = .evaluated
        next.evaluation = evaluation
        return .success(next)
    }

    /// Payment should follow approval within 24 hours. True when it did not (or, unpaid,
    /// when 24 hours have passed at `now`).
    public static func isPaymentLate(_ grant: Grant, now: Moment) -> Bool {
        guard let approved = grant.decidedAt, [.approved, .paid, .evaluated].contains(grant.status) else { return false }
        let paidOrNow = grant.paidAt ?? now
        return paidOrNow.epochSeconds - approved.epochSeconds > 24 * 3600
    }
}

/// Every reason a step is refused.
public struct Refusals: Error, Equatable, Sendable {
    public let reasons: [GrantRefusal]
    public init(_ reasons: [GrantRefusal]) { self.reasons = reasons }
}

extension GrantRefusal {
    /// The reason in a sentence that says what to do.
    public func message(in l: Language) -> String {
        switch self {
        case .illegalTransition(let from, let action):
            return l.pick("Dit kan niet: een aanvraag die \(from.name(in: l)) is, kan niet \(action.dutchVerb).",
                          "Not possible: a request that is \(from.name(in: l)) cannot be \(action.englishPastParticiple).")
        case .centralRouteAboveNorm:
            return l.pick("De centrale route kan alleen binnen de inkomensnorm; dit huishouden zit erboven. Kies maatwerk en motiveer de afwijking.",
                          "The central route is only possible within the income norm; this household is above it. Choose maatwerk and motivate the deviation.")
        case .centralRouteWithoutNorm:
            return l.pick("De centrale route vraagt een normtoets, maar voor dit huishouden geldt geen norm. Kies maatwerk.",
                          "The central route needs a norm test, but no norm applies to this household. Choose maatwerk.")
        case .motivationTooShort(let length, let required):
            return l.pick("Boven de norm is een motivering van minstens \(required) tekens nodig; er staan er \(length).",
                          "Above the norm a motivation of at least \(required) characters is required; it has \(length).")
        case .amountNotPositive:
            return l.pick("Vul een bedrag groter dan € 0,00 in.", "Enter an amount above € 0,00.")
        case .payeeNameMissing:
            return l.pick("Vul de organisatie in die betaald wordt.", "Enter the organisation that is paid.")
        case .ibanInvalid(let error):
            return l.pick("Het IBAN van de ontvanger ", "The payee's IBAN ") + error.message(in: l) + "."
        case .goalShortMissing:
            return l.pick("Vul het doel op korte termijn in.", "Enter the short-term goal.")
        case .notTeamLeader:
            return l.pick("Alleen een teamleider beslist over een ingediende aanvraag.",
                          "Only a team leader decides on a submitted request.")
        case .ownRequest:
            return l.pick("U kunt een aanvraag die u zelf indiende niet goedkeuren (vier ogen).",
                          "You cannot approve a request you submitted yourself (four eyes).")
        case .commentRequired(let action):
            return action == .reject
                ? l.pick("Schrijf waarom u afwijst: die redenen komen in de brief aan de bewoner.",
                         "Write why you reject it: the reasons go into the letter to the resident.")
                : l.pick("Schrijf waarom u terugstuurt: de regisseur ziet het bij de aanvraag.",
                         "Write why you return it: the caseworker sees it with the request.")
        }
    }
}

extension GrantAction {
    var dutchVerb: String {
        switch self {
        case .submit: "worden ingediend"
        case .approve: "worden goedgekeurd"
        case .reject: "worden afgewezen"
        case .return: "worden teruggestuurd"
        case .reopen: "worden heropend"
        case .pay: "worden betaald"
        case .evaluate: "worden geëvalueerd"
        case .unpay: "terug naar niet betaald"
        }
    }

    public var englishPastParticiple: String {
        switch self {
        case .submit: "submitted"
        case .approve: "approved"
        case .reject: "rejected"
        case .return: "returned"
        case .reopen: "reopened"
        case .unpay: "marked unpaid"
        case .pay: "paid"
        case .evaluate: "evaluated"
        }
    }
}
