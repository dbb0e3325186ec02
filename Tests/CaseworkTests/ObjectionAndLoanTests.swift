import Testing
@testable import Casework

/// Loans (art. 48 Pw), withdrawal, and objections (Awb 6:7, 7:10) as rules with hand-computed numbers.
@Suite("Loans, withdrawal and objections")
struct ObjectionAndLoanTests {
    static let caseworker = Actor(user: "r.westra", role: .caseworker)
    static let teamleader = Actor(user: "t.tweede", role: .teamleader)
    /// Who took the decisions below: not the one to decide an objection against them.
    static let decider = Actor(user: "j.bakker", role: .teamleader)

    static func decided(_ status: GrantStatus, on iso: String = "2026-11-20T11:00:00+01:00") -> Grant {
        Grant(id: "gr-1", route: .custom, category: .inrichting, amount: euros("900.00"), payee: Payee(name: "Kringloop"),
              status: status, submittedBy: "r.westra", submittedAt: Moment(iso: "2026-11-16T09:00:00+01:00"),
              decidedBy: "j.bakker", decidedAt: Moment(iso: iso))
    }

    @Test("Loan terms: months rounded up, the last instalment the rest, and their limits")
    func loanTerms() {
        let t = LoanTerms(monthlyInstalment: euros("75.00"), firstMonth: day("2027-01-15"))
        #expect(t.firstMonth == day("2027-01-01"))
        #expect(t.months(for: euros("1000.00")) == 14)            // 13 × 75 = 975 < 1000 ≤ 14 × 75
        #expect(t.lastInstalment(for: euros("1000.00")) == euros("25.00"))
        #expect(t.lastMonth(for: euros("1000.00")) == day("2028-02-01"))
        #expect(t.months(for: euros("900.00")) == 12)              // exactly 12 × 75
        #expect(t.lastInstalment(for: euros("900.00")) == euros("75.00"))
        #expect(LoanTerms(monthlyInstalment: .zero, firstMonth: day("2027-01-01")).problems(for: euros("900.00")) == [.instalmentNotPositive])
        #expect(LoanTerms(monthlyInstalment: euros("901.00"), firstMonth: day("2027-01-01")).problems(for: euros("900.00")) == [.instalmentAboveAmount])
        // € 1.210,00 at € 10,00: 121 months, more than ten years
        #expect(LoanTerms(monthlyInstalment: euros("10.00"), firstMonth: day("2027-01-01")).problems(for: euros("1210.00")) == [.tooManyMonths(121)])
        #expect(LoanTerms(monthlyInstalment: euros("10.00"), firstMonth: day("2027-01-01")).problems(for: euros("1200.00")).isEmpty)
    }

    @Test("Loan arithmetic for any amount and instalment: the instalments pay exactly the loan")
    func loanProperty() {
        forAll({ rng -> (Int, Int) in
            let amount = Int.random(in: 1...10_000_000, using: &rng)
            return (amount, Int.random(in: 1...amount, using: &rng))
        }) { amount, instalment in
            let t = LoanTerms(monthlyInstalment: Money(cents: instalment), firstMonth: day("2027-01-01"))
            let months = t.months(for: Money(cents: amount)), last = t.lastInstalment(for: Money(cents: amount))
            return months >= 1 && last.cents >= 1 && last.cents <= instalment
                && (months - 1) * instalment + last.cents == amount
        }
    }

    @Test("A loan goes in only with terms that hold")
    func loanSubmission() {
        var g = Grant(route: .custom, category: .inrichting, amount: euros("900.00"), form: .loan,
                      payee: Payee(name: "Kringloop", iban: "NL91ABNA0417164300"), goalShort: "Een bed",
                      motivation: String(repeating: "m", count: 80))
        #expect(GrantWorkflow.submitRefusals(g, normTest: nil).contains(.loanTermsMissing))
        g.loan = LoanTerms(monthlyInstalment: euros("1000.00"), firstMonth: day("2027-01-01"))
        #expect(GrantWorkflow.submitRefusals(g, normTest: nil).contains(.loan(.instalmentAboveAmount)))
        g.loan = LoanTerms(monthlyInstalment: euros("50.00"), firstMonth: day("2027-01-01"))
        #expect(GrantWorkflow.submitRefusals(g, normTest: nil).isEmpty)
    }

