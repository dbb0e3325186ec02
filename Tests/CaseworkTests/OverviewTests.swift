import Testing
@testable import Casework

@Suite("The financial overview: bottom line, norm test, draagkracht")
struct OverviewTests {
    /// The example household of docs/case-file.md, built in code.
    var jansen: (Household, Finances) {
        let h = Household(id: "hh-demo-0001", name: "Huishouden Jansen", members: [
            member("Sanne Jansen", born: "1991-04-12", .applicant), member("Mila Jansen", born: "2021-09-01", .child)])
        let f = Finances(
            income: [income("1750.00"), income("310.00", .month, .childBudget), income("306.00", .quarter, .childBenefit)],
            expenses: [ExpenseLine(label: "Huur", amount: euros("875.00"), frequency: .month, category: .wonen),
                       ExpenseLine(label: "Kinderopvang", amount: euros("620.00"), frequency: .month, category: .kinderen)],
            debts: [Debt(creditor: "Belastingdienst/Toeslagen", amount: euros("4200.00"), status: .open, arrears: true)],
            deductions: [deduction("150.00", .beslag)])
        return (h, f)
    }

    @Test("The example of docs/case-file.md, figure by figure")
    func example() {
        let o = overview(jansen.0, jansen.1)
        // income 1750 + 310 + 306/3 = 2162; remaining 2162 − 1495 − 0 − 150 = 517
        #expect(o.totals.income == euros("2162.00"))
        #expect(o.totals.expenses == euros("1495.00"))
        #expect(o.totals.debtPayments == euros("0.00"))
        #expect(o.totals.deductions == euros("150.00"))
        #expect(o.totals.remaining == euros("517.00"))
        let n = o.normTest!
        // On 2026-11-23 the 2026-07-01 table is in force: single-21-aow 1419.46 (a single parent has the single norm).
        // assessed 1750 − 150 = 1600 (child budget and child benefit do not count); threshold 1419.46 × 1.1 = 1561.406 → 1561.41
        #expect(n.category == .single21toAOW && n.norm == euros("1419.46") && n.percentage == 110)
        #expect(n.normDate == day("2026-07-01"))
        #expect(n.threshold == euros("1561.41"))
        #expect(n.assessedIncome == euros("1600.00"))
        #expect(!n.withinNorm)                                          // 1600.00 > 1561.41
        // (1600 − 1419.46) = 180.54 × 0.35 = 63.189 → 63.19; × 12 = 758.28
        let d = o.draagkracht!
        #expect(d.base == euros("1419.46") && d.sharePercent == 35 && d.periodMonths == 12)
        #expect(d.monthly == euros("63.19"))
        #expect(d.total == euros("758.28"))
        #expect(o.warnings == [])                                       // 2026-07-01 + 6 months is after 2026-11-23
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
        // Threshold 1419.46 × 1.1 = 1561.406 → 1561.41 (2026-07-01 table).
        // 1600 > 1561.41; with 150 garnished, 1450 ≤ 1561.41.
        #expect(overview(singleAdult, Finances(income: [income("1600.00")])).normTest?.withinNorm == false)
        let garnished = overview(singleAdult, Finances(income: [income("1600.00")], deductions: [deduction("150.00", .beslag)]))
        #expect(garnished.normTest?.withinNorm == true)
        #expect(garnished.normTest?.assessedIncome == euros("1450.00"))
        // Exactly at the threshold is within.
        #expect(overview(singleAdult, Finances(income: [income("1561.41")])).normTest?.withinNorm == true)
        #expect(overview(singleAdult, Finances(income: [income("1561.42")])).normTest?.withinNorm == false)
    }

    @Test("Draagkracht is zero below the base, and the grantable amount is what is left of the cost")
    func draagkrachtAndGrantable() {
        let low = overview(singleAdult, Finances(income: [income("1200.00")])).draagkracht!
        #expect(low.monthly == .zero && low.total == .zero)
        #expect(low.grantable(cost: euros("500.00")) == euros("500.00"))
        let example = overview(jansen.0, jansen.1).draagkracht!
        // total 758.28 (see the example); 6500.00 − 758.28 = 5741.72; a cost below the draagkracht grants nothing.
        #expect(example.grantable(cost: euros("6500.00")) == euros("5741.72"))
        #expect(example.grantable(cost: euros("758.28")) == .zero)
        #expect(example.grantable(cost: euros("758.29")) == euros("0.01"))
        #expect(example.grantable(cost: euros("100.00")) == .zero)
    }

