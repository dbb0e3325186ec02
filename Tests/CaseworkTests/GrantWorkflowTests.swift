import Testing
@testable import Casework

/// Every rule of "Grants" in docs/rules.md: route, motivation, mandate, four eyes, IBAN, the
/// transitions, and the 24-hour payment promise.
@Suite("Grants: rules and state machine")
struct GrantWorkflowTests {
    static let caseworker = Actor(user: "jdevries", role: .caseworker)
    static let teamleader = Actor(user: "mbakker", role: .teamleader)
    static let otherTeamleader = Actor(user: "sjansen", role: .teamleader)
    static let morning = Moment(iso: "2026-11-23T09:00:00+01:00")!

    /// A norm test as the overview would give it; `assessed` against a threshold of 1.480,00.
    static func normTest(assessed: String) -> NormTest {
        NormTest(category: .single21toAOW, normDate: day("2025-01-01"), norm: euros("1345.45"), percentage: 110,
                 threshold: euros("1480.00"), assessedIncome: euros(assessed))
    }
    static let within = normTest(assessed: "1480.00")
    static let above = normTest(assessed: "1480.01")

    /// The household's overview on the day of submission as `GrantWorkflow.submit` takes it,
    /// carrying `normTest` and `draagkracht` (the totals play no part in the workflow).
    static func overview(_ normTest: NormTest?, draagkracht: Draagkracht? = nil) -> FinancialOverview {
        FinancialOverview(referenceDate: day("2026-11-23"), policy: .defaults, policyVersion: 0,
                          normTableDate: normTest?.normDate ?? day("2026-07-01"), normTableSource: "test",
                          totals: MonthlyTotals(income: .zero, expenses: .zero, debtPayments: .zero, deductions: .zero),
                          normTest: normTest, draagkracht: draagkracht, warnings: [])
    }

    static let eightyCharacters = String(repeating: "m", count: 80)

    static func request(_ route: Route = .custom, amount: String = "1200.00", motivation: String = eightyCharacters,
                        iban: String = "NL91ABNA0417164300", payee: String = "Woonstichting De Kade",
                        goal: String = "Huisuitzetting voorkomen", status: GrantStatus = .draft) -> Grant {
        Grant(route: route, category: .huurachterstand, amount: euros(amount),
              payee: Payee(name: payee, iban: iban, reference: "HUUR-2026-11"), goalShort: goal,
              motivation: motivation, status: status)
    }

    static func submitted(amount: String = "2400.00", by actor: Actor = caseworker) -> Grant {
        try! GrantWorkflow.submit(request(amount: amount), by: actor, at: morning, overview: overview(above),
                                  policy: .defaults).get()
    }

    // MARK: transitions

