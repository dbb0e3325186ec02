/// What the members of a household must be, so the household still reads as a case file
/// and its norm can be found: exactly one applicant, at most one partner, no name twice
/// (income lines name their member).
public enum MemberProblem: Equatable, Sendable {
    case noApplicant, secondApplicant, secondPartner
    case sameName(String)
    /// Removing someone whose name income lines carry.
    case hasIncome(member: String, lines: Int)

    public static func problems(_ members: [Member]) -> [MemberProblem] {
        var out: [MemberProblem] = []
        let applicants = members.filter { $0.role == .applicant }.count
        if applicants == 0 { out.append(.noApplicant) }
        if applicants > 1 { out.append(.secondApplicant) }
        if members.filter({ $0.role == .partner }).count > 1 { out.append(.secondPartner) }
        var seen = Set<String>()
        for m in members where !seen.insert(m.name).inserted { out.append(.sameName(m.name)) }
        return out
    }

    public func message(in l: Language) -> String {
        switch self {
        case .noApplicant:
            l.pick("Een huishouden heeft precies één aanvrager; maak eerst iemand anders aanvrager.",
                   "A household has exactly one applicant; make someone else the applicant first.")
        case .secondApplicant:
            l.pick("Er is al een aanvrager; kies een andere rol, of maak de huidige aanvrager eerst iets anders.",
                   "There already is an applicant; choose another role, or change the current applicant's role first.")
        case .secondPartner:
            l.pick("Er is al een partner; kies een andere rol.", "There already is a partner; choose another role.")
        case .sameName(let name):
            l.pick("\(name) staat al in dit huishouden; geef een andere naam (bijvoorbeeld met tweede voornaam).",
                   "\(name) is already in this household; give another name (with a middle name, for instance).")
        case .hasIncome(let member, let lines):
            l.pick("\(member) heeft \(lines == 1 ? "een inkomstenregel" : "\(lines) inkomstenregels") op naam (tab 2); wijzig of verwijder die eerst.",
                   "\(member) has \(lines == 1 ? "an income line" : "\(lines) income lines") in their name (tab 2); change or delete those first.")
        }
    }
}
