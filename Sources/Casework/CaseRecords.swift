/// The non-financial parts of a case: early-warning signals, life-domain scores, the plan
/// and the conversations. Each keeps the case-file fields it does not know.

/// An early warning of arrears (vroegsignaal), with the fields of the DDAS exchange standard
/// (docs/signals.md): who sent it, how much, since when, when it came in, whether it is a
/// crisis (eviction, cut-off) or handed over warm, and where it stands.
public struct Signal: Equatable, Sendable {
    public typealias Partner = SignalPartner
    public typealias Status = SignalStatus

    /// The sender's id of the signal (DDAS `ID`); nil for one entered by hand.
    public var id: String?
    public var partner: Partner
    public var creditor: String
    /// The amount in arrears.
    public var amount: Money
    /// When the arrears arose (ontstaansdatum).
    public var since: CalendarDate?
    /// When the signal came in (signaaldatum).
    public var received: CalendarDate?
    public var status: Status
    /// Eviction, cut-off or the like: first contact within three working days.
    public var crisis: Bool
    /// Handed over warm by the partner (warme overdracht).
    public var warmHandover: Bool
    /// Why it was not picked up, in words (with a "niet opgepakt" status).
    public var reason: String
    /// The vroegsignaalzaak it belongs to, when one was made.
    public var caseId: String?
    public var unknownFields: JSONObject

    public init(id: String? = nil, partner: Partner, creditor: String, amount: Money, since: CalendarDate? = nil,
                received: CalendarDate? = nil, status: Status = .notYetPickedUp, crisis: Bool = false, warmHandover: Bool = false,
                reason: String = "", caseId: String? = nil, unknownFields: JSONObject = [:]) {
        self.id = id; self.partner = partner; self.creditor = creditor; self.amount = amount; self.since = since
        self.received = received; self.status = status; self.crisis = crisis; self.warmHandover = warmHandover
        self.reason = reason; self.caseId = caseId; self.unknownFields = unknownFields
    }

    /// Still to be worked: not yet picked up, or picked up in a zaak without a result (the
    /// store knows the zaak; here: not set aside with a reason).
    public var isOpen: Bool { status == .notYetPickedUp || status == .pickedUp }
}

/// The 13 areas of life of the Zelfredzaamheid-Matrix (2017).
public enum LifeDomain: String, CaseIterable, Codable, Sendable {
    case financien
    case werkOpleiding = "werk-opleiding"
    case tijdsbesteding, huisvesting
    case huiselijkeRelaties = "huiselijke-relaties"
    case geestelijkeGezondheid = "geestelijke-gezondheid"
    case lichamelijkeGezondheid = "lichamelijke-gezondheid"
    case middelengebruik
    case basaleADL = "basale-adl"
    case instrumenteleADL = "instrumentele-adl"
    case sociaalNetwerk = "sociaal-netwerk"
    case maatschappelijkeParticipatie = "maatschappelijke-participatie"
    case justitie
}

/// A ZRM score: 1 acute problematiek … 5 volledig zelfredzaam, on a date.
public struct LifeDomainScore: Equatable, Sendable {
    public static let scale = 1...5
    /// A score older than this many days is shown as stale.
    public static let staleAfterDays = 30

    public var domain: LifeDomain
    public var score: Int
    public var date: CalendarDate?
    public var note: String
    public var unknownFields: JSONObject

    public init(domain: LifeDomain, score: Int, date: CalendarDate?, note: String = "", unknownFields: JSONObject = [:]) {
        self.domain = domain; self.score = score; self.date = date; self.note = note; self.unknownFields = unknownFields
    }

    public func isStale(on today: CalendarDate) -> Bool {
        guard let date else { return true }
        return today.daysSinceEpoch - date.daysSinceEpoch > LifeDomainScore.staleAfterDays
    }
}

