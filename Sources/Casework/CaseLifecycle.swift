/// A case from its start to its end: why a household is closed, and the households that
/// may be the same family as one being taken in.

/// Why a household is closed. `overgedragen` (to whom) and `anders` need a note.
public enum ClosingReason: String, CaseIterable, Codable, Sendable {
    case goalsReached = "doelen-bereikt"
    case moved = "verhuisd"
    case handedOver = "overgedragen"
    case noContact = "geen-contact"
    case deceased = "overleden"
    case other = "anders"

    /// Whether the reason needs a note to be understood later.
    public var needsNote: Bool { self == .handedOver || self == .other }

    public func name(in l: Language) -> String {
        switch self {
        case .goalsReached: l.pick("doelen bereikt", "goals reached")
        case .moved: l.pick("verhuisd", "moved away")
        case .handedOver: l.pick("overgedragen aan…", "handed over to…")
        case .noContact: l.pick("geen contact", "no contact")
        case .deceased: l.pick("overleden", "deceased")
        case .other: l.pick("anders", "other")
        }
    }
}

/// An open household that may be the family being taken in (or imported): shown before
/// saving, so no family gets two households, two caseworkers and two plans.
public struct PossibleDuplicate: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The BSN of `member` of the new household is in that household.
        case bsn(member: String)
        /// Someone there has the name and birth date of `member`.
        case nameAndBirthDate(member: String)
        case address
    }

    public let householdId: String
    public let householdName: String
    public let caseworker: String?
    public let reasons: [Reason]

    public init(householdId: String, householdName: String, caseworker: String?, reasons: [Reason]) {
        self.householdId = householdId; self.householdName = householdName; self.caseworker = caseworker; self.reasons = reasons
    }

    /// "BSN van Sanne Jansen; zelfde adres".
    public func why(in l: Language) -> String {
        reasons.map { reason in
            switch reason {
            case .bsn(let member): l.pick("BSN van \(member)", "BSN of \(member)")
            case .nameAndBirthDate(let member): l.pick("naam en geboortedatum van \(member)", "name and birth date of \(member)")
            case .address: l.pick("zelfde adres", "same address")
            }
        }.joined(separator: "; ")
    }

    /// One line for a message or the audit trail: "hh-000012 Huishouden Jansen (r.westra): BSN van Sanne Jansen".
    /// Names come from the store or an imported file: made printable, so a tab or an escape
    /// sequence in one shows instead of acting on the terminal.
    public func sentence(in l: Language) -> String {
        ShownText.printable("\(householdId) \(householdName) (\(caseworker ?? l.pick("niet toegewezen", "unassigned"))): " + why(in: l))
    }
}

extension PossibleDuplicate {
    /// For `--json` output: `{"householdId", "name", "caseworker", "reasons": [{"reason", "member"}]}`.
    public var json: JSONValue {
        .object([
            "householdId": .string(householdId), "name": .string(householdName),
            "caseworker": caseworker.map(JSONValue.string) ?? .null,
            "reasons": .array(reasons.map { reason in
                switch reason {
                case .bsn(let member): .object(["reason": .string("bsn"), "member": .string(member)])
                case .nameAndBirthDate(let member): .object(["reason": .string("name-and-birth-date"), "member": .string(member)])
                case .address: .object(["reason": .string("address")])
                }
            }),
        ])
    }
}
