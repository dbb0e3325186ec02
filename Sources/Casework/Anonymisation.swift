/// A household whose retention period has passed, stripped of everything that says who
/// the people were (AVG, storage limitation), while every figure the dashboard and the
/// report compute from stays exactly the same: amounts, frequencies, kinds, categories,
/// statuses, dates, grant states, evaluations, the figures at submission.
///
/// Replaced: the household's name and address; members' names (by "Lid 1", "Lid 2", … in
/// their order, so the file still has one applicant and distinct names), BSNs, and birth
/// dates beyond the year (1 January of the year: an age stays right within a year, enough
/// for figures by age, not enough to find a person); every free text (labels, creditors,
/// notes, questions, own strength, network, agreements, plan goals, the payee and its IBAN
/// and reference, goals, motivation, business-case labels, decision comment, participation
/// effect); the names of people present and of agreement owners that are not staff. Fields
/// another tool wrote (`unknownFields`) are dropped at every level: nobody can tell what
/// they hold. Staff user names (caseworker, author, who decided) stay: they are the
/// municipality's, not the resident's.
extension CaseFile {
    public static let anonymisedHouseholdName = "Geanonimiseerd huishouden"

    /// `staff` are the user names that may stay where a person's name could be (agreement
    /// owners, people present).
    public func anonymised(keeping staff: Set<String>) -> CaseFile {
        var file = self
        var newName: [String: String] = [:]
        for (i, member) in household.members.enumerated() { newName[member.name] = "Lid \(i + 1)" }
        func person(_ name: String) -> String? { newName[name] ?? (staff.contains(name) ? name : nil) }

        file.household = Household(id: household.id, name: Self.anonymisedHouseholdName, address: nil,
                                   caseworker: household.caseworker,
                                   members: household.members.enumerated().map { i, m in
                                       Member(name: "Lid \(i + 1)", birthDate: m.birthDate.flatMap { CalendarDate(year: $0.year, month: 1, day: 1) },
                                              role: m.role)
                                   })
        let f = finances
        file.finances = Finances(
            income: f.income.map { IncomeLine(label: $0.kind.rawValue, amount: $0.amount, frequency: $0.frequency, kind: $0.kind,
                                              counts: $0.counts, member: $0.member.flatMap { newName[$0] }) },
            expenses: f.expenses.map { ExpenseLine(label: $0.category.rawValue, amount: $0.amount, frequency: $0.frequency,
                                                   category: $0.category) },
            debts: f.debts.map { Debt(creditor: "", amount: $0.amount, monthlyPayment: $0.monthlyPayment, status: $0.status,
                                      arrears: $0.arrears) },
            deductions: f.deductions.map { Deduction(label: $0.kind.rawValue, amount: $0.amount, frequency: $0.frequency,
                                                     kind: $0.kind) })
        file.signals = signals.map { Signal(partner: $0.partner, creditor: "", amount: $0.amount, since: $0.since,
                                            received: $0.received, status: $0.status, crisis: $0.crisis, warmHandover: $0.warmHandover) }
        file.lifeDomains = lifeDomains.map { LifeDomainScore(domain: $0.domain, score: $0.score, date: $0.date) }
        file.plan = plan.map { Plan(goals: $0.goals.map { Goal(id: $0.id, text: "", due: $0.due) }) }
        file.conversations = conversations.map { c in
            Conversation(date: c.date, author: c.author, present: c.present.compactMap(person),
                         domains: c.domains.map { ($0.domain, "") },
                         agreements: c.agreements.map { Agreement(text: "", owner: person($0.owner) ?? "", due: $0.due, done: $0.done) })
        }
        file.grants = grants.map { g in
            var a = g
            a.payee = Payee()
            a.goalShort = ""; a.goalLong = ""; a.motivation = ""
            a.businessCase = BusinessCase(without: g.businessCase.without.map { CostItem(label: "", amount: $0.amount) })
            a.decisionComment = g.decisionComment.map { _ in "" }
            // The letter's reasons, the conditions and the objections are free text about people.
            a.letterReasons = ""
            a.conditions = g.conditions.map { Agreement(text: "", due: $0.due, done: $0.done) }
            a.objections = g.objections.map { o in
                Objection(decisionDate: o.decisionDate, received: o.received, grounds: "", recordedBy: "", outcome: o.outcome,
                          decidedBy: o.decidedBy.map { _ in "" }, decidedAt: o.decidedAt)
            }
            a.evaluation = g.evaluation.map { Evaluation(shortTerm: $0.shortTerm, societalCost: $0.societalCost) }
            a.unknownFields = [:]
            return a
        }
        file.policy = policy
        file.unknownFields = [:]
        return file
    }
}