    @Test("Exactly the transitions of docs/rules.md are legal")
    func transitionTable() {
        let legal: [GrantStatus: [GrantAction: GrantStatus]] = [
            .draft: [.submit: .submitted, .withdraw: .withdrawn],
            .submitted: [.approve: .approved, .reject: .rejected, .return: .returned],
            .returned: [.reopen: .draft, .withdraw: .withdrawn],
            .approved: [.pay: .paid],
            .rejected: [.reconsider: .approved],
            .paid: [.evaluate: .evaluated, .unpay: .approved],
        ]
        var checked = 0
        for status in GrantStatus.allCases {
            for action in GrantAction.allCases {
                #expect(GrantWorkflow.target(of: action, from: status) == legal[status]?[action],
                        "\(action) from \(status)")
                checked += 1
            }
        }
        #expect(checked == 8 * 10)
        // evaluated and withdrawn are final; a rejection changes only on an upheld objection
        #expect(GrantAction.allCases.allSatisfy { GrantWorkflow.target(of: $0, from: .evaluated) == nil })
        #expect(GrantAction.allCases.allSatisfy { GrantWorkflow.target(of: $0, from: .withdrawn) == nil })
    }

    @Test("A step that is not a legal transition is refused, the grant unchanged")
    func illegalSteps() {
        let draft = Self.request()
        #expect(GrantWorkflow.pay(draft, by: Self.teamleader, at: Self.morning)
                == .failure(Refusals([.illegalTransition(from: .draft, action: .pay)])))
        #expect(GrantWorkflow.evaluate(draft, evaluation: Evaluation(shortTerm: .yes))
                == .failure(Refusals([.illegalTransition(from: .draft, action: .evaluate)])))
        #expect(GrantWorkflow.reopen(draft) == .failure(Refusals([.illegalTransition(from: .draft, action: .reopen)])))
        #expect(GrantWorkflow.decisionRefusals(draft, action: .approve, by: Self.teamleader)
                == [.illegalTransition(from: .draft, action: .approve)])
        let approved = Self.request(status: .approved)
        #expect(GrantWorkflow.submitRefusals(approved, normTest: Self.within)
                == [.illegalTransition(from: .approved, action: .submit)])
    }

    // MARK: route and motivation

    @Test("Central route: allowed within the norm, refused above it and without a norm")
    func centralRoute() {
        let central = Self.request(.central, motivation: "")
        #expect(GrantWorkflow.submitRefusals(central, normTest: Self.within) == [])
        #expect(GrantWorkflow.submitRefusals(central, normTest: Self.above) == [.centralRouteAboveNorm])
        #expect(GrantWorkflow.submitRefusals(central, normTest: nil) == [.centralRouteWithoutNorm])
        // the message offers the custom route
        #expect(GrantRefusal.centralRouteAboveNorm.message(in: .nl).contains("Kies maatwerk"))
        #expect(GrantRefusal.centralRouteAboveNorm.message(in: .en).contains("Choose maatwerk"))
    }

    @Test("Custom route above the norm needs 80 characters of motivation, trimmed")
    func motivationLength() {
        let seventyNine = String(repeating: "m", count: 79)
        #expect(GrantWorkflow.submitRefusals(Self.request(motivation: seventyNine), normTest: Self.above)
                == [.motivationTooShort(length: 79, required: 80)])
        #expect(GrantWorkflow.submitRefusals(Self.request(motivation: Self.eightyCharacters), normTest: Self.above) == [])
        // spaces around do not count: 79 letters padded to 85 characters is still 79
        #expect(GrantWorkflow.submitRefusals(Self.request(motivation: "   " + seventyNine + "\n\n  "), normTest: Self.above)
                == [.motivationTooShort(length: 79, required: 80)])
        // Dutch letters count as one character each: 80 × "ë"
        #expect(GrantWorkflow.submitRefusals(Self.request(motivation: String(repeating: "ë", count: 80)), normTest: Self.above) == [])
        // within the norm, custom needs no motivation
        #expect(GrantWorkflow.submitRefusals(Self.request(motivation: ""), normTest: Self.within) == [])
        // no norm applies (e.g. an applicant under 18): a custom request deviates, so it must be motivated
        #expect(GrantWorkflow.submitRefusals(Self.request(motivation: "kort"), normTest: nil)
                == [.motivationTooShort(length: 4, required: 80)])
        #expect(GrantRefusal.motivationTooShort(length: 79, required: 80).message(in: .nl)
                == "Boven de norm is een motivering van minstens 80 tekens nodig; er staan er 79.")
    }

    @Test("Every reason is listed at once")
    func allReasons() {
        let bad = Self.request(.central, amount: "0.00", iban: "NL91ABNA0417164301", payee: " ", goal: "")
        #expect(GrantWorkflow.submitRefusals(bad, normTest: Self.above)
                == [.amountNotPositive, .centralRouteAboveNorm, .payeeNameMissing, .ibanInvalid(.checksum), .goalShortMissing])
        let result = GrantWorkflow.submit(bad, by: Self.caseworker, at: Self.morning, overview: Self.overview(Self.above),
                                          policy: .defaults)
        #expect(result == .failure(Refusals([.amountNotPositive, .centralRouteAboveNorm, .payeeNameMissing,
                                             .ibanInvalid(.checksum), .goalShortMissing])))
    }

    @Test("The payee's IBAN must pass mod-97; spaces and lower case are fine")
    func payeeIBAN() {
        #expect(GrantWorkflow.submitRefusals(Self.request(iban: "nl91 abna 0417 1643 00"), normTest: Self.within) == [])
        #expect(GrantWorkflow.submitRefusals(Self.request(iban: ""), normTest: Self.within) == [.ibanInvalid(.empty)])
        #expect(GrantWorkflow.submitRefusals(Self.request(iban: "NL91ABNA041716430"), normTest: Self.within)
                == [.ibanInvalid(.wrongLength(country: "NL", expected: 18, actual: 17))])
    }

    // MARK: mandate

    @Test("Up to the mandate (€ 1.500,00) the caseworker's submission approves it; one cent more waits")
    func mandateLimit() throws {
        let atLimit = try GrantWorkflow.submit(Self.request(amount: "1500.00"), by: Self.caseworker, at: Self.morning,
                                               overview: Self.overview(Self.above), policy: .defaults).get()
        #expect(atLimit.status == .approved)
        #expect(atLimit.approvedUnderMandate)
        #expect(atLimit.decidedBy == "jdevries")
        #expect(atLimit.decidedAt == Self.morning)
        #expect(atLimit.submittedBy == "jdevries")

        let aboveLimit = try GrantWorkflow.submit(Self.request(amount: "1500.01"), by: Self.caseworker, at: Self.morning,
                                                  overview: Self.overview(Self.above), policy: .defaults).get()
        #expect(aboveLimit.status == .submitted)
        #expect(!aboveLimit.approvedUnderMandate)
        #expect(aboveLimit.decidedBy == nil)
    }

    @Test("A policy override moves the mandate")
    func mandateOverride() throws {
        let policy = Policy.defaults.overridden(by: PolicyOverride(mandateLimit: euros("1000.00")))
        let grant = try GrantWorkflow.submit(Self.request(amount: "1200.00"), by: Self.caseworker, at: Self.morning,
                                             overview: Self.overview(Self.above), policy: policy).get()
        #expect(grant.status == .submitted)
    }

    @Test("Submitting keeps a snapshot of the norm test, draagkracht and the grantable amount")
    func snapshot() throws {
        // base 1.500,00 − 1.345,45 = 154,55; 35% = 54,0925 → 54,09; ×12 = 649,08; cost 2.400,00 → 1.750,92
        let draagkracht = FinancialOverview.computeDraagkracht(assessedIncome: euros("1500.00"), norm: euros("1345.45"),
                                                               policy: .defaults)
        let grant = try GrantWorkflow.submit(Self.request(amount: "2400.00"), by: Self.caseworker, at: Self.morning,
                                             overview: Self.overview(Self.normTest(assessed: "1500.00"), draagkracht: draagkracht),
                                             policy: .defaults).get()
        #expect(grant.snapshot?.normTest?.assessedIncome == euros("1500.00"))
        #expect(grant.snapshot?.draagkracht?.total == euros("649.08"))
        #expect(grant.snapshot?.grantable == euros("1750.92"))
        // It takes what it bears itself of the period: min(2.400,00, 649,08) = 649,08; policy version 0.
        #expect(grant.snapshot?.draagkrachtTaken == euros("649.08"))
        #expect(grant.snapshot?.policyVersion == 0)
        #expect(grant.submittedAt == Self.morning)
        // No norm table covers the day (no overview): the snapshot records no figures.
        let bare = try GrantWorkflow.submit(Self.request(), by: Self.caseworker, at: Self.morning, overview: nil,
                                            policy: .defaults).get()
        #expect(bare.snapshot == FinancialSnapshot(normTest: nil, draagkracht: nil, grantable: nil))
    }

    // MARK: four eyes

    @Test("Nobody approves their own request; a caseworker does not decide at all")
    func fourEyes() throws {
        let mine = Self.submitted(by: Self.teamleader)
        #expect(GrantWorkflow.decisionRefusals(mine, action: .approve, by: Self.teamleader) == [.ownRequest])
        #expect(GrantWorkflow.decisionRefusals(mine, action: .approve, by: Self.otherTeamleader) == [])
        // rejecting or returning one's own request is not approving it (with its reasons)
        #expect(GrantWorkflow.decisionRefusals(mine, action: .reject, by: Self.teamleader, comment: "Draagkracht dekt het") == [])
        // and without reasons it is refused: the letter and the caseworker need them
        #expect(GrantWorkflow.decisionRefusals(mine, action: .reject, by: Self.teamleader) == [.commentRequired(.reject)])
        #expect(GrantWorkflow.decisionRefusals(mine, action: .return, by: Self.teamleader, comment: " ") == [.commentRequired(.return)])

        let theirs = Self.submitted()
        for action: GrantAction in [.approve, .reject, .return] {
            #expect(GrantWorkflow.decisionRefusals(theirs, action: action, by: Actor(user: "pdekker", role: .caseworker), comment: "x")
                    == [.notTeamLeader])
            #expect(GrantWorkflow.decisionRefusals(theirs, action: action, by: Actor(user: "trainer1", role: .trainer), comment: "x")
                    == [.notTeamLeader])
        }
        // the submitter, a caseworker, trying to approve: both reasons
        #expect(GrantWorkflow.decisionRefusals(theirs, action: .approve, by: Self.caseworker) == [.notTeamLeader, .ownRequest])
        let approved = try GrantWorkflow.decide(theirs, action: .approve, by: Self.teamleader, at: Self.morning,
                                                comment: "Akkoord").get()
        #expect(approved.status == .approved)
        #expect(approved.decidedBy == "mbakker")
        #expect(approved.decisionComment == "Akkoord")
        #expect(!approved.approvedUnderMandate)
    }

    @Test("Returned → draft keeps the comment; rejected is final")
    func returnAndReopen() throws {
        let returned = try GrantWorkflow.decide(Self.submitted(), action: .return, by: Self.teamleader, at: Self.morning,
                                                comment: "Graag de schuldenlijst toevoegen").get()
        #expect(returned.status == .returned)
        let draft = try GrantWorkflow.reopen(returned).get()
        #expect(draft.status == .draft)
        #expect(draft.decisionComment == "Graag de schuldenlijst toevoegen")

        let rejected = try GrantWorkflow.decide(Self.submitted(), action: .reject, by: Self.teamleader, at: Self.morning,
                                                comment: "De draagkracht dekt de kosten").get()
        #expect(rejected.status == .rejected)
        #expect(GrantWorkflow.reopen(rejected) == .failure(Refusals([.illegalTransition(from: .rejected, action: .reopen)])))
    }

    // MARK: payment and evaluation

    @Test("Paid within 24 hours is on time; one second more is late; unpaid grants turn late at now")
    func paymentPromise() throws {
        let approved = try GrantWorkflow.decide(Self.submitted(), action: .approve, by: Self.teamleader,
                                                at: Self.morning, comment: nil).get()
        let exactly24h = Moment(epochSeconds: Self.morning.epochSeconds + 24 * 3600)
        let oneSecondLater = Moment(epochSeconds: exactly24h.epochSeconds + 1)
        #expect(!GrantWorkflow.isPaymentLate(approved, now: exactly24h))
        #expect(GrantWorkflow.isPaymentLate(approved, now: oneSecondLater))

        let paidOnTime = try GrantWorkflow.pay(approved, by: Self.otherTeamleader, at: exactly24h).get()
        #expect(paidOnTime.status == .paid)
        #expect(paidOnTime.paidBy == "sjansen")
        #expect(!GrantWorkflow.isPaymentLate(paidOnTime, now: Moment(epochSeconds: exactly24h.epochSeconds + 86_400 * 30)))

        let paidLate = try GrantWorkflow.pay(approved, by: Self.otherTeamleader, at: oneSecondLater).get()
        #expect(GrantWorkflow.isPaymentLate(paidLate, now: oneSecondLater))

        // a request that is not approved cannot be late
        #expect(!GrantWorkflow.isPaymentLate(Self.submitted(), now: oneSecondLater))
    }

    @Test("Evaluation records the outcome on a paid grant")
    func evaluation() throws {
        let approved = try GrantWorkflow.decide(Self.submitted(), action: .approve, by: Self.teamleader,
                                                at: Self.morning, comment: nil).get()
        let evaluation = Evaluation(shortTerm: .partly, participation: "Werkt weer twee dagen", societalCost: .higher)
        #expect(GrantWorkflow.evaluate(approved, evaluation: evaluation)
                == .failure(Refusals([.illegalTransition(from: .approved, action: .evaluate)])))
        let paid = try GrantWorkflow.pay(approved, by: Self.teamleader, at: Self.morning).get()
        let evaluated = try GrantWorkflow.evaluate(paid, evaluation: evaluation).get()
        #expect(evaluated.status == .evaluated)
        #expect(evaluated.evaluation == evaluation)
    }

    @Test("The business case: costs avoided minus the grant, negative when it cost more")
    func businessCase() {
        // eviction 6.000,00 + shelter 12.500,50 = 18.500,50; against 2.400,00 → 16.100,50
        let bc = BusinessCase(without: [CostItem(label: "Ontruiming", amount: euros("6000.00")),
                                        CostItem(label: "Maatschappelijke opvang", amount: euros("12500.50"))])
        #expect(bc.costsWithout == euros("18500.50"))
        #expect(bc.netAvoided(grant: euros("2400.00")) == euros("16100.50"))
        #expect(BusinessCase(without: [CostItem(label: "x", amount: euros("100.00"))]).netAvoided(grant: euros("250.00"))
                == Money(cents: -15_000))
    }

    @Test("Refusals read as sentences in both languages")
    func messages() {
        #expect(GrantRefusal.ownRequest.message(in: .nl) == "U kunt een aanvraag die u zelf indiende niet goedkeuren (vier ogen).")
        #expect(GrantRefusal.illegalTransition(from: .draft, action: .pay).message(in: .en)
                == "Not possible: a request that is draft cannot be paid.")
        // The status in words, never its code, in a Dutch sentence.
        #expect(GrantRefusal.illegalTransition(from: .returned, action: .submit).message(in: .nl)
                == "Dit kan niet: een aanvraag die teruggestuurd is, kan niet worden ingediend.")
        #expect(GrantRefusal.ibanInvalid(.empty).message(in: .nl) == "Het IBAN van de ontvanger ontbreekt.")
    }
}
