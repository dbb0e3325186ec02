/// The plan as the family takes it home and signs it: plain Dutch text in a fixed font —
/// who is in it, the goals per area of life, who does what by when, the day the plan is
/// looked at again together, and places to sign for the adults and the caseworker.
public enum PlanLetter {
    /// `caseworker`: the regisseur's name as people know it.
    public static func text(_ file: CaseFile, caseworker: String, team: String, today: CalendarDate) -> String {
        let h = file.household
        let plan = file.plan ?? Plan()
        var out: [String] = []
        out.append("Ons plan — \(h.name)")
        out.append(String(repeating: "=", count: min(78, 11 + h.name.count)))
        if let a = h.address { out.append([a.street, [a.postcode, a.city].filter { !$0.isEmpty }.joined(separator: " ")].joined(separator: ", ")) }
        out.append("")
        out.append("Datum: \(DecisionLetter.longDate(today))")
        out.append("Regisseur: \(caseworker)" + (team.isEmpty ? "" : ", \(team)"))
        out.append(contentsOf: DecisionLetter.wrap("In dit gezin: " + h.members.map { m in
            m.name + (m.role == .applicant ? "" : " (\(m.role.name(in: .nl)))")
        }.joined(separator: ", ") + ".", 78))
        if let review = plan.reviewDate {
            out.append("Samen bekijken we dit plan weer op \(DecisionLetter.longDate(review)).")
        }
        out.append("")
        out.append(contentsOf: DecisionLetter.wrap("Eén gezin, één plan: dit is wat we samen willen bereiken en wie wat doet. "
                                                   + "Gaat iets anders dan gepland, bel dan de regisseur; dan passen we het plan samen aan.", 78))
        if plan.goals.isEmpty {
            out += ["", "Er staan nog geen doelen in het plan."]
        }
        for (n, goal) in plan.goals.enumerated() {
            out.append("")
            let title = "Doel \(n + 1)" + (goal.domain.map { " — \($0.name(in: .nl))" } ?? "")
            out.append(title)
            out.append(String(repeating: "-", count: title.count))
            out.append(contentsOf: DecisionLetter.wrap(goal.text, 78))
            var facts: [String] = []
            if let due = goal.due { facts.append("streefdatum \(due.dutch)") }
            if let status = goal.status, status != .open { facts.append("stand: \(status.name(in: .nl))") }
            if !facts.isEmpty { out.append("(" + facts.joined(separator: ", ") + ")") }
            if goal.actions.isEmpty {
                out.append("Nog geen acties.")
                continue
            }
            out.append("")
            out.append(row("Wat", "Wie", "Wanneer", "Klaar"))
            for action in goal.actions {
                let what = DecisionLetter.wrap(action.text, 36)
                let who = DecisionLetter.wrap(action.who, 20)
                for i in 0..<max(what.count, who.count) {
                    out.append(row(i < what.count ? what[i] : "", i < who.count ? who[i] : "",
                                   i == 0 ? action.due?.dutch ?? "" : "", i == 0 ? (action.done ? "ja" : "") : ""))
                }
            }
        }
        out.append("")
        out.append("Afgesproken en getekend")
        out.append("-----------------------")
        let signers = h.members.filter { $0.role == .applicant || $0.role == .partner || ($0.birthDate.map { $0.age(on: today) >= 18 } ?? false) }
            .map(\.name) + ["\(caseworker) (regisseur)"]
        for name in signers {
            out.append("")
            out.append(name)
            out.append("Handtekening: ______________________________   Datum: ______________")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One line of the actions' table: what (36), who (20), by when (10), done.
    static func row(_ what: String, _ who: String, _ due: String, _ done: String) -> String {
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(1, n - s.count)) }
        return (pad(what, 38) + pad(who, 22) + pad(due, 12) + done).trimmingTrailingSpaces()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
