import CaseStore
import Casework

/// The words the screens use for the domain's codes, in Dutch and English.
extension LifeDomain {
    public func name(in l: Language) -> String {
        switch self {
        case .financien: l.pick("Financiën", "Finances")
        case .werkOpleiding: l.pick("Werk & opleiding", "Work & education")
        case .tijdsbesteding: l.pick("Tijdsbesteding", "Daytime activities")
        case .huisvesting: l.pick("Huisvesting", "Housing")
        case .huiselijkeRelaties: l.pick("Huiselijke relaties", "Domestic relations")
        case .geestelijkeGezondheid: l.pick("Geestelijke gezondheid", "Mental health")
        case .lichamelijkeGezondheid: l.pick("Lichamelijke gezondheid", "Physical health")
        case .middelengebruik: l.pick("Middelengebruik", "Substance use")
        case .basaleADL: l.pick("Basale ADL", "Basic ADL")
        case .instrumenteleADL: l.pick("Instrumentele ADL", "Instrumental ADL")
        case .sociaalNetwerk: l.pick("Sociaal netwerk", "Social network")
        case .maatschappelijkeParticipatie: l.pick("Maatsch. participatie", "Community participation")
        case .justitie: l.pick("Justitie", "Justice")
        }
    }
}

enum ZRM {
    /// The label of a score on the ZRM scale.
    static func label(_ score: Int, in l: Language) -> String {
        switch score {
        case 1: l.pick("acute problematiek", "acute problems")
        case 2: l.pick("niet zelfredzaam", "not self-reliant")
        case 3: l.pick("beperkt zelfredzaam", "partly self-reliant")
        case 4: l.pick("voldoende zelfredzaam", "sufficiently self-reliant")
        case 5: l.pick("volledig zelfredzaam", "fully self-reliant")
        default: "?"
        }
    }
}

extension MemberRole {
    func name(in l: Language) -> String {
        switch self {
        case .applicant: l.pick("aanvrager", "applicant")
        case .partner: l.pick("partner", "partner")
        case .child: l.pick("kind", "child")
        case .other: l.pick("medebewoner", "other resident")
        }
    }
}

extension GrantStatus {
    func name(in l: Language) -> String {
        switch self {
        case .draft: l.pick("concept", "draft")
        case .submitted: l.pick("ingediend", "submitted")
        case .approved: l.pick("toegekend", "approved")
        case .rejected: l.pick("afgewezen", "rejected")
        case .returned: l.pick("teruggestuurd", "returned")
        case .paid: l.pick("betaald", "paid")
        case .evaluated: l.pick("geëvalueerd", "evaluated")
        }
    }
}

extension GrantCategory {
    func name(in l: Language) -> String {
        switch self {
        case .borg: l.pick("borg", "deposit")
        case .huurachterstand: l.pick("huurachterstand", "rent arrears")
        case .zorgverzekering: l.pick("zorgverzekering", "health insurance")
        case .energie: l.pick("energie", "energy")
        case .kinderopvang: l.pick("kinderopvang", "childcare")
        case .inrichting: l.pick("inrichting", "furnishing")
        case .bewindvoering: l.pick("bewindvoering", "administration")
        case .rechtsbijstand: l.pick("rechtsbijstand", "legal aid")
        case .schuldhulp: l.pick("schuldhulp", "debt help")
        case .overig: l.pick("overig", "other")
        }
    }
}

extension Route {
    func name(in l: Language) -> String {
        switch self {
        case .central: l.pick("centraal", "central")
        case .custom: l.pick("maatwerk", "custom")
        }
    }
}

extension Signal.Partner {
    func name(in l: Language) -> String {
        switch self {
        case .huur: l.pick("huur", "rent")
        case .energie: l.pick("energie", "energy")
        case .water: l.pick("water", "water")
        case .zorgverzekering: l.pick("zorgverzekering", "health insurance")
        }
    }
}

extension Signal.Status {
    func name(in l: Language) -> String {
        switch self {
        case .open: l.pick("open", "open")
        case .contact: l.pick("in contact", "in contact")
        case .closed: l.pick("gesloten", "closed")
        }
    }
}

extension Actor.Role {
    func name(in l: Language) -> String { l == .nl ? dutchName : rawValue }
}
