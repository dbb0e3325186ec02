/// The words for the domain's codes, in Dutch and English: what every screen, letter and
/// message says for a status, a category or a kind, so a Dutch text never shows a code.
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

public enum ZRM {
    /// The label of a score on the ZRM scale.
    public static func label(_ score: Int, in l: Language) -> String {
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
    public func name(in l: Language) -> String {
        switch self {
        case .applicant: l.pick("aanvrager", "applicant")
        case .partner: l.pick("partner", "partner")
        case .child: l.pick("kind", "child")
        case .other: l.pick("medebewoner", "other resident")
        }
    }
}

extension GrantStatus {
    public func name(in l: Language) -> String {
        switch self {
        case .draft: l.pick("concept", "draft")
        case .submitted: l.pick("ingediend", "submitted")
        case .approved: l.pick("toegekend", "approved")
        case .rejected: l.pick("afgewezen", "rejected")
        case .returned: l.pick("teruggestuurd", "returned")
        case .paid: l.pick("betaald", "paid")
        case .evaluated: l.pick("geëvalueerd", "evaluated")
        case .withdrawn: l.pick("ingetrokken", "withdrawn")
        }
    }
}

extension GrantCategory {
    public func name(in l: Language) -> String {
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
    public func name(in l: Language) -> String {
        switch self {
        case .central: l.pick("centraal", "central")
        case .custom: l.pick("maatwerk", "custom")
        }
    }
}

extension IncomeKind {
    public func name(in l: Language) -> String {
        switch self {
        case .salary: l.pick("loon", "salary")
        case .benefit: l.pick("uitkering", "benefit")
        case .pension: l.pick("pensioen/AOW", "pension")
        case .alimony: l.pick("alimentatie", "alimony")
        case .selfEmployed: l.pick("eigen bedrijf", "self-employed")
        case .other: l.pick("overig", "other")
        case .childBenefit: l.pick("kinderbijslag", "child benefit")
        case .childBudget: l.pick("kindgebonden budget", "child budget")
        case .healthAllowance: l.pick("zorgtoeslag", "health allowance")
        case .rentAllowance: l.pick("huurtoeslag", "rent allowance")
        case .childcareAllowance: l.pick("kinderopvangtoeslag", "childcare allowance")
        case .childAlimony: l.pick("kinderalimentatie", "child alimony")
        }
    }
}

extension ExpenseCategory {
    public func name(in l: Language) -> String {
        switch self {
        case .wonen: l.pick("wonen", "housing")
        case .energieWater: l.pick("energie en water", "energy and water")
        case .verzekeringen: l.pick("verzekeringen", "insurance")
        case .zorg: l.pick("zorg", "care")
        case .kinderen: l.pick("kinderen", "children")
        case .vervoer: l.pick("reiskosten", "transport")
        case .telefoonInternet: l.pick("telefoon en internet", "phone and internet")
        case .huishouden: l.pick("huishouden", "household")
        case .overig: l.pick("overig", "other")
        }
    }
}

extension DebtStatus {
    public func name(in l: Language) -> String {
        switch self {
        case .open: l.pick("open", "open")
        case .regeling: l.pick("regeling", "arrangement")
        case .beslag: l.pick("beslag", "garnishment")
        case .wsnp: l.pick("WSNP", "WSNP")
        case .minnelijk: l.pick("minnelijk traject", "amicable arrangement")
        }
    }
}

extension DeductionKind {
    public func name(in l: Language) -> String {
        switch self {
        case .beslag: l.pick("beslag", "garnishment")
        case .wsnp: l.pick("WSNP", "WSNP")
        case .minnelijk: l.pick("minnelijke regeling", "amicable arrangement")
        }
    }
}

extension Frequency {
    /// Short, for the form and the table: "maand", "4 weken".
    public func shortName(in l: Language) -> String {
        switch self {
        case .week: l.pick("week", "week")
        case .fourWeeks: l.pick("vier weken", "four weeks")
        case .month: l.pick("maand", "month")
        case .quarter: l.pick("kwartaal", "quarter")
        case .halfYear: l.pick("halfjaar", "half year")
        case .year: l.pick("jaar", "year")
        }
    }

    public func name(in l: Language) -> String {
        switch self {
        case .week: l.pick("per week", "per week")
        case .fourWeeks: l.pick("per vier weken", "per four weeks")
        case .month: l.pick("per maand", "per month")
        case .quarter: l.pick("per kwartaal", "per quarter")
        case .halfYear: l.pick("per half jaar", "per half year")
        case .year: l.pick("per jaar", "per year")
        }
    }
}

extension NormCategory {
    public func name(in l: Language) -> String {
        switch self {
        case .single18to20: l.pick("alleenstaande (ouder), 18–20 jaar", "single (parent), 18–20")
        case .single21toAOW: l.pick("alleenstaande (ouder), 21 jaar tot AOW-leeftijd", "single (parent), 21 to pension age")
        case .singleAOW: l.pick("alleenstaande (ouder), AOW-leeftijd", "single (parent), pension age")
        case .couple18to20: l.pick("gehuwden, beiden 18–20, zonder kinderen", "couple, both 18–20, no children")
        case .couple18to20Children: l.pick("gehuwden, beiden 18–20, met kinderen", "couple, both 18–20, with children")
        case .coupleMixed: l.pick("gehuwden, één 18–20 en één 21+, zonder kinderen", "couple, one 18–20 and one 21+, no children")
        case .coupleMixedChildren: l.pick("gehuwden, één 18–20 en één 21+, met kinderen", "couple, one 18–20 and one 21+, with children")
        case .couple21toAOW: l.pick("gehuwden, 21 jaar tot AOW-leeftijd", "couple, 21 to pension age")
        case .coupleAOW: l.pick("gehuwden, één of beiden AOW-leeftijd", "couple, one or both at pension age")
        }
    }
}

extension Actor.Role {
    public var dutchName: String {
        switch self {
        case .caseworker: "regisseur"
        case .teamleader: "teamleider"
        case .trainer: "trainer"
        }
    }

    public func name(in l: Language) -> String { l == .nl ? dutchName : rawValue }
}

extension GoalStatus {
    public func name(in l: Language) -> String {
        switch self {
        case .open: l.pick("loopt", "open")
        case .reached: l.pick("bereikt", "reached")
        case .partly: l.pick("deels bereikt", "partly reached")
        case .stopped: l.pick("gestopt", "stopped")
        }
    }
}

extension AssetKind {
    public func name(in l: Language) -> String {
        switch self {
        case .savings: l.pick("spaargeld, bank", "savings, bank")
        case .other: l.pick("overig bezit", "other assets")
        }
    }
}
