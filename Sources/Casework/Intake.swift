/// A household as it is taken in at the kitchen table: the applicant, the address, then
/// the others in the house, each typed on a line (see IntakeLines), and the household's
/// name, which follows from the applicant unless typed. What the caseworker typed is kept
/// as typed — it is the draft that survives a crash — and read into a `Household` on saving.
public struct Intake: Equatable, Sendable {
    /// Someone besides the applicant: the line as typed, and the role when it was chosen
    /// (nil: it follows from the age, see `roles`).
    public struct Person: Equatable, Sendable {
        public var line: String
        public var role: MemberRole?
        public init(line: String, role: MemberRole? = nil) { self.line = line; self.role = role }
    }

    public var applicant: String
    public var address: String
    public var others: [Person]
    /// The household's name as typed; empty: "Huishouden" and the applicant's surname.
    public var name: String

    public init(applicant: String = "", address: String = "", others: [Person] = [], name: String = "") {
        self.applicant = applicant; self.address = address; self.others = others; self.name = name
    }

    /// Nothing typed yet.
    public var isEmpty: Bool {
        applicant.isEmpty && address.isEmpty && name.isEmpty && others.allSatisfy { $0.line.isEmpty }
    }

    /// The others who were typed (empty lines are no one).
    public var typedOthers: [Person] { others.filter { !$0.line.trimmingWhitespace().isEmpty } }

    /// The role of each of `others`: as chosen, or by age — under 18 a child; the first
    /// adult the partner; further adults other residents.
    public func roles(today: CalendarDate) -> [MemberRole] {
        var partnerTaken = others.contains { $0.role == .partner }
        return others.map { person in
            if let role = person.role { return role }
            let age = PersonLine.read(person.line, today: today).birthDate?.age(on: today)
            if let age, age < 18 { return .child }
            if !partnerTaken && age != nil { partnerTaken = true; return .partner }
            return .other
        }
    }

    /// "Huishouden Jansen" for Sanne Jansen; "Huishouden Van der Berg" for Kees van der Berg
    /// (a surname standing alone starts with a capital, also its first small word).
    public static func defaultName(applicant name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { return "" }
        let surname = words.count > 1 ? words.dropFirst().joined(separator: " ") : String(first)
        return "Huishouden " + surname.prefix(1).uppercased() + surname.dropFirst()
    }

    /// The name the household gets: as typed, or from the applicant.
    public func householdName(today: CalendarDate) -> String {
        let typed = name.trimmingWhitespace()
        return typed.isEmpty ? Self.defaultName(applicant: PersonLine.read(applicant, today: today).name) : typed
    }

    /// Every problem, with where it is; empty when the intake can be saved.
    public func problems(today: CalendarDate) -> [IntakeProblem] {
        var out: [IntakeProblem] = []
        if applicant.trimmingWhitespace().isEmpty {
            out.append(IntakeProblem(row: .applicant, kind: .applicantMissing))
        } else {
            out += PersonLine.read(applicant, today: today).problems.map { IntakeProblem(row: .applicant, kind: $0) }
        }
        if address.trimmingWhitespace().isEmpty {
            out.append(IntakeProblem(row: .address, kind: .addressMissing))
        } else {
            out += AddressLine.read(address).problems.map { IntakeProblem(row: .address, kind: $0) }
        }
        let roles = roles(today: today)
        var bsns: [String: Int] = [:]
        if let bsn = PersonLine.read(applicant, today: today).bsn { bsns[bsn.digits] = -1 }
        var partners = 0
        for (i, person) in others.enumerated() where !person.line.trimmingWhitespace().isEmpty {
            let read = PersonLine.read(person.line, today: today)
            out += read.problems.map { IntakeProblem(row: .person(i), kind: $0) }
            if let bsn = read.bsn {
                if bsns[bsn.digits] != nil { out.append(IntakeProblem(row: .person(i), kind: .sameBSNTwice(bsn.digits))) }
                bsns[bsn.digits] = i
            }
            if roles[i] == .partner {
                partners += 1
                if partners > 1 { out.append(IntakeProblem(row: .person(i), kind: .secondPartner)) }
            }
        }
        return out
    }

    /// The household, when there is no problem (else nil: `problems` says what is wrong);
    /// `caseworker` is the one typing.
    public func household(caseworker: String?, today: CalendarDate) -> Household? {
        guard problems(today: today).isEmpty else { return nil }
        let first = PersonLine.read(applicant, today: today)
        var members = [Member(name: first.name, birthDate: first.birthDate, role: .applicant, bsn: first.bsn)]
        let roles = roles(today: today)
        // In the household's order: the partner, the children, the others.
        let order: [MemberRole] = [.partner, .child, .other]
        for role in order {
            for (i, person) in others.enumerated() where roles[i] == role && !person.line.trimmingWhitespace().isEmpty {
                let read = PersonLine.read(person.line, today: today)
                members.append(Member(name: read.name, birthDate: read.birthDate, role: role, bsn: read.bsn))
            }
        }
        return Household(name: householdName(today: today), address: AddressLine.read(address).address,
                         caseworker: caseworker, members: members)
    }

