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
    /// Only a payment marked by hand is taken back: one paid through a payment file, or
    /// imported as paid, would then be paid twice.
    case notMarkedPaidByHand
    /// Rejecting or returning says why: the resident's letter and the caseworker need it.
    case commentRequired(GrantAction)
    /// A loan's terms that do not hold (art. 48 Pw).
    case loan(LoanProblem)
    /// A loan needs its terms before it goes in.
    case loanTermsMissing
    /// An objection goes against a decision taken: approved, rejected, paid or evaluated.
    case objectionWithoutDecision(GrantStatus)
    case objectionAlreadyOpen
    case objectionGroundsMissing
    case objectionReceivedBeforeDecision
    case objectionReceivedInFuture
    case noOpenObjection
    case objectionReasonsRequired
    /// An upheld objection on an approved grant says what the new decision is.
    case newDecisionRequired
    /// Whoever took the decision, or submitted the request, does not decide the objection (Awb 7:5, four eyes).
    case objectionOwnDecision
}

public enum GrantAction: String, CaseIterable, Sendable {
    case submit, approve, reject, `return`, reopen, pay, evaluate
    /// A hand-marked payment taken back (a mistake): paid → approved, payable again.
    case unpay
    /// The caseworker takes back a draft or a returned request.
    case withdraw
    /// A rejection revoked on an upheld objection: the grant is approved by the new decision.
    case reconsider
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
        case (.draft, .withdraw), (.returned, .withdraw): .withdrawn
        case (.rejected, .reconsider): .approved
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
        reasons += loanRefusals(grant)
        return reasons
    }

    /// A loan goes in with its terms, and terms that hold; a gift carries none.
    public static func loanRefusals(_ grant: Grant) -> [GrantRefusal] {
        guard grant.form == .loan else { return [] }
        guard let loan = grant.loan else { return [.loanTermsMissing] }
        return loan.problems(for: grant.amount).map(GrantRefusal.loan)
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
        // The application's date is the first submission: a request returned, mended and sent
        // in again keeps it (the decision term and the letter count from it).
        next.submittedAt = grant.submittedAt ?? moment
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

    /// `letterReasons`: the reasons for the resident as the reviewer edited them (approval,
    /// rejection); a rejection's reasons also count as its comment.
    public static func decide(_ grant: Grant, action: GrantAction, by actor: Actor, at moment: Moment,
                              comment: String?, letterReasons: String? = nil) -> Result<Grant, Refusals> {
        let written = comment.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
            ?? (action == .reject ? letterReasons : nil)
        let reasons = decisionRefusals(grant, action: action, by: actor, comment: written)
        guard reasons.isEmpty else { return .failure(Refusals(reasons)) }
        var next = grant
        next.status = target(of: action, from: grant.status)!
        next.decidedBy = actor.user
        next.decidedAt = moment
        next.decisionComment = written
        if action != .return, let letterReasons { next.letterReasons = letterReasons.trimmingWhitespace() }
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

    /// The caseworker withdraws a draft or a returned request: it stays on record, withdrawn.
    public static func withdraw(_ grant: Grant) -> Result<Grant, Refusals> {
        if let refusal = transitionRefusal(grant, .withdraw) { return .failure(Refusals([refusal])) }
        var next = grant
        next.status = .withdrawn
        return .success(next)
    }

    /// Records an objection received against the decision on the grant (one open at a time).
    /// `today` is the day it is recorded: an objection is not received in the future.
    /// `madeKnown` is the day the decision letter was sent (the objection term runs from it,
    /// Awb 6:8); nil when no letter was kept, and the decision's own day counts.
    public static func recordObjection(_ grant: Grant, received: CalendarDate, grounds: String, by actor: Actor,
                                       today: CalendarDate, madeKnown: CalendarDate? = nil) -> Result<Grant, Refusals> {
        var reasons: [GrantRefusal] = []
        if ![.approved, .rejected, .paid, .evaluated].contains(grant.status) { reasons.append(.objectionWithoutDecision(grant.status)) }
        if grant.openObjection != nil { reasons.append(.objectionAlreadyOpen) }
        if grounds.trimmingWhitespace().isEmpty { reasons.append(.objectionGroundsMissing) }
        let decided = grant.decidedAt?.localDate ?? received
        if received < decided { reasons.append(.objectionReceivedBeforeDecision) }
        if received > today { reasons.append(.objectionReceivedInFuture) }
        guard reasons.isEmpty else { return .failure(Refusals(reasons)) }
        var next = grant
        next.objections.append(Objection(decisionDate: madeKnown.map { Swift.max($0, decided) } ?? decided, received: received,
                                         grounds: grounds, recordedBy: actor.user))
        return .success(next)
    }

    /// A team leader decides the open objection. Upheld against a rejection, the new decision
    /// approves the grant (payable from then on, with the decision's reasons in the letter);
    /// upheld against an approval, `newDecision` says what changes.
    public static func decideObjection(_ grant: Grant, outcome: ObjectionOutcome, reasons text: String, newDecision: String,
                                       by actor: Actor, at moment: Moment) -> Result<Grant, Refusals> {
        var reasons: [GrantRefusal] = []
        if actor.role != .teamleader { reasons.append(.notTeamLeader) }
        if actor.user == grant.decidedBy || actor.user == grant.submittedBy { reasons.append(.objectionOwnDecision) }
        if grant.openObjection == nil { reasons.append(.noOpenObjection) }
        if text.trimmingWhitespace().isEmpty { reasons.append(.objectionReasonsRequired) }
        if outcome == .upheld, grant.status != .rejected, newDecision.trimmingWhitespace().isEmpty { reasons.append(.newDecisionRequired) }
        guard reasons.isEmpty else { return .failure(Refusals(reasons)) }
        var next = grant
        var objection = next.objections.removeLast()
        objection.outcome = outcome
        objection.decidedBy = actor.user
        objection.decidedAt = moment
        objection.reasons = text
        objection.newDecision = newDecision
        if outcome == .upheld && grant.status == .rejected {
            if objection.newDecision.trimmingWhitespace().isEmpty {
                objection.newDecision = "De afwijzing is herroepen; de aanvraag is alsnog toegekend."
            }
            next.status = target(of: .reconsider, from: grant.status)!
            next.decidedBy = actor.user
            next.decidedAt = moment
            next.approvedUnderMandate = false
            next.letterReasons = text
        }
        next.objections.append(objection)
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
        isPaymentLate(status: grant.status, decidedAt: grant.decidedAt, paidAt: grant.paidAt, now: now)
    }

    public static func isPaymentLate(status: GrantStatus, decidedAt: Moment?, paidAt: Moment?, now: Moment) -> Bool {
        guard let approved = decidedAt, [.approved, .paid, .evaluated].contains(status) else { return false }
        let paidOrNow = paidAt ?? now
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
        case .notMarkedPaidByHand:
            return l.pick("Alleen een betaling die met de hand op betaald is gezet, gaat terug; deze aanvraag is anders betaald en zou dan twee keer betaald worden.",
                          "Only a payment marked paid by hand is taken back; this grant was paid otherwise and would then be paid twice.")
        case .ownRequest:
            return l.pick("U kunt een aanvraag die u zelf indiende niet goedkeuren (vier ogen).",
                          "You cannot approve a request you submitted yourself (four eyes).")
        case .commentRequired(let action):
            return action == .reject
                ? l.pick("Schrijf waarom u afwijst: die redenen komen in de brief aan de bewoner.",
                         "Write why you reject it: the reasons go into the letter to the resident.")
                : l.pick("Schrijf waarom u terugstuurt: de regisseur ziet het bij de aanvraag.",
                         "Write why you return it: the caseworker sees it with the request.")
        case .loan(let problem):
            return problem.message(in: l)
        case .loanTermsMissing:
            return l.pick("Een lening heeft een aflossing per maand en een eerste maand nodig; vul ze in.",
                          "A loan needs a monthly instalment and a first month; fill them in.")
        case .objectionWithoutDecision(let status):
            return l.pick("Bezwaar gaat tegen een besluit; over deze aanvraag (\(status.name(in: l))) is niet beslist.",
                          "An objection is against a decision; this request (\(status.name(in: l))) has none.")
        case .objectionAlreadyOpen:
            return l.pick("Er loopt al een bezwaar tegen dit besluit; beslis eerst daarop.",
                          "An objection against this decision is already open; decide it first.")
        case .objectionGroundsMissing:
            return l.pick("Schrijf de gronden van het bezwaar op: waarom is de bewoner het er niet mee eens?",
                          "Write down the grounds of the objection: why does the resident disagree?")
        case .objectionReceivedBeforeDecision:
            return l.pick("Het bezwaar kan niet eerder zijn ontvangen dan het besluit; controleer de datum.",
                          "The objection cannot have been received before the decision; check the date.")
        case .objectionReceivedInFuture:
            return l.pick("De ontvangstdatum ligt in de toekomst; vul de dag in waarop het bezwaar binnenkwam.",
                          "The date received is in the future; enter the day the objection came in.")
        case .noOpenObjection:
            return l.pick("Er loopt geen bezwaar tegen deze aanvraag.", "No objection is open against this request.")
        case .objectionReasonsRequired:
            return l.pick("Schrijf de motivering van de beslissing op bezwaar: die krijgt de bewoner.",
                          "Write the reasons of the decision on the objection: the resident receives them.")
        case .objectionOwnDecision:
            return l.pick("Wie het besluit nam of de aanvraag indiende, beslist niet op het bezwaar (Awb 7:5): laat een andere teamleider beslissen.",
                          "Whoever took the decision or submitted the request does not decide the objection (Awb 7:5): let another team leader decide.")
        case .newDecisionRequired:
            return l.pick("Gegrond: schrijf wat het nieuwe besluit is (bijvoorbeeld: de lening wordt een gift).",
                          "Upheld: write what the new decision is (for example: the loan becomes a gift).")
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
        case .withdraw: "worden ingetrokken"
        case .reconsider: "worden heroverwogen"
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
        case .withdraw: "withdrawn"
        case .reconsider: "reconsidered"
        }
    }
}