    @Test("A draft or a returned request can be withdrawn; a submitted or decided one cannot")
    func withdrawal() throws {
        for status in [GrantStatus.draft, .returned] {
            #expect(try GrantWorkflow.withdraw(Self.decided(status)).get().status == .withdrawn)
        }
        for status in [GrantStatus.submitted, .approved, .rejected, .paid, .evaluated, .withdrawn] {
            #expect(throws: Refusals.self) { try GrantWorkflow.withdraw(Self.decided(status)).get() }
        }
    }

    @Test("The objection terms: six weeks to object, six more to decide, past weekends and holidays")
    func terms() {
        // Decided Friday 2026-11-20: six weeks end Friday 1 January 2027 (New Year's Day), so
        // Monday 4 January; six weeks after that is Monday 15 February 2027.
        #expect(ObjectionTerms.objectionDeadline(decided: day("2026-11-20")) == day("2027-01-04"))
        #expect(ObjectionTerms.decisionDue(decided: day("2026-11-20")) == day("2027-02-15"))
        // Decided Thursday 2027-03-18: six weeks end Thursday 29 April 2027, a working day;
        // six weeks later is Thursday 10 June 2027.
        #expect(ObjectionTerms.decisionDue(decided: day("2027-03-18")) == day("2027-06-10"))
        let onTime = Objection(decisionDate: day("2026-11-20"), received: day("2027-01-04"), grounds: "x", recordedBy: "r")
        let late = Objection(decisionDate: day("2026-11-20"), received: day("2027-01-05"), grounds: "x", recordedBy: "r")
        #expect(!onTime.isLate && late.isLate)
    }