    // MARK: as a draft

    /// What was typed, as JSON: the draft in the store.
    public var document: JSONValue {
        .object([
            "applicant": .string(applicant), "address": .string(address), "name": .string(name),
            "others": .array(others.map { p in
                var o: JSONObject = ["line": .string(p.line)]
                if let role = p.role { o["role"] = .string(role.rawValue) }
                return .object(o)
            }),
        ])
    }

    public init?(document: JSONValue) {
        guard let o = document.objectValue else { return nil }
        applicant = o["applicant"]?.stringValue ?? ""
        address = o["address"]?.stringValue ?? ""
        name = o["name"]?.stringValue ?? ""
        others = (o["others"]?.arrayValue ?? []).compactMap { v in
            guard let p = v.objectValue, let line = p["line"]?.stringValue else { return nil }
            return Person(line: line, role: p["role"]?.stringValue.flatMap(MemberRole.init(rawValue:)))
        }
    }
}

/// What is wrong with an intake, and on which line.
public struct IntakeProblem: Equatable, Sendable {
    public enum Row: Equatable, Sendable { case applicant, address, person(Int), name }

    public enum Kind: Equatable, Sendable {
        case applicantMissing, addressMissing
        case nameMissing, birthDateMissing, twoDates, twoBSNs
        case notADate(String), bornInFuture(CalendarDate), bsnFailsElevenTest(String), unclearNumber(String)
        case streetMissing, houseNumberMissing, postcodeMissing, notAPostcode(String), cityMissing
        case secondPartner, sameBSNTwice(String)
    }

    public let row: Row
    public let kind: Kind
    public init(row: Row, kind: Kind) { self.row = row; self.kind = kind }
}

extension IntakeProblem.Kind {
    /// The sentence: what is wrong and what to write.
    public func message(in l: Language) -> String {
        switch self {
        case .applicantMissing:
            l.pick("Vul eerst de aanvrager in: naam, geboortedatum en eventueel BSN.", "Fill in the applicant first: name, birth date and, if known, BSN.")
        case .addressMissing:
            l.pick("Vul het adres in: straat en huisnummer, postcode, plaats.", "Fill in the address: street and house number, postcode, city.")
        case .nameMissing: l.pick("Vul de naam in.", "Fill in the name.")
        case .birthDateMissing:
            l.pick("Zet de geboortedatum erbij, als dd-mm-jjjj.", "Add the birth date, as dd-mm-yyyy.")
        case .twoDates: l.pick("Er staan twee datums; laat alleen de geboortedatum staan.", "There are two dates; keep only the birth date.")
        case .twoBSNs: l.pick("Er staan twee BSN's; laat er één staan.", "There are two BSNs; keep one.")
        case .notADate(let t):
            l.pick("\(t) is geen datum; schrijf dd-mm-jjjj.", "\(t) is not a date; write dd-mm-yyyy.")
        case .bornInFuture(let d):
            l.pick("De geboortedatum \(d.dutch) ligt in de toekomst; kijk het jaar na.", "The birth date \(d.dutch) is in the future; check the year.")
        case .bsnFailsElevenTest(let t):
            l.pick("\(t) is geen geldig BSN (de 11-proef klopt niet); kijk de cijfers na of laat het BSN weg.",
                   "\(t) is not a valid BSN (it fails the 11-test); check the digits or leave the BSN out.")
        case .unclearNumber(let t):
            l.pick("\(t) is geen datum en geen BSN (negen cijfers); kijk het na.", "\(t) is neither a date nor a BSN (nine digits); check it.")
        case .streetMissing: l.pick("Vul de straat en het huisnummer in.", "Fill in the street and house number.")
        case .houseNumberMissing: l.pick("Zet het huisnummer achter de straat.", "Put the house number after the street.")
        case .postcodeMissing: l.pick("Vul de postcode in, zoals 1506 EA.", "Fill in the postcode, like 1506 EA.")
        case .notAPostcode(let t): Postcode.problem(t, in: l)
        case .cityMissing: l.pick("Zet de plaats achter de postcode.", "Put the city after the postcode.")
        case .secondPartner:
            l.pick("Er is al een partner; kies met Ctrl-R een andere rol.", "There already is a partner; choose another role with Ctrl-R.")
        case .sameBSNTwice(let digits):
            l.pick("BSN \(digits) staat al bij iemand anders in dit huishouden.", "BSN \(digits) is already given for someone else in this household.")
        }
    }
}
