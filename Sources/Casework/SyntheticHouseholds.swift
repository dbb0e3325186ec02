/// Deterministic, realistic-looking fictitious households for measuring speed at the scale
/// of a city: Dutch names with diacritics, addresses, ledger lines of each kind,
/// conversations with notes, agreements and grants in every state. The same seed gives the
/// same data on every machine.
public struct SyntheticHouseholds: Sendable {
    public let seed: UInt64
    public let caseworkers: [String]
    public let teamleader: String

    public init(seed: UInt64, caseworkers: [String], teamleader: String) {
        self.seed = seed; self.caseworkers = caseworkers; self.teamleader = teamleader
    }

    static let firstNames = ["Noëlle", "Daniël", "Zoë", "Loïs", "Jürgen", "Renée", "Hélène", "René", "Chloë", "Anaïs", "Sanne", "Youssef",
                             "Fatima", "Mohamed", "Emma", "Lucas", "Julia", "Finn", "Sophie", "Liam", "Mila", "Noah", "Sara", "Bram",
                             "Ayşe", "Mehmet", "Priya", "Wei", "Olga", "Kees", "Ingrid", "Joëlle", "Thijs", "Eva", "Daan", "Lotte"]
    static let lastNames = ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
                            "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "El Amrani", "Yılmaz", "Öztürk", "Kaya", "Nguyen",
                            "Verbeek", "Zijlstra", "Kok", "Brouwer", "Dekker", "van der Meer", "Haddad", "Çelik", "Postma", "Willems"]
    static let streets = ["Westzijde", "Oostzijde", "Rosmolenstraat", "Zwaluwstraat", "Heijermanslaan", "Azaleastraat", "Kalverringdijk",
                          "Vincent van Goghweg", "Ankersmidplein", "Peperstraat", "Hoornseplein", "Dr. H.G. Gooszenstraat", "Prinsenhof"]
    static let cities = ["Zaandam", "Koog aan de Zaan", "Wormerveer", "Krommenie", "Assendelft", "Westzaan", "Zaandijk"]

    struct RNG {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        mutating func cents(_ euros: ClosedRange<Int>) -> Money { Money(cents: int(euros) * 100 + int(0...99)) }
    }

    static let ibans = ["NL91ABNA0417164300", "NL20RABO0312874456", "NL67INGB0941071959", "NL42ABNA0315580283"]
    static let notes = [
        "Het gezin heeft sinds de zomer steeds meer achterstanden; de post blijft ongeopend liggen.",
        "Er is een afspraak met de budgetcoach; de eerste twee gesprekken gingen goed.",
        "De kinderen gaan naar school en sporten bij de vereniging in de wijk; dat wil het gezin graag houden.",
        "Werk is er, maar de uren wisselen per week en daarmee het inkomen ook.",
        "Een zus helpt met de boodschappen en met de kinderen op woensdag.",
    ]

    /// Household number `index` (0-based): the same for the same seed and index.
    public func household(_ index: Int, today: CalendarDate) -> CaseFile {
        var r = RNG(state: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let last = r.pick(Self.lastNames)
        let applicant = Member(name: r.pick(Self.firstNames) + " " + last, birthDate: CalendarDate(year: r.int(1950...2000), month: r.int(1...12), day: r.int(1...28)),
                               role: .applicant)
        var members = [applicant]
        if r.int(0...1) == 1 { members.append(Member(name: r.pick(Self.firstNames) + " " + last + " (p)", birthDate: CalendarDate(year: r.int(1955...2000), month: r.int(1...12), day: r.int(1...28)), role: .partner)) }
        for k in 0..<r.int(0...3) { members.append(Member(name: r.pick(Self.firstNames) + " " + last + " \(k + 1)", birthDate: CalendarDate(year: r.int(2009...2024), month: r.int(1...12), day: r.int(1...28)), role: .child)) }
        let id = "hh-" + String(index + 1).leftPadded(7)
        let caseworker = caseworkers[index % caseworkers.count]
        let household = Household(id: id, name: "Huishouden \(last) \(index + 1)",
                                  address: Address(street: "\(r.pick(Self.streets)) \(r.int(1...250))",
                                                   postcode: "\(r.int(1500...1567)) \(Character(UnicodeScalar(UInt8(65 + r.int(0...25)))))\(Character(UnicodeScalar(UInt8(65 + r.int(0...25)))))",
                                                   city: r.pick(Self.cities)),
                                  caseworker: caseworker, members: members)
        var f = Finances()
        for i in 0..<r.int(2...8) {
            f.income.append(IncomeLine(label: "Inkomen \(i + 1)", amount: r.cents(50...2400), frequency: r.pick([.month, .month, .fourWeeks, .quarter]),
                                       kind: r.pick(IncomeKind.allCases)))
        }
        for i in 0..<r.int(2...8) {
            f.expenses.append(ExpenseLine(label: "Uitgave \(i + 1)", amount: r.cents(10...900), frequency: r.pick([.month, .month, .year]),
                                          category: r.pick(ExpenseCategory.allCases)))
        }
        for _ in 0..<r.int(0...3) {
            f.debts.append(Debt(creditor: r.pick(["Belastingdienst", "CJIB", "Vattenfall", "VGZ", "Woonzorg"]), amount: r.cents(100...9000),
                                monthlyPayment: r.cents(0...80), status: r.pick(DebtStatus.allCases), arrears: r.int(0...1) == 1))
        }
        if r.int(0...3) == 0 { f.deductions.append(Deduction(label: "Beslag", amount: r.cents(50...500), frequency: .month, kind: .beslag)) }
        var conversations: [Conversation] = []
        for _ in 0..<r.int(0...2) {
            let day = today.adding(days: -r.int(1...200))
            conversations.append(Conversation(date: day, author: caseworker, present: [applicant.name], location: "thuis",
                                              question: r.pick(Self.notes), domains: [(.financien, r.pick(Self.notes))],
                                              ownStrength: r.pick(Self.notes), network: r.pick(Self.notes),
                                              agreements: [Agreement(text: "Post openen en meenemen", owner: applicant.name,
                                                                     due: day.adding(days: r.int(7...60)), done: r.int(0...1) == 1)],
                                              notes: r.pick(Self.notes)))
        }
        var grants: [Grant] = []
        if r.int(0...4) == 0 {
            // The states of before withdrawal existed: the generated data stays the same.
            let status = r.pick([GrantStatus.draft, .submitted, .approved, .rejected, .returned, .paid, .evaluated])
            let submitted = Moment(epochSeconds: today.adding(days: -r.int(2...300)).daysSinceEpoch * 86_400 + 9 * 3600, offsetMinutes: 60)
            let decided = Moment(epochSeconds: submitted.epochSeconds + r.int(1...72) * 3600, offsetMinutes: 60)
            let amount = r.cents(200...6000)
            var g = Grant(id: "gr-" + String(index + 1).leftPadded(7), route: .custom, category: r.pick(GrantCategory.allCases), amount: amount,
                          payee: Payee(name: "Organisatie \(r.int(1...40))", iban: r.pick(Self.ibans), reference: id),
                          goalShort: "Het gezin blijft in de woning", motivation: String(repeating: r.pick(Self.notes) + " ", count: 2),
                          businessCase: BusinessCase(without: [CostItem(label: "Zonder", amount: r.cents(0...12000))]), status: status)
            if status != .draft { g.submittedBy = caseworker; g.submittedAt = submitted }
            if status.isDecided || status == .returned {
                g.approvedUnderMandate = amount <= Money(cents: 150_000) && [.approved, .paid, .evaluated].contains(status)
                g.decidedBy = g.approvedUnderMandate ? caseworker : teamleader
                g.decidedAt = g.approvedUnderMandate ? submitted : decided
            }
            if status.isPaid { g.paidAt = Moment(epochSeconds: (g.decidedAt ?? decided).epochSeconds + r.int(1...40) * 3600, offsetMinutes: 60) }
            if status == .evaluated { g.evaluation = Evaluation(shortTerm: r.pick(Evaluation.Outcome.allCases), societalCost: r.pick(Evaluation.SocietalCost.allCases)) }
            grants.append(g)
        }
        return CaseFile(referenceDate: nil, household: household, finances: f, conversations: conversations, grants: grants)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
