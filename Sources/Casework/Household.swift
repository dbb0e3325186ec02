/// The people living together who are helped as one.
public struct Household: Equatable, Sendable {
    public var id: String?
    public var name: String
    public var address: Address?
    /// The OS user name of the one caseworker in charge (één regisseur).
    public var caseworker: String?
    public var members: [Member]
    public var unknownFields: JSONObject

    public init(id: String? = nil, name: String, address: Address? = nil, caseworker: String? = nil,
                members: [Member], unknownFields: JSONObject = [:]) {
        self.id = id; self.name = name; self.address = address; self.caseworker = caseworker
        self.members = members; self.unknownFields = unknownFields
    }

    public var applicant: Member? { members.first { $0.role == .applicant } }
    public var partner: Member? { members.first { $0.role == .partner } }
}

public struct Address: Equatable, Sendable {
    public var street: String
    public var postcode: String
    public var city: String
    public var unknownFields: JSONObject

    public init(street: String = "", postcode: String = "", city: String = "", unknownFields: JSONObject = [:]) {
        self.street = street; self.postcode = postcode; self.city = city; self.unknownFields = unknownFields
    }
}

public enum MemberRole: String, CaseIterable, Codable, Sendable {
    /// aanvrager
    case applicant
    case partner
    /// kind
    case child
    /// medebewoner
    case other
}

public struct Member: Equatable, Sendable {
    public var name: String
    public var birthDate: CalendarDate?
    public var role: MemberRole
    public var bsn: BSN?
    /// Why this young adult (18–20) cannot rely on their parents — after youth care or foster
    /// care, for example; nil when they can. Raises the norm (art. 20 lid 3 Pw, from 2026).
    public var cannotRelyOnParents: String?
    public var unknownFields: JSONObject

    public init(name: String, birthDate: CalendarDate?, role: MemberRole, bsn: BSN? = nil,
                cannotRelyOnParents: String? = nil, unknownFields: JSONObject = [:]) {
        self.name = name; self.birthDate = birthDate; self.role = role; self.bsn = bsn
        self.cannotRelyOnParents = cannotRelyOnParents; self.unknownFields = unknownFields
    }

    public func age(on date: CalendarDate) -> Int? { birthDate?.age(on: date) }
}