    @Test("Policy overrides change the threshold and draagkracht field by field")
    func policyOverrides() {
        let p = Policy.defaults.overridden(by: PolicyOverride(normPercentage: 120, freeUpToPercent: 110, sharePercent: 50,
                                                             periodMonths: 24))
        #expect(p.pensionAges == .shipped && p.mandateLimit == euros("1500.00"))   // untouched fields keep their values
        #expect(p.tiers == [DraagkrachtTier(fromPercent: 110, sharePercent: 50)])
        let o = overview(singleAdult, Finances(income: [income("1600.00")]), policy: p)
        // 2026-07-01 table: threshold 1419.46 × 1.20 = 1703.352 → 1703.35; base 1419.46 × 1.10 = 1561.406 → 1561.41
        #expect(o.normTest?.threshold == euros("1703.35"))
        #expect(o.normTest?.withinNorm == true)                          // 1600.00 ≤ 1703.35
        #expect(o.draagkracht?.base == euros("1561.41"))
        // (1600 − 1561.41) = 38.59 × 50 % = 19.295 → 19.30 a month (half away from zero), × 24 = 463.20
        #expect(o.draagkracht?.monthly == euros("19.30"))
        #expect(o.draagkracht?.total == euros("463.20"))
        // 1000.00 − 463.20 = 536.80
        #expect(o.draagkracht?.grantable(cost: euros("1000.00")) == euros("536.80"))
        #expect(Policy.defaults.overridden(by: PolicyOverride()) == .defaults)
    }

    @Test("Policy defaults as docs/rules.md gives them")
    func policyDefaults() {
        let p = Policy.defaults
        #expect(p.normPercentage == 110 && p.freeUpToPercent == 100 && p.sharePercent == 35)
        #expect(p.periodMonths == 12 && p.pensionAges == .shipped && p.mandateLimit == euros("1500.00"))
        #expect(p.tiers == [DraagkrachtTier(fromPercent: 100, sharePercent: 35)])
        #expect(!p.noDraagkrachtInDebtArrangement && p.minimumCost == nil)
        #expect(p.assetLimitSingle == euros("8000.00") && p.assetLimitFamily == euros("16000.00"))
        // The shipped pension ages: 67 years through 2027, 67 years and 3 months from 2028.
        #expect(PensionAges.shipped.ages == [PensionAge(from: day("2024-01-01"), years: 67, months: 0),
                                             PensionAge(from: day("2028-01-01"), years: 67, months: 3)])
    }

    @Test("The case file's own policy overrides the installation's; a missing reference date means today")
    func caseFilePolicyAndToday() throws {
        let (h, f) = jansen
        let file = CaseFile(household: h, finances: f, policy: PolicyOverride(sharePercent: 50))
        let installation = Policy.defaults.overridden(by: PolicyOverride(normPercentage: 120))
        let rules = CaseRules(policies: [PolicyVersion(number: 1, validFrom: day("2025-01-01"), policy: installation)])
        let o = try file.overview(today: day("2025-03-01"), rules: rules).get()
        #expect(o.referenceDate == day("2025-03-01"))
        #expect(o.policyVersion == 1)
        #expect(o.normTest?.percentage == 120)                        // from the installation
        #expect(o.normTest?.norm == euros("1345.45"))                 // the 2025-01-01 table holds on 2025-03-01
        // assessed 1750 − 150 = 1600; (1600 − 1345.45) = 254.55 × 50 % = 127.275 → 127.28
        #expect(o.draagkracht?.monthly == euros("127.28"))             // from the file
        // Before version 1 is valid the shipped policy (version 0, 110 %) holds; a file's own
        // reference date is used instead of today. On 2024-12-01 the 2024-07-01 table holds.
        var dated = file
        dated.referenceDate = day("2024-12-01")
        let early = try dated.overview(today: day("2025-03-01"), rules: rules).get()
        #expect(early.referenceDate == day("2024-12-01") && early.policyVersion == 0)
        #expect(early.normTest?.percentage == 110 && early.normTest?.norm == euros("1308.45"))
    }
}
