import Testing
@testable import Casework

@Suite("The financial overview: bottom line, norm test, draagkracht")
struct OverviewTests {
    /// The example household of docs/case-file.md, built in code.
    var jansen: (Household, Finances) {
        let h = Household(id: "hh-demo-0001", name: "Huishouden Jansen", members: [
            member("Sanne Jansen", born: "1991-04-12", .applicant), member("Mila Jansen", born: "2021-09-01", .child)])
        let f = Finances(
            income: [income("1650.00"), income("310.00", .month, .childBudget), income("306.00", .quarter, .childBenefit)],
            expenses: [ExpenseLine(label: "Huur", amount: euros("875.00"), frequency: .month, category: .wonen),
                       ExpenseLine(label: "Kinderopvang", amount: euros("620.00"), frequency: .month, category: .kinderen)],
            debts: [Debt(creditor: "Belastingdienst/Toeslagen", amount: euros("4200.00"), status: .open, arrears: true)],
            deductions: [deduction("150.00", .beslag)])
        return (h, f)
    }

    @Test("The example of docs/case-file.md, figure by figure")
    func example() {
        let o = overview(jansen.0, jansen.1)
        // income 1650 + 310 + 306/3 = 2062; remaining 2062 − 1495 − 0 − 150 = 417
        #expect(o.totals.income == euros("2062.00"))
        #expect(o.totals.expenses == euros("1495.00"))
        #expect(o.totals.debtPayments == euros("0.00"))
        #expect(o.totals.deductions == euros("150.00"))
        #expect(o.totals.remaining == euros("417.00"))
        let n = o.normTest!
        // assessed 1650 − 150 = 1500 (child budget and child benefit do not count); threshold 1345.45 × 1.1 = 1479.995 → 1480
        #expect(n.category == .single21toAOW && n.norm == euros("1345.45") && n.percentage == 110)
        #expect(n.threshold == euros("1480.00"))
        #expect(n.assessedIncome == euros("1500.00"))
        #expect(!n.withinNorm)
        // (1500 − 1345.45) × 0.35 = 54.0925 → 54.09; × 12 = 649.08
        let d = o.draagkracht!
        #expect(d.base == euros("1345.45") && d.sharePercent == 35 && d.periodMonths == 12)
        #expect(d.monthly == euros("54.09"))
        #expect(d.total == euros("649.08"))
        #expect(o.warnings == [.normTableOutdated(tableDate: day("2025-01-01"), referenceDate: referenceDay)])
    }

    @Test("The bottom line subtracts expenses, debt payments and deductions and may be negative")
    func bottomLine() {
        let f = Finances(income: [income("1000.00", .fourWeeks)],                      // 1083.33
                         expenses: [ExpenseLine(label: "Huur", amount: euros("950.00"), frequency: .month, category: .wonen),
                                    ExpenseLine(label: "Verzekering", amount: euros("240.00"), frequency: .year, category: .verzekeringen)], // 20.00
                         debts: [Debt(creditor: "CJIB", amount: euros("800.00"), monthlyPayment: euros("50.00"), status: .regeling),
                                 Debt(creditor: "Zilveren Kruis", amount: euros("300.00"), monthlyPayment: euros("25.50"), status: .open)],
                         deductions: [deduction("40.00", .minnelijk, .week)])                // 173.33
        let t = overview(singleAdult, f).totals
        #expect(t.income == euros("1083.33"))
        #expect(t.expenses == euros("970.00"))
        #expect(t.debtPayments == euros("75.50"))
        #expect(t.deductions == euros("173.33"))
        // 1083.33 − 970.00 − 75.50 − 173.33 = −135.50
        #expect(t.remaining == Money(cents: -13_550))
    }

    @Test("Which income kinds count for the norm test", arguments: [
        (IncomeKind.salary, true), (.benefit, true), (.pension, true), (.alimony, true), (.selfEmployed, true), (.other, true),
        (.childBenefit, false), (.childBudget, false), (.healthAllowance, false), (.rentAllowance, false),
        (.childcareAllowance, false), (.childAlimony, false),
    ])
    func incomeKinds(kind: IncomeKind, counts: Bool) {
        #expect(kind.countsForNormTest == counts)
        let o = overview(singleAdult, Finances(income: [income("1000.00", .month, kind)]))
        #expect(o.totals.income == euros("1000.00"))                                  // all kinds are income
        #expect(o.normTest?.assessedIncome == (counts ? euros("1000.00") : .zero))
        // The line's own `counts` overrides its kind's default, both ways.
        let flipped = overview(singleAdult, Finances(income: [income("1000.00", .month, kind, counts: !counts)]))
        #expect(flipped.normTest?.assessedIncome == (counts ? .zero : euros("1000.00")))
    }