    @Test("Recording an objection: only against a decision, one at a time, with grounds, on a real day")
    func recording() throws {
        let today = day("2026-12-02")
        func record(_ g: Grant, _ received: String = "2026-12-01", grounds: String = "Ik heb het bed echt nodig.") -> Result<Grant, Refusals> {
            GrantWorkflow.recordObjection(g, received: day(received), grounds: grounds, by: Self.caseworker, today: today)
        }
        let recorded = try record(Self.decided(.rejected)).get()
        #expect(recorded.openObjection == Objection(decisionDate: day("2026-11-20"), received: day("2026-12-01"),
                                                     grounds: "Ik heb het bed echt nodig.", recordedBy: "r.westra"))
        #expect(recorded.status == .rejected)
        #expect(throws: Refusals([.objectionAlreadyOpen])) { try record(recorded).get() }
        #expect(throws: Refusals([.objectionWithoutDecision(.submitted)])) { try record(Self.decided(.submitted)).get() }
        #expect(throws: Refusals([.objectionGroundsMissing])) { try record(Self.decided(.approved), grounds: "  ").get() }
        #expect(throws: Refusals([.objectionReceivedBeforeDecision])) { try record(Self.decided(.approved), "2026-11-19").get() }
        #expect(throws: Refusals([.objectionReceivedInFuture])) { try record(Self.decided(.approved), "2026-12-03").get() }
    }

    @Test("Deciding: a team leader's, with reasons; upheld against a rejection approves the grant")
    func deciding() throws {
        let at = Moment(iso: "2026-12-10T14:00:00+01:00")!
        let open = try GrantWorkflow.recordObjection(Self.decided(.rejected), received: day("2026-12-01"), grounds: "Nodig.",
                                                     by: Self.caseworker, today: day("2026-12-02")).get()
        #expect(throws: Refusals([.notTeamLeader, .objectionOwnDecision])) {
            try GrantWorkflow.decideObjection(open, outcome: .dismissed, reasons: "Zie besluit.", newDecision: "", by: Self.caseworker, at: at).get()
        }
        #expect(throws: Refusals([.objectionReasonsRequired])) {
            try GrantWorkflow.decideObjection(open, outcome: .dismissed, reasons: " ", newDecision: "", by: Self.teamleader, at: at).get()
        }
        let dismissed = try GrantWorkflow.decideObjection(open, outcome: .dismissed, reasons: "Het vermogen is te hoog.", newDecision: "",
                                                          by: Self.teamleader, at: at).get()
        #expect(dismissed.status == .rejected && dismissed.openObjection == nil && !dismissed.objections[0].ledToNewDecision)
        let upheld = try GrantWorkflow.decideObjection(open, outcome: .upheld, reasons: "Het spaargeld is voor de uitvaart bestemd.", newDecision: "",
                                                       by: Self.teamleader, at: at).get()
        #expect(upheld.status == .approved)
        #expect(upheld.decidedBy == "t.tweede" && upheld.decidedAt == at && !upheld.approvedUnderMandate)
        // Four eyes (Awb 7:5): the one who rejected it, or who asked for it, does not decide.
        #expect(throws: Refusals([.objectionOwnDecision])) {
            try GrantWorkflow.decideObjection(open, outcome: .upheld, reasons: "x", newDecision: "", by: Self.decider, at: at).get()
        }
        #expect(throws: Refusals([.notTeamLeader, .objectionOwnDecision])) {
            try GrantWorkflow.decideObjection(open, outcome: .upheld, reasons: "x", newDecision: "", by: Self.caseworker, at: at).get()
        }
        #expect(upheld.letterReasons == "Het spaargeld is voor de uitvaart bestemd.")
        #expect(upheld.objections[0].outcome == .upheld && upheld.objections[0].ledToNewDecision)
        #expect(upheld.objections[0].newDecision == "De afwijzing is herroepen; de aanvraag is alsnog toegekend.")
        // Upheld against an approval: the new decision is said in words.
        let againstApproval = try GrantWorkflow.recordObjection(Self.decided(.approved), received: day("2026-12-01"), grounds: "Liever een gift.",
                                                                by: Self.caseworker, today: day("2026-12-02")).get()
        #expect(throws: Refusals([.newDecisionRequired])) {
            try GrantWorkflow.decideObjection(againstApproval, outcome: .upheld, reasons: "Terecht.", newDecision: "", by: Self.teamleader, at: at).get()
        }
        let changed = try GrantWorkflow.decideObjection(againstApproval, outcome: .upheld, reasons: "Terecht.", newDecision: "De lening wordt een gift.",
                                                        by: Self.teamleader, at: at).get()
        #expect(changed.status == .approved && changed.objections[0].newDecision == "De lening wordt een gift.")
    }

    @Test("The report counts objections received in the period, by outcome, and those that led to a new decision")
    func report() throws {
        let at = Moment(iso: "2026-12-10T14:00:00+01:00")!
        let a = try GrantWorkflow.recordObjection(Self.decided(.rejected), received: day("2026-12-01"), grounds: "x", by: Self.caseworker, today: day("2026-12-02")).get()
        let upheld = try GrantWorkflow.decideObjection(a, outcome: .upheld, reasons: "y", newDecision: "", by: Self.teamleader, at: at).get()
        let b = try GrantWorkflow.recordObjection(Self.decided(.approved), received: day("2026-12-02"), grounds: "x", by: Self.caseworker, today: day("2026-12-02")).get()
        let c = try GrantWorkflow.recordObjection(Self.decided(.approved), received: day("2026-12-02"), grounds: "x", by: Self.caseworker, today: day("2026-12-02")).get()
        let dismissed = try GrantWorkflow.decideObjection(c, outcome: .dismissed, reasons: "y", newDecision: "", by: Self.teamleader, at: at).get()
        let outside = try GrantWorkflow.recordObjection(Self.decided(.approved), received: day("2026-11-25"), grounds: "x", by: Self.caseworker, today: day("2026-12-02")).get()
        let r = PracticeReport.compute(grants: [upheld, b, dismissed, outside], from: day("2026-12-01"), to: day("2026-12-31"),
                                       now: PracticeReport.endOfDay(day("2026-12-31")))
        #expect(r.objections == 3 && r.objectionsOpen == 1 && r.objectionsWithNewDecision == 1)
        #expect(r.objectionOutcomes == [.upheld: 1, .dismissed: 1])
    }
}