/// One household, one plan: its goals.
/// The one plan of the household (één gezin, één plan), made with the family: goals per
/// area of life, each with who does what by when, and a date to look at it again together.
public struct Plan: Equatable, Sendable {
    public var goals: [Goal]
    /// When the family and the caseworker review the whole plan.
    public var reviewDate: CalendarDate?
    public var unknownFields: JSONObject
    public init(goals: [Goal] = [], reviewDate: CalendarDate? = nil, unknownFields: JSONObject = [:]) {
        self.goals = goals; self.reviewDate = reviewDate; self.unknownFields = unknownFields
    }

    /// The next free goal id: `g1`, `g2`, …
    public var nextGoalID: String {
        let taken = Set(goals.map(\.id))
        return (1...).lazy.map { "g\($0)" }.first { !taken.contains($0) }!
    }
}

public struct Goal: Equatable, Sendable {
    public var id: String
    public var text: String
    public var due: CalendarDate?
    /// The area of life the goal is about.
    public var domain: LifeDomain?
    /// Nil for a goal written before goals had a status: it counts as open.
    public var status: GoalStatus?
    public var actions: [PlanAction]
    public var unknownFields: JSONObject
    public init(id: String, text: String, due: CalendarDate? = nil, domain: LifeDomain? = nil, status: GoalStatus? = nil,
                actions: [PlanAction] = [], unknownFields: JSONObject = [:]) {
        self.id = id; self.text = text; self.due = due; self.domain = domain; self.status = status
        self.actions = actions; self.unknownFields = unknownFields
    }
}

/// How far a goal is.
public enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case open, reached, partly, stopped
}

/// One step of a goal: what, who does it — a member, the caseworker, another professional
/// or organisation, by name — and by when.
public struct PlanAction: Equatable, Sendable {
    public var text: String
    public var who: String
    public var due: CalendarDate?
    public var done: Bool
    public var unknownFields: JSONObject
    public init(text: String, who: String = "", due: CalendarDate? = nil, done: Bool = false, unknownFields: JSONObject = [:]) {
        self.text = text; self.who = who; self.due = due; self.done = done; self.unknownFields = unknownFields
    }

    public func isOverdue(on day: CalendarDate) -> Bool { !done && (due.map { $0 < day } ?? false) }
}

/// The record of one keukentafelgesprek.
public struct Conversation: Equatable, Sendable {
    public var date: CalendarDate?
    public var author: String
    public var present: [String]
    public var location: String
    /// The household's question (hulpvraag).
    public var question: String
    /// Notes per life domain; only touched domains are stored, in the order written.
    public var domains: [(domain: LifeDomain, note: String)]
    public var ownStrength: String
    public var network: String
    public var agreements: [Agreement]
    public var notes: String
    public var unknownFields: JSONObject

    public init(date: CalendarDate?, author: String = "", present: [String] = [], location: String = "",
                question: String = "", domains: [(domain: LifeDomain, note: String)] = [], ownStrength: String = "",
                network: String = "", agreements: [Agreement] = [], notes: String = "", unknownFields: JSONObject = [:]) {
        self.date = date; self.author = author; self.present = present; self.location = location
        self.question = question; self.domains = domains; self.ownStrength = ownStrength; self.network = network
        self.agreements = agreements; self.notes = notes; self.unknownFields = unknownFields
    }

    public static func == (a: Conversation, b: Conversation) -> Bool {
        a.date == b.date && a.author == b.author && a.present == b.present && a.location == b.location
            && a.question == b.question && a.domains.elementsEqual(b.domains, by: { $0 == $1 })
            && a.ownStrength == b.ownStrength && a.network == b.network && a.agreements == b.agreements
            && a.notes == b.notes && a.unknownFields == b.unknownFields
    }
}

/// An action with an owner and a due date.
public struct Agreement: Equatable, Sendable {
    public var text: String
    public var owner: String
    public var due: CalendarDate?
    public var done: Bool
    public var unknownFields: JSONObject

    public init(text: String, owner: String = "", due: CalendarDate? = nil, done: Bool = false, unknownFields: JSONObject = [:]) {
        self.text = text; self.owner = owner; self.due = due; self.done = done; self.unknownFields = unknownFields
    }

    public func isOverdue(on today: CalendarDate) -> Bool {
        guard !done, let due else { return false }
        return due < today
    }
}