    @Test("Every deduction kind is subtracted from assessed income and from the bottom line",
          arguments: DeductionKind.allCases)
    func deductionKinds(kind: DeductionKind) {
        let o = overview(singleAdult, Finances(income: [income("1600.00")], deductions: [deduction("200.00", kind)]))
        #expect(o.normTest?.assessedIncome == euros("1400.00"))
        #expect(o.totals.remaining == euros("1400.00"))
    }

    @Test("A garnishment can bring income above 110 % within the norm")
    func garnishmentPushesUnderNorm() {
        // 1600 > 1480 threshold; with 150 garnished, 1450 ≤ 1480.
        #expect(overview(singleAdult, Finances(income: [income("1600.00")])).normTest?.withinNorm == false)
        let garnished = overview(singleAdult, Finances(income: [income("1600.00")], deductions: [deduction("150.00", .beslag)]))
        #expect(garnished.normTest?.withinNorm == true)
        #expect(garnished.normTest?.assessedIncome == euros("1450.00"))
        // Exactly at the threshold is within.
        #expect(overview(singleAdult, Finances(income: [income("1480.00")])).normTest?.withinNorm == true)
        #expect(overview(singleAdult, Finances(income: [income("1480.01")])).normTest?.withinNorm == false)
    }

    @Test("Draagkracht is zero below the base, and the grantable amount is what is left of the cost")
    func draagkrachtAndGrantable() {
        let low = overview(singleAdult, Finances(income: [income("1200.00")])).draagkracht!
        #expect(low.monthly == .zero && low.total == .zero)
        #expect(low.grantable(cost: euros("500.00")) == euros("500.00"))
        let example = overview(jansen.0, jansen.1).draagkracht!
        // 6500.00 − 649.08 = 5850.92; a cost below the draagkracht grants nothing.
        #expect(example.grantable(cost: euros("6500.00")) == euros("5850.92"))
        #expect(example.grantable(cost: euros("649.08")) == .zero)
        #expect(example.grantable(cost: euros("100.00")) == .zero)
    }

    @Test("Policy overrides change the threshold and draagkracht field by field")
    func policyOverrides() {
        let p = Policy.defaults.overridden(by: PolicyOverride(normPercentage: 120, freeUpToPercent: 110, sharePercent: 50,
                                                             periodMonths: 24))
        #expect(p.pensionAge == 67 && p.mandateLimit == euros("1500.00"))   // untouched fields keep their values
        let o = overview(singleAdult, Finances(income: [income("1500.00")]), policy: p)
        // threshold 1345.45 × 1.20 = 1614.54; base 1345.45 × 1.10 = 1479.995 → 1480.00
        #expect(o.normTest?.threshold == euros("1614.54"))
        #expect(o.normTest?.withinNorm == true)
        #expect(o.draagkracht?.base == euros("1480.00"))
        // (1500 − 1480) × 50 % = 10.00 a month, × 24 = 240.00
        #expect(o.draagkracht?.monthly == euros("10.00"))
        #expect(o.draagkracht?.total == euros("240.00"))
        #expect(o.draagkracht?.grantable(cost: euros("1000.00")) == euros("760.00"))
        #expect(Policy.defaults.overridden(by: PolicyOverride()) == .defaults)
    }

    @Test("Policy defaults as docs/rules.md gives them")
    func policyDefaults() {
        let p = Policy.defaults
        #expect(p.normPercentage == 110 && p.freeUpToPercent == 100 && p.sharePercent == 35)
        #expect(p.periodMonths == 12 && p.pensionAge == 67 && p.mandateLimit == euros("1500.00"))
    }

    @Test("The case file's own policy overrides the installation's; a missing reference date means today")
    func caseFilePolicyAndToday() throws {
        let (h, f) = jansen
        let file = CaseFile(household: h, finances: f, policy: PolicyOverride(sharePercent: 50))
        let installation = Policy.defaults.overridden(by: PolicyOverride(normPercentage: 120))
        let o = try file.overview(installationPolicy: installation, today: day("2025-03-01")).get()
        #expect(o.referenceDate == day("2025-03-01"))
        #expect(o.normTest?.percentage == 120)                        // from the installation
        // (1500 − 1345.45) × 50 % = 77.275 → 77.28
        #expect(o.draagkracht?.monthly == euros("77.28"))              // from the file
    }
}
