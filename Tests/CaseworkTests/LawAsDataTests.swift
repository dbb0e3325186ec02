import Foundation
import Testing
@testable import Casework

// The law and the policy as data (commit ee2758f; DOMAIN.md "Norm category", "Norm table",
// "The income-norm test", "Draagkracht"). Every expected figure below is worked out by hand
// from the tables of DOMAIN.md; the arithmetic is in the comment beside it.

/// Members of an age on the dates of these tests (2026-06-30 … 2026-12-01).
private enum Born {
    static let young = "2007-03-15"        // 19 on 2026-06-30, 2026-07-01 and 2026-12-01
    static let youngPartner = "2006-09-01" // 19 on 2026-06-30 and 2026-07-01, 20 on 2026-12-01
    static let adult = "1990-01-01"        // 36
    static let adultPartner = "1985-05-05" // 41
    static let pensioner = "1950-01-01"    // 76: reached 67 in 2017
    static let child = "2020-01-01"        // 6
}

private func couple(_ a: String, _ p: String, _ extra: Member...) -> Household {
    Household(name: "Huishouden Test", members: [member("A", born: a, .applicant), member("P", born: p, .partner)] + extra)
}

/// A member who cannot rely on their parents (art. 20 lid 3).
private func marked(_ name: String, born: String, _ role: MemberRole) -> Member {
    Member(name: name, birthDate: day(born), role: role, cannotRelyOnParents: "na jeugdzorg, geen contact met ouders")
}

private let eightyCharacters = String(repeating: "m", count: 80)
private let caseworker = Actor(user: "jdevries", role: .caseworker)

private func request(_ amount: String) -> Grant {
    Grant(route: .custom, category: .huurachterstand, amount: euros(amount),
          payee: Payee(name: "Woonstichting De Kade", iban: "NL91ABNA0417164300", reference: "HUUR"),
          goalShort: "Huisuitzetting voorkomen", motivation: eightyCharacters)
}

/// A grant as a file records it: submitted on `day` (local time), with the draagkracht it took.
private func recorded(_ id: String?, _ day: String?, _ status: GrantStatus, amount: String = "1000.00",
                      taken: String?) -> Grant {
    var g = request(amount)
    g.id = id
    g.status = status
    g.submittedAt = day.map { Moment(iso: "\($0)T10:00:00+01:00")! }
    g.submittedBy = day == nil ? nil : "jdevries"
    g.snapshot = FinancialSnapshot(normTest: nil, draagkracht: nil, grantable: nil, draagkrachtTaken: taken.map(euros))
    return g
}

@Suite("The law as data: norm tables, youth raise, pension age")
struct LawAsDataTests {
    // MARK: the shipped tables

    @Test("Six tables ship, each with its source; the youth raise only in the 2026 tables")
    func shippedTables() {
        let tables = NormTables.shipped.tables
        #expect(tables.count == 6)
        #expect(tables.map(\.validFrom) == ["2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01"].map(day))
        #expect(tables.allSatisfy { !$0.source.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(tables.allSatisfy { $0.source.contains("Participatiewet") })
        #expect(tables.map(\.youthRaise) == [nil, nil, nil, nil, euros("746.45"), euros("762.24")])
        #expect(NormTables.shipped.table(from: day("2026-07-01"))?.youthRaise == euros("762.24"))
        #expect(NormTables.shipped.table(from: day("2026-07-02")) == nil)
    }

    @Test("Every norm of every shipped table, as DOMAIN.md lists them", arguments: [
        (NormCategory.single18to20, ["316.94", "323.03", "332.17", "337.98", "345.99", "350.42"]),
        (.single21toAOW, ["1283.83", "1308.45", "1345.45", "1369.06", "1401.50", "1419.46"]),
        (.singleAOW, ["1425.76", "1456.85", "1501.07", "1530.21", "1564.69", "1587.34"]),
        (.couple18to20, ["633.88", "646.06", "664.34", "675.96", "691.98", "700.84"]),
        (.couple18to20Children, ["1000.69", "1019.90", "1048.75", "1067.12", "1092.41", "1106.40"]),
        (.coupleMixed, ["1233.96", "1257.64", "1293.21", "1315.88", "1347.06", "1364.32"]),
        (.coupleMixedChildren, ["1600.77", "1631.48", "1677.62", "1707.04", "1747.49", "1769.88"]),
        (.couple21toAOW, ["1834.04", "1869.21", "1922.07", "1955.80", "2002.13", "2027.79"]),
        (.coupleAOW, ["1933.98", "1976.64", "2053.48", "2094.98", "2144.16", "2176.10"]),
    ])
    func everyNorm(category: NormCategory, norms: [String]) throws {
        let dates = ["2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01"]
        for (date, norm) in zip(dates, norms) {
            let table = try #require(NormTables.shipped.table(from: day(date)))
            #expect(table.norm(for: category) == euros(norm), "\(category.rawValue) from \(date)")
        }
    }

    /// A household of `category` on both 2026-06-30 and 2026-07-01.
    static func typical(_ category: NormCategory) -> Household {
        let kid = member("K", born: Born.child, .child)
        switch category {
        case .single18to20: return household(member("A", born: Born.young, .applicant))
        case .single21toAOW: return household(member("A", born: Born.adult, .applicant))
        case .singleAOW: return household(member("A", born: Born.pensioner, .applicant))
        case .couple18to20: return couple(Born.young, Born.youngPartner)
        case .couple18to20Children: return couple(Born.young, Born.youngPartner, kid)
        case .coupleMixed: return couple(Born.young, Born.adult)
        case .coupleMixedChildren: return couple(Born.adult, Born.young, kid)
        case .couple21toAOW: return couple(Born.adult, Born.adultPartner)
        case .coupleAOW: return couple(Born.adult, Born.pensioner)
        }
    }

    @Test("On 2026-06-30 the 2026-01-01 table, on 2026-07-01 the 2026-07-01 table", arguments: [
        (NormCategory.single18to20, "345.99", "350.42"), (.single21toAOW, "1401.50", "1419.46"),
        (.singleAOW, "1564.69", "1587.34"), (.couple18to20, "691.98", "700.84"),
        (.couple18to20Children, "1092.41", "1106.40"), (.coupleMixed, "1347.06", "1364.32"),
        (.coupleMixedChildren, "1747.49", "1769.88"), (.couple21toAOW, "2002.13", "2027.79"),
        (.coupleAOW, "2144.16", "2176.10"),
    ])
    func julySwitch2026(category: NormCategory, january: String, july: String) {
        let h = Self.typical(category)
        let before = overview(h, Finances(), on: day("2026-06-30"))
        let after = overview(h, Finances(), on: day("2026-07-01"))
        #expect(before.normTest?.category == category && after.normTest?.category == category)
        #expect(before.normTest?.norm == euros(january) && before.normTest?.normDate == day("2026-01-01"))
        #expect(after.normTest?.norm == euros(july) && after.normTest?.normDate == day("2026-07-01"))
        #expect(before.normTest?.youthRaise == .zero && after.normTest?.youthRaise == .zero)
        // 2026-01-01 + 6 months = 2026-07-01, not before 2026-06-30: no outdated table.
        #expect(before.warnings.isEmpty && after.warnings.isEmpty)
    }

    // MARK: art. 20 lid 3

    @Test("Art. 20 lid 3: a single 19-year-old who cannot rely on their parents")
    func youthRaiseSingle() throws {
        let sem = household(marked("Sem", born: Born.young, .applicant))
        let o = overview(sem, Finances(income: [income("1200.00")]), on: day("2026-12-01"))
        let n = try #require(o.normTest)
        // 2026-07-01 table: single-18-20 350.42 + 762.24 = 1112.66, under single-21-aow 1419.46
        #expect(n.category == .single18to20)
        #expect(n.norm == euros("1112.66") && n.tableNorm == euros("350.42"))
        #expect(n.youthRaise == euros("762.24") && n.raisedFor == ["Sem"])
        // 1112.66 × 110 / 100 = 1223.926 → 1223.93 (half away from zero)
        #expect(n.threshold == euros("1223.93"))
        #expect(n.withinNorm)                                           // 1200.00 ≤ 1223.93
        // Draagkracht from the raised norm: (1200.00 − 1112.66) = 87.34 × 35 % = 30.569 → 30.57; × 12 = 366.84
        #expect(o.draagkracht?.base == euros("1112.66"))
        #expect(o.draagkracht?.monthly == euros("30.57") && o.draagkracht?.total == euros("366.84"))
        #expect(o.warnings.isEmpty)
        // In the first half of 2026: 345.99 + 746.45 = 1092.44
        let march = overview(sem, Finances(), on: day("2026-03-01")).normTest
        #expect(march?.norm == euros("1092.44") && march?.youthRaise == euros("746.45"))
    }

    @Test("Art. 20 lid 3: a couple both 19 and both marked is capped at couple-21-aow")
    func youthRaiseCoupleCapped() throws {
        let h = Household(name: "T", members: [marked("A", born: Born.young, .applicant),
                                               marked("P", born: Born.young, .partner)])
        let n = try #require(overview(h, Finances(), on: day("2026-12-01")).normTest)
        // 700.84 + 2 × 762.24 = 700.84 + 1524.48 = 2225.32 > couple-21-aow 2027.79 → 2027.79
        #expect(n.category == .couple18to20)
        #expect(n.norm == euros("2027.79"))
        // the raise is what was added: 2027.79 − 700.84 = 1326.95
        #expect(n.youthRaise == euros("1326.95") && n.raisedFor == ["A", "P"])
        // 2027.79 × 1.1 = 2230.569 → 2230.57
        #expect(n.threshold == euros("2230.57"))
        // One of them marked: 700.84 + 762.24 = 1463.08, under the cap
        let one = Household(name: "T", members: [marked("A", born: Born.young, .applicant),
                                                 member("P", born: Born.young, .partner)])
        let m = try #require(overview(one, Finances(), on: day("2026-12-01")).normTest)
        #expect(m.norm == euros("1463.08") && m.youthRaise == euros("762.24") && m.raisedFor == ["A"])
    }

    @Test("Art. 20 lid 3: couple-mixed with the young one marked is capped at couple-21-aow")
    func youthRaiseCoupleMixed() throws {
        let h = Household(name: "T", members: [member("A", born: Born.adult, .applicant),
                                               marked("P", born: Born.young, .partner)])
        let o = overview(h, Finances(), on: day("2026-12-01"))
        let n = try #require(o.normTest)
        // 1364.32 + 762.24 = 2126.56 > 2027.79 → 2027.79; raise 2027.79 − 1364.32 = 663.47
        #expect(n.category == .coupleMixed)
        #expect(n.norm == euros("2027.79") && n.youthRaise == euros("663.47") && n.raisedFor == ["P"])
        #expect(o.warnings.isEmpty)
        // The 36-year-old marked as well gets no raise and a warning; the young one still does.
        let both = Household(name: "T", members: [marked("A", born: Born.adult, .applicant),
                                                  marked("P", born: Born.young, .partner)])
        let o2 = overview(both, Finances(), on: day("2026-12-01"))
        #expect(o2.normTest?.norm == euros("2027.79") && o2.normTest?.raisedFor == ["P"])
        #expect(o2.warnings == [.youthRaiseNotApplicable(member: "A")])
    }

    @Test("Art. 20 lid 3: marked at 21, or before 2026, gives no raise and a warning")
    func youthRaiseNotApplicable() throws {
        // Born 2005-06-01: 21 on 2026-12-01 → single-21-aow 1419.46, no raise.
        let twentyOne = overview(household(marked("Noa", born: "2005-06-01", .applicant)), Finances(), on: day("2026-12-01"))
        #expect(twentyOne.normTest?.category == .single21toAOW)
        #expect(twentyOne.normTest?.norm == euros("1419.46") && twentyOne.normTest?.youthRaise == .zero)
        #expect(twentyOne.normTest?.raisedFor == [])
        #expect(twentyOne.warnings == [.youthRaiseNotApplicable(member: "Noa")])
        #expect(OverviewWarning.youthRaiseNotApplicable(member: "Noa").message(in: .nl).contains("art. 20 lid 3"))

        // On 2025-12-31 the 2025-07-01 table has no raise: single-18-20 337.98, and a warning
        // (the table is not outdated: 2025-07-01 + 6 months = 2026-01-01).
        let sem = household(marked("Sem", born: Born.young, .applicant))
        let december = overview(sem, Finances(), on: day("2025-12-31"))
        #expect(december.normTest?.norm == euros("337.98") && december.normTest?.youthRaise == .zero)
        #expect(december.warnings == [.youthRaiseNotApplicable(member: "Sem")])
        // The next day the 2026-01-01 table raises it: 345.99 + 746.45 = 1092.44.
        let january = overview(sem, Finances(), on: day("2026-01-01"))
        #expect(january.normTest?.norm == euros("1092.44") && january.warnings.isEmpty)

        // A reason of only spaces is no reason: no raise, no warning.
        var blank = Member(name: "Sem", birthDate: day(Born.young), role: .applicant, cannotRelyOnParents: "   ")
        let none = overview(household(blank), Finances(), on: day("2026-12-01"))
        #expect(none.normTest?.norm == euros("350.42") && none.warnings.isEmpty)
        blank.cannotRelyOnParents = nil
        #expect(overview(household(blank), Finances(), on: day("2026-12-01")).normTest?.norm == euros("350.42"))
    }

    // MARK: pension age

    @Test("The shipped pension ages: 67 through 2027, 67 years and 3 months from 2028", arguments: [
        ("1960-06-15", "2027-06-15", 0), ("1960-12-20", "2027-12-20", 0),
        ("1961-01-10", "2028-04-10", 3), ("1961-03-10", "2028-06-10", 3),
    ])
    func pensionAgeReached(born: String, reached: String, months: Int) {
        let r = PensionAges.shipped.reached(bornOn: day(born))
        #expect(r.date == day(reached))
        #expect(r.age.years == 67 && r.age.months == months)
        #expect(PensionAges.shipped.hasReached(bornOn: day(born), on: day(reached)))
        #expect(!PensionAges.shipped.hasReached(bornOn: day(born), on: day(reached).adding(days: -1)))
    }

    @Test("Categorisation follows the pension age by date")
    func pensionAgeCategory() {
        let h = household(member("A", born: "1961-03-10", .applicant))
        // 67 on 2028-03-10, but from 2028 the age is 67 years and 3 months: 2028-06-10.
        #expect(NormCategorisation.category(of: h, on: day("2028-03-10"), pensionAges: .shipped) == .success(.single21toAOW))
        #expect(NormCategorisation.category(of: h, on: day("2028-06-09"), pensionAges: .shipped) == .success(.single21toAOW))
        #expect(NormCategorisation.category(of: h, on: day("2028-06-10"), pensionAges: .shipped) == .success(.singleAOW))
        // A couple is couple-aow from the day one of them reaches it (born 1960-12-20: 2027-12-20).
        let c = couple("1960-12-20", Born.adult)
        #expect(NormCategorisation.category(of: c, on: day("2027-12-19"), pensionAges: .shipped) == .success(.couple21toAOW))
        #expect(NormCategorisation.category(of: c, on: day("2027-12-20"), pensionAges: .shipped) == .success(.coupleAOW))
    }

    @Test("A pension age reads in years and months")
    func pensionAgeText() {
        let later = PensionAge(from: day("2028-01-01"), years: 67, months: 3)
        #expect(later.text(in: .nl) == "67 jaar en 3 maanden")
        #expect(later.text(in: .en) == "67 years and 3 months")
        #expect(PensionAge(from: day("2024-01-01"), years: 67, months: 0).text(in: .nl) == "67 jaar")
        #expect(PensionAge(from: day("2030-01-01"), years: 67, months: 1).text(in: .nl) == "67 jaar en 1 maand")
    }
}

@Suite("The policy as data: tiers, draagkrachtperiode, WSNP, vermogen, drempelbedrag")
struct PolicyAsDataTests {
    static func policy(_ o: PolicyOverride) -> Policy { Policy.defaults.overridden(by: o) }

    // MARK: tiers

    @Test("Tiers [(100 %, 35 %), (150 %, 100 %)]: each band by hand")
    func twoTiers() throws {
        let p = Self.policy(PolicyOverride(tiers: [DraagkrachtTier(fromPercent: 150, sharePercent: 100),
                                                   DraagkrachtTier(fromPercent: 100, sharePercent: 35)]))
        #expect(p.tiers.map(\.fromPercent) == [100, 150])              // sorted
        let d = try #require(overview(singleAdult, Finances(income: [income("2500.00")]), policy: p).draagkracht)
        // norm 1419.46 (2026-07-01); bounds 1419.46 × 100 % = 1419.46 and 1419.46 × 150 % = 2129.19
        // band 1: min(2500.00 − 1419.46 = 1080.54, 2129.19 − 1419.46 = 709.73) = 709.73; × 35 % = 248.4055 → 248.41
        // band 2: 2500.00 − 2129.19 = 370.81; × 100 % = 370.81
        #expect(d.base == euros("1419.46"))
        #expect(d.bands == [DraagkrachtBand(from: euros("1419.46"), upTo: euros("2129.19"), sharePercent: 35, income: euros("709.73")),
                            DraagkrachtBand(from: euros("2129.19"), upTo: nil, sharePercent: 100, income: euros("370.81"))])
        #expect(d.bands.map(\.monthly) == [euros("248.41"), euros("370.81")])
        // 248.41 + 370.81 = 619.22; × 12 = 7430.64
        #expect(d.monthly == euros("619.22"))
        #expect(d.total == euros("7430.64"))
        // Below the second bound only the first band: (1800.00 − 1419.46) = 380.54 × 35 % = 133.189 → 133.19
        let low = try #require(overview(singleAdult, Finances(income: [income("1800.00")]), policy: p).draagkracht)
        #expect(low.bands.map(\.income) == [euros("380.54"), .zero])
        #expect(low.monthly == euros("133.19"))
    }

    @Test("The tiers of DOMAIN.md's example: 50 % between 110 % and 150 %, 100 % above")
    func domainExampleTiers() throws {
        let p = Self.policy(PolicyOverride(tiers: [DraagkrachtTier(fromPercent: 110, sharePercent: 50),
                                                   DraagkrachtTier(fromPercent: 150, sharePercent: 100)]))
        // bounds: 1419.46 × 110 % = 1561.406 → 1561.41; 1419.46 × 150 % = 2129.19
        let high = try #require(overview(singleAdult, Finances(income: [income("2500.00")]), policy: p).draagkracht)
        // band 1: min(2500.00 − 1561.41 = 938.59, 2129.19 − 1561.41 = 567.78) = 567.78 × 50 % = 283.89
        // band 2: 370.81 × 100 % = 370.81; monthly 654.70; × 12 = 7856.40
        #expect(high.base == euros("1561.41"))
        #expect(high.bands.map(\.from) == [euros("1561.41"), euros("2129.19")])
        #expect(high.bands.map(\.income) == [euros("567.78"), euros("370.81")])
        #expect(high.bands.map(\.monthly) == [euros("283.89"), euros("370.81")])
        #expect(high.monthly == euros("654.70") && high.total == euros("7856.40"))
        #expect(high.sharePercent == 50)
        // 2000.00: band 1 min(438.59, 567.78) = 438.59 × 50 % = 219.295 → 219.30; band 2 nothing; × 12 = 2631.60
        let mid = try #require(overview(singleAdult, Finances(income: [income("2000.00")]), policy: p).draagkracht)
        #expect(mid.bands.map(\.income) == [euros("438.59"), .zero])
        #expect(mid.monthly == euros("219.30") && mid.total == euros("2631.60"))
        // 1500.00 is under the base 1561.41: nothing.
        let under = try #require(overview(singleAdult, Finances(income: [income("1500.00")]), policy: p).draagkracht)
        #expect(under.monthly == .zero && under.bands.map(\.income) == [.zero, .zero])
    }

    // MARK: one draagkrachtperiode per household

    @Test("Two grants in one draagkrachtperiode: the second gets what the first left")
    func twoGrantsOnePeriod() throws {
        var file = CaseFile(household: singleAdult, finances: Finances(income: [income("1700.00")]))
        // On 2026-03-10 (2026-01-01 table, norm 1401.50): (1700.00 − 1401.50) = 298.50 × 35 % = 104.475 → 104.48; × 12 = 1253.76
        let march = try CaseRules.shipped.overview(of: file, on: day("2026-03-10")).get()
        let d1 = try #require(march.draagkracht)
        #expect(d1.total == euros("1253.76") && d1.periodStart == nil && d1.usedBefore == .zero)
        var first = try GrantWorkflow.submit(request("1000.00"), by: caseworker, at: Moment(iso: "2026-03-10T09:00:00+01:00")!,
                                             overview: march, policy: march.policy).get()
        first.id = "gr-1"
        // It bears all of 1000.00 itself (under 1253.76): taken 1000.00, grantable 0.00.
        #expect(first.status == .approved)
        #expect(first.snapshot?.draagkrachtTaken == euros("1000.00") && first.snapshot?.grantable == .zero)
        file.grants = [first]

        // On 2026-11-23 (2026-07-01 table, norm 1419.46): (1700.00 − 1419.46) = 280.54 × 35 % = 98.189 → 98.19; × 12 = 1178.28
        let november = try CaseRules.shipped.overview(of: file, on: day("2026-11-23")).get()
        let d2 = try #require(november.draagkracht)
        #expect(d2.total == euros("1178.28"))
        #expect(d2.periodStart == day("2026-03-10"))
        #expect(d2.usedBefore == euros("1000.00"))
        #expect(d2.remaining == euros("178.28"))                       // 1178.28 − 1000.00
        #expect(d2.grantable(cost: euros("700.00")) == euros("521.72"))  // 700.00 − 178.28
        var second = try GrantWorkflow.submit(request("700.00"), by: caseworker, at: Moment(iso: "2026-11-23T09:00:00+01:00")!,
                                              overview: november, policy: november.policy).get()
        second.id = "gr-2"
        #expect(second.snapshot?.draagkrachtTaken == euros("178.28") && second.snapshot?.grantable == euros("521.72"))
        file.grants.append(second)

        // A third in the same period: 1178.28 − (1000.00 + 178.28) = 0 left; the whole cost is grantable.
        let december = try #require(try CaseRules.shipped.overview(of: file, on: day("2026-12-01")).get().draagkracht)
        #expect(december.usedBefore == euros("1178.28") && december.remaining == .zero)
        #expect(december.grantable(cost: euros("250.00")) == euros("250.00"))
        #expect(december.taken(by: euros("250.00")) == .zero)
        // The overview for a grant itself leaves that grant out.
        let without = try #require(try CaseRules.shipped.overview(of: file, on: day("2026-12-01"), excludingGrant: "gr-2").get().draagkracht)
        #expect(without.usedBefore == euros("1000.00"))
    }

    @Test("What is left never goes below zero when the earlier grant took more than today's total")
    func remainingNeverNegative() throws {
        // 2026-03-10: total 1253.76 (above); a cost of 1400.00 takes all of it, grantable 1400.00 − 1253.76 = 146.24.
        var file = CaseFile(household: singleAdult, finances: Finances(income: [income("1700.00")]))
        let march = try CaseRules.shipped.overview(of: file, on: day("2026-03-10")).get()
        let first = try GrantWorkflow.submit(request("1400.00"), by: caseworker, at: Moment(iso: "2026-03-10T09:00:00+01:00")!,
                                             overview: march, policy: march.policy).get()
        #expect(first.snapshot?.draagkrachtTaken == euros("1253.76") && first.snapshot?.grantable == euros("146.24"))
        file.grants = [first]
        // 2026-11-23: total 1178.28 − used 1253.76 = −75.48 → 0
        let d = try #require(try CaseRules.shipped.overview(of: file, on: day("2026-11-23")).get().draagkracht)
        #expect(d.usedBefore == euros("1253.76") && d.remaining == .zero)
    }

    @Test("A grant submitted a period (12 months) or longer before starts no shared period")
    func earlierPeriodOver() throws {
        func file(submitted: String) -> CaseFile {
            CaseFile(household: singleAdult, finances: Finances(income: [income("1700.00")]),
                     grants: [recorded("gr-1", submitted, .approved, taken: "500.00")])
        }
        // 2025-11-10 + 12 months = 2026-11-10, before 2026-11-23: a new period, nothing used.
        let long = try #require(try CaseRules.shipped.overview(of: file(submitted: "2025-11-10"), on: referenceDay).get().draagkracht)
        #expect(long.periodStart == nil && long.usedBefore == .zero && long.remaining == euros("1178.28"))
        // Exactly twelve months (2025-11-23 → 2026-11-23): the period has ended that day.
        let exactly = try #require(try CaseRules.shipped.overview(of: file(submitted: "2025-11-23"), on: referenceDay).get().draagkracht)
        #expect(exactly.periodStart == nil && exactly.usedBefore == .zero)
        // One day less (2025-11-24 → until 2026-11-24): still shared; 1178.28 − 500.00 = 678.28.
        let shared = try #require(try CaseRules.shipped.overview(of: file(submitted: "2025-11-24"), on: referenceDay).get().draagkracht)
        #expect(shared.periodStart == day("2025-11-24") && shared.usedBefore == euros("500.00"))
        #expect(shared.remaining == euros("678.28"))
        #expect(DraagkrachtPeriod.use(of: file(submitted: "2025-11-10").grants, on: referenceDay, periodMonths: 12) == nil)
    }

    @Test("DraagkrachtPeriod.use: which grants take, and where a period starts")
    func periodUse() {
        let grants = [
            recorded("a", "2026-01-15", .approved, taken: "300.00"),
            recorded("b", "2026-06-01", .paid, taken: "200.00"),
            recorded("c", "2026-07-01", .rejected, taken: "999.00"),     // rejected: takes nothing
            recorded("d", nil, .draft, taken: "888.00"),                 // never submitted
            recorded("e", "2026-09-01", .returned, taken: "777.00"),     // returned: takes nothing
            recorded("f", "2026-10-01", .submitted, taken: "50.00"),     // waiting for a decision: takes
            recorded("g", "2027-02-01", .evaluated, taken: "100.00"),
        ]
        // 300.00 + 200.00 + 50.00 = 550.00 in the period from 2026-01-15
        #expect(DraagkrachtPeriod.use(of: grants, on: referenceDay, periodMonths: 12)
                == DraagkrachtUse(periodStart: day("2026-01-15"), used: euros("550.00")))
        // Grants after the day do not count: on 2026-05-31 only a.
        #expect(DraagkrachtPeriod.use(of: grants, on: day("2026-05-31"), periodMonths: 12)
                == DraagkrachtUse(periodStart: day("2026-01-15"), used: euros("300.00")))
        #expect(DraagkrachtPeriod.use(of: grants, on: day("2027-01-14"), periodMonths: 12)?.used == euros("550.00"))
        #expect(DraagkrachtPeriod.use(of: grants, on: day("2027-01-15"), periodMonths: 12) == nil)
        // g (2027-02-01) is on or after 2027-01-15: it starts the next period.
        #expect(DraagkrachtPeriod.use(of: grants, on: day("2027-03-01"), periodMonths: 12)
                == DraagkrachtUse(periodStart: day("2027-02-01"), used: euros("100.00")))
        #expect(DraagkrachtPeriod.use(of: grants, on: referenceDay, periodMonths: 12, excluding: "f")?.used == euros("500.00"))
        // Six-month periods: a from 2026-01-15 to 2026-07-15 with b (500.00); f (2026-10-01) starts the next.
        #expect(DraagkrachtPeriod.use(of: grants, on: referenceDay, periodMonths: 6)
                == DraagkrachtUse(periodStart: day("2026-10-01"), used: euros("50.00")))
        #expect(DraagkrachtPeriod.use(of: [], on: referenceDay, periodMonths: 12) == nil)
    }

    @Test("An old snapshot without draagkrachtTaken took its cost minus what was grantable")
    func oldSnapshots() {
        var old = recorded("old", "2026-03-01", .approved, amount: "2400.00", taken: nil)
        old.snapshot = FinancialSnapshot(normTest: nil, draagkracht: nil, grantable: euros("1750.92"))
        // 2400.00 − 1750.92 = 649.08
        #expect(DraagkrachtPeriod.taken(by: old) == euros("649.08"))
        #expect(DraagkrachtPeriod.use(of: [old], on: referenceDay, periodMonths: 12)
                == DraagkrachtUse(periodStart: day("2026-03-01"), used: euros("649.08")))
        // A grantable above the cost takes nothing (never negative); no snapshot, nothing.
        old.snapshot = FinancialSnapshot(normTest: nil, draagkracht: nil, grantable: euros("2500.00"))
        #expect(DraagkrachtPeriod.taken(by: old) == .zero)
        old.snapshot = nil
        #expect(DraagkrachtPeriod.taken(by: old) == .zero)
        // The snapshot's own figure wins over the difference.
        old.snapshot = FinancialSnapshot(normTest: nil, draagkracht: nil, grantable: euros("1750.92"), draagkrachtTaken: euros("10.00"))
        #expect(DraagkrachtPeriod.taken(by: old) == euros("10.00"))
    }

    // MARK: WSNP

    @Test("noDraagkrachtInDebtArrangement: no draagkracht at all in WSNP")
    func wsnp() throws {
        let inWSNP = Finances(income: [income("1700.00")],
                              debts: [Debt(creditor: "Bewindvoerder", amount: euros("12000.00"), status: .wsnp)],
                              assets: [AssetLine(label: "Spaarrekening", amount: euros("20000.00"), kind: .savings)])
        let on = Self.policy(PolicyOverride(noDraagkrachtInDebtArrangement: true))
        let o = overview(singleAdult, inWSNP, policy: on)
        let d = try #require(o.draagkracht)
        #expect(d.suspended == .debtArrangement)
        #expect(d.monthly == .zero && d.total == .zero && d.assetsCounted == .zero && d.remaining == .zero)
        #expect(d.grantable(cost: euros("500.00")) == euros("500.00"))
        // The norm test itself still applies: 1700.00 > 1561.41.
        #expect(o.normTest?.withinNorm == false)
        // Option off (the default): (1700.00 − 1419.46) × 35 % = 98.19; × 12 = 1178.28, plus 20000.00 − 8000.00 = 12000.00
        let off = try #require(overview(singleAdult, inWSNP).draagkracht)
        #expect(off.suspended == nil && off.monthly == euros("98.19"))
        #expect(off.total == euros("13178.28"))
        // Option on, but the debt is open (no arrangement): normal figures.
        var open = inWSNP
        open.debts[0].status = .open
        #expect(overview(singleAdult, open, policy: on).draagkracht?.suspended == nil)
        #expect(overview(singleAdult, open, policy: on).draagkracht?.monthly == euros("98.19"))
        // An amicable arrangement by deduction counts too.
        let minnelijk = Finances(income: [income("1700.00")], deductions: [deduction("100.00", .minnelijk)])
        #expect(overview(singleAdult, minnelijk, policy: on).draagkracht?.suspended == .debtArrangement)
    }

    // MARK: vermogen

    @Test("Vermogen above the limit counts in full: € 8.000 single, € 16.000 single parent or couple")
    func assets() throws {
        func d(_ h: Household, _ amounts: [String], income amount: String = "1200.00") throws -> Draagkracht {
            let lines = amounts.map { AssetLine(label: "bezit", amount: euros($0), kind: .savings) }
            return try #require(overview(h, Finances(income: [income(amount)], assets: lines)).draagkracht)
        }
        // Income 1200.00 is under the base 1419.46: only vermogen makes draagkracht.
        #expect(try d(singleAdult, ["7999.99"]).total == .zero)
        #expect(try d(singleAdult, ["8000.00"]).assetsCounted == .zero)
        #expect(try d(singleAdult, ["8000.00"]).assetLimit == euros("8000.00"))
        #expect(try d(singleAdult, ["8000.01"]).assetsCounted == euros("0.01"))
        // 6000.00 + 3500.00 = 9500.00; − 8000.00 = 1500.00, in full; cost 2000.00 → 500.00 grantable
        let above = try d(singleAdult, ["6000.00", "3500.00"])
        #expect(above.assets == euros("9500.00") && above.assetsCounted == euros("1500.00") && above.total == euros("1500.00"))
        #expect(above.grantable(cost: euros("2000.00")) == euros("500.00"))
        // With income: 98.19 × 12 = 1178.28 + 1500.00 = 2678.28
        #expect(try d(singleAdult, ["6000.00", "3500.00"], income: "1700.00").total == euros("2678.28"))

        // A single parent with a child under 18 has the family limit: 12000.00 ≤ 16000.00 → nothing.
        let parent = household(member("A", born: Born.adult, .applicant), member("K", born: Born.child, .child))
        #expect(try d(parent, ["12000.00"]).assetLimit == euros("16000.00"))
        #expect(try d(parent, ["12000.00"]).assetsCounted == .zero)
        #expect(try d(parent, ["17000.00"]).assetsCounted == euros("1000.00"))
        // The child 18 (born 2008-01-01, 18 on 2026-11-23) no longer counts: the single limit, 12000.00 − 8000.00 = 4000.00.
        let grownChild = household(member("A", born: Born.adult, .applicant), member("K", born: "2008-01-01", .child))
        #expect(try d(grownChild, ["12000.00"]).assetsCounted == euros("4000.00"))
        // A couple: the family limit; 16000.01 − 16000.00 = 0.01.
        #expect(try d(couple(Born.adult, Born.adultPartner), ["16000.01"]).assetsCounted == euros("0.01"))
        // The limits are policy.
        let lower = PolicyAsDataTests.policy(PolicyOverride(assetLimitSingle: euros("5000.00")))
        let o = overview(singleAdult, Finances(assets: [AssetLine(label: "x", amount: euros("12000.00"), kind: .other)]), policy: lower)
        #expect(o.draagkracht?.assetsCounted == euros("7000.00"))       // 12000.00 − 5000.00
    }

    // MARK: drempelbedrag

    @Test("Drempelbedrag € 176,00: a cost under it is not granted")
    func minimumCost() throws {
        let p = Self.policy(PolicyOverride(minimumCost: euros("176.00")))
        let d = try #require(overview(singleAdult, Finances(income: [income("1200.00")]), policy: p).draagkracht)
        #expect(d.minimumCost == euros("176.00") && d.total == .zero)
        #expect(d.grantable(cost: euros("175.99")) == .zero)
        #expect(d.grantable(cost: euros("176.00")) == euros("176.00"))
        // With draagkracht 1178.28: 1500.00 − 1178.28 = 321.72 as usual.
        let withIncome = try #require(overview(singleAdult, Finances(income: [income("1700.00")]), policy: p).draagkracht)
        #expect(withIncome.grantable(cost: euros("1500.00")) == euros("321.72"))
        // Without a drempelbedrag (the default) 175.99 is granted; zero in an override switches it off.
        let none = try #require(overview(singleAdult, Finances(income: [income("1200.00")])).draagkracht)
        #expect(none.minimumCost == nil && none.grantable(cost: euros("175.99")) == euros("175.99"))
        #expect(p.overridden(by: PolicyOverride(minimumCost: .zero)).minimumCost == nil)
    }
}

@Suite("Norm table files and policy files")
struct LawFilesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A norm table file with `norms` (category code → amount) and an optional raise.
    static func tableText(_ validFrom: String, _ norms: [(String, String)], youthRaise: String? = nil,
                          format: String = "keukentafel-norms/1") -> String {
        let lines = norms.map { "    \"\($0.0)\": \"\($0.1)\"" }.joined(separator: ",\n")
        return """
            {
              "format": "\(format)",
              "validFrom": "\(validFrom)",
              "source": "Participatiewet (BWBR0015703), art. 20–22; test",
              "norms": {
            \(lines)
              }\(youthRaise.map { ",\n  \"youthRaise\": \"\($0)\"" } ?? "")
            }
            """
    }

    /// The 2026-07-01 column of DOMAIN.md.
    static let july2026: [(String, String)] = [
        ("single-18-20", "350.42"), ("single-21-aow", "1419.46"), ("single-aow", "1587.34"),
        ("couple-18-20", "700.84"), ("couple-18-20-children", "1106.40"), ("couple-mixed", "1364.32"),
        ("couple-mixed-children", "1769.88"), ("couple-21-aow", "2027.79"), ("couple-aow", "2176.10"),
    ]

    /// Each 2026-07-01 norm × 1.02, rounded half away from zero:
    /// 350.42 × 1.02 = 357.4284 → 357.43; 1419.46 × 1.02 = 1447.8492 → 1447.85; 1587.34 × 1.02 = 1619.0868 → 1619.09;
    /// 700.84 × 1.02 = 714.8568 → 714.86; 1106.40 × 1.02 = 1128.528 → 1128.53; 1364.32 × 1.02 = 1391.6064 → 1391.61;
    /// 1769.88 × 1.02 = 1805.2776 → 1805.28; 2027.79 × 1.02 = 2068.3458 → 2068.35; 2176.10 × 1.02 = 2219.622 → 2219.62;
    /// raise 762.24 × 1.02 = 777.4848 → 777.48.
    static let january2027: [(String, String)] = [
        ("single-18-20", "357.43"), ("single-21-aow", "1447.85"), ("single-aow", "1619.09"),
        ("couple-18-20", "714.86"), ("couple-18-20-children", "1128.53"), ("couple-mixed", "1391.61"),
        ("couple-mixed-children", "1805.28"), ("couple-21-aow", "2068.35"), ("couple-aow", "2219.62"),
    ]

    static func replacing(_ norms: [(String, String)], _ code: String, with amount: String) -> [(String, String)] {
        norms.map { $0.0 == code ? ($0.0, amount) : $0 }
    }

    @Test("A norm table file reads into the table; the shipped files are such files")
    func readTable() throws {
        let table = try NormTableFile.read(text: Self.tableText("2026-07-01", Self.july2026, youthRaise: "762.24")).get()
        let shipped = try #require(NormTables.shipped.table(from: day("2026-07-01")))
        #expect(table.validFrom == day("2026-07-01") && table.youthRaise == euros("762.24"))
        #expect(table.norms == shipped.norms)
        #expect(table.norm(for: .coupleAOW) == euros("2176.10"))
        // The shipped file itself, from the source tree.
        let url = Self.packageRoot.appendingPathComponent("Sources/Casework/Norms/norms-2026-07-01.json")
        #expect(try NormTableFile.read(text: String(contentsOf: url, encoding: .utf8)).get() == shipped)
        // Written and read again, it is the same table.
        #expect(NormTableFile.read(text: JSONWriter.write(NormTableFile.json(shipped))) == .success(shipped))
        // A table from before the raise has none.
        let old = try NormTableFile.read(text: Self.tableText("2025-07-01", Self.july2026)).get()
        #expect(old.youthRaise == nil)
    }

    @Test("A missing category is a problem at norms.couple-aow")
    func missingCategory() {
        let text = Self.tableText("2027-01-01", Self.january2027.filter { $0.0 != "couple-aow" })
        #expect(NormTableFile.read(text: text) == .failure(CaseFileRejection([CaseFileProblem(path: "norms.couple-aow", kind: .missing)])))
        // An unknown category and a wrong format are refused too.
        let unknown = Self.tableText("2027-01-01", Self.january2027 + [("couple-kids", "1.00")])
        guard case .failure(let rejection) = NormTableFile.read(text: unknown) else { Issue.record("read"); return }
        #expect(rejection.problems.map(\.path) == ["norms.couple-kids"])
        guard case .failure(let wrong) = NormTableFile.read(text: Self.tableText("2027-01-01", Self.january2027, format: "keukentafel-norms/2"))
        else { Issue.record("read"); return }
        #expect(wrong.problems == [CaseFileProblem(path: "format", kind: .wrongFormat(found: "keukentafel-norms/2", expected: "keukentafel-norms/1"))])
    }

    @Test("Adding a table: a date already there is refused")
    func tableExists() throws {
        let again = try NormTableFile.read(text: Self.tableText("2026-07-01", Self.january2027, youthRaise: "777.48")).get()
        #expect(NormTableFile.problemsAdding(again, to: .shipped)
                == [CaseFileProblem(path: "validFrom", kind: .normTableExists(day("2026-07-01")))])
    }

    @Test("Adding a table: an amount 50 % above the table before is implausible, at its path")
    func implausibleNorm() throws {
        // single-aow 1587.34 × 1.5 = 2381.01, more than 1587.34 × 1.25 = 1984.175
        let norms = Self.replacing(Self.january2027, "single-aow", with: "2381.01")
        let table = try NormTableFile.read(text: Self.tableText("2027-01-01", norms, youthRaise: "777.48")).get()
        #expect(NormTableFile.problemsAdding(table, to: .shipped)
                == [CaseFileProblem(path: "norms.single-aow",
                                    kind: .implausibleNorm(found: euros("2381.01"), previous: euros("1587.34"), previousFrom: day("2026-07-01")))])
        // The raise is checked too: 762.24 × 1.3 = 990.912 → 990.91, above 762.24 × 1.25 = 952.80.
        let raise = try NormTableFile.read(text: Self.tableText("2027-01-01", Self.january2027, youthRaise: "990.91")).get()
        #expect(NormTableFile.problemsAdding(raise, to: .shipped).map(\.path) == ["youthRaise"])
        // Boundaries against single-18-20 350.42: 90 % = 315.378, 125 % = 438.025.
        func problems(_ amount: String) throws -> [String] {
            let t = try NormTableFile.read(text: Self.tableText("2027-01-01", Self.replacing(Self.january2027, "single-18-20", with: amount),
                                                                 youthRaise: "777.48")).get()
            return NormTableFile.problemsAdding(t, to: .shipped).map(\.path)
        }
        #expect(try problems("315.37") == ["norms.single-18-20"])       // below 315.378
        #expect(try problems("315.38") == [])
        #expect(try problems("438.02") == [])
        #expect(try problems("438.03") == ["norms.single-18-20"])       // above 438.025
    }

    @Test("Adding a plausible 2027-01-01 table (every norm × 1.02): no problems, and it takes over")
    func plausibleTable() throws {
        let table = try NormTableFile.read(text: Self.tableText("2027-01-01", Self.january2027, youthRaise: "777.48")).get()
        #expect(NormTableFile.problemsAdding(table, to: .shipped) == [])
        let tables = NormTables.shipped.adding([table])
        #expect(tables.tables.count == 7)
        let sem = household(marked("Sem", born: Born.young, .applicant))
        // 357.43 + 777.48 = 1134.91 on 2027-01-01
        let o = try FinancialOverview.compute(household: sem, finances: Finances(), policy: .defaults,
                                              referenceDate: day("2027-01-01"), normTables: tables).get()
        #expect(o.normTest?.norm == euros("1134.91") && o.normTableDate == day("2027-01-01"))
    }

    // MARK: policy files

    static let policyText = """
        { "format": "keukentafel-policy/1", "validFrom": "2027-01-01",
          "draagkrachtTiers": [ { "fromPercent": 150, "sharePercent": 100 }, { "fromPercent": 100, "sharePercent": 35 } ],
          "noDraagkrachtInDebtArrangement": true, "minimumCost": "176.00" }
        """

    @Test("A policy file reads into a change from its date; fields left out keep the version before")
    func readPolicy() throws {
        let change = try PolicyFile.read(text: Self.policyText).get()
        #expect(change.validFrom == day("2027-01-01"))
        #expect(change.fields.minimumCost == euros("176.00") && change.fields.noDraagkrachtInDebtArrangement == true)
        #expect(change.fields.normPercentage == nil && change.fields.mandateLimit == nil)
        let p = Policy.defaults.overridden(by: change.fields)
        #expect(p.tiers == [DraagkrachtTier(fromPercent: 100, sharePercent: 35), DraagkrachtTier(fromPercent: 150, sharePercent: 100)])
        #expect(p.minimumCost == euros("176.00") && p.noDraagkrachtInDebtArrangement)
        #expect(p.normPercentage == 110 && p.periodMonths == 12 && p.mandateLimit == euros("1500.00"))
        #expect(p.assetLimitSingle == euros("8000.00") && p.pensionAges == .shipped)
        // As a version from 2027-01-01: before it the shipped policy, from it this one.
        let rules = CaseRules(policies: [PolicyVersion(number: 1, validFrom: change.validFrom, policy: p)])
        #expect(rules.policy(on: day("2026-12-31")).number == 0)
        #expect(rules.policy(on: day("2027-01-01")).number == 1)
    }

    @Test("A policy file with an unknown field, a duplicate tier or no date is refused")
    func refusedPolicy() {
        let unknown = #"{ "format": "keukentafel-policy/1", "validFrom": "2027-01-01", "sharePercentage": 40 }"#
        #expect(PolicyFile.read(text: unknown) == .failure(CaseFileRejection([
            CaseFileProblem(path: "sharePercentage", kind: .unknownCode("sharePercentage", allowed: PolicyFile.knownFields))])))
        let duplicate = #"{ "format": "keukentafel-policy/1", "validFrom": "2027-01-01", "draagkrachtTiers": [ { "fromPercent": 100, "sharePercent": 35 }, { "fromPercent": 100, "sharePercent": 50 } ] }"#
        #expect(PolicyFile.read(text: duplicate) == .failure(CaseFileRejection([CaseFileProblem(path: "draagkrachtTiers", kind: .duplicateTier)])))
        let undated = #"{ "format": "keukentafel-policy/1", "minimumCost": "176.00" }"#
        #expect(PolicyFile.read(text: undated) == .failure(CaseFileRejection([CaseFileProblem(path: "validFrom", kind: .missing)])))
    }

    @Test("overridden(by:): freeUpToPercent or sharePercent alone make one tier; pensionAge makes a fixed table")
    func overrideSemantics() {
        let d = Policy.defaults
        #expect(d.overridden(by: PolicyOverride(freeUpToPercent: 110)).tiers == [DraagkrachtTier(fromPercent: 110, sharePercent: 35)])
        #expect(d.overridden(by: PolicyOverride(sharePercent: 50)).tiers == [DraagkrachtTier(fromPercent: 100, sharePercent: 50)])
        #expect(d.overridden(by: PolicyOverride(freeUpToPercent: 120, sharePercent: 40)).tiers
                == [DraagkrachtTier(fromPercent: 120, sharePercent: 40)])
        // On a policy of two tiers, the old fields collapse it to one, taking the first tier's other figure.
        let two = d.overridden(by: PolicyOverride(tiers: [DraagkrachtTier(fromPercent: 110, sharePercent: 50),
                                                          DraagkrachtTier(fromPercent: 150, sharePercent: 100)]))
        #expect(two.overridden(by: PolicyOverride(sharePercent: 40)).tiers == [DraagkrachtTier(fromPercent: 110, sharePercent: 40)])
        // Tiers given win over the old fields.
        #expect(d.overridden(by: PolicyOverride(freeUpToPercent: 120, tiers: [DraagkrachtTier(fromPercent: 105, sharePercent: 20)])).tiers
                == [DraagkrachtTier(fromPercent: 105, sharePercent: 20)])
        // pensionAge (whole years) makes one age for everyone; pensionAges wins over it.
        let sixtySix = d.overridden(by: PolicyOverride(pensionAge: 66))
        #expect(sixtySix.pensionAges == .fixed(years: 66))
        #expect(sixtySix.pensionAges.reached(bornOn: day("1961-03-10")).date == day("2027-03-10"))   // 1961 + 66
        let table = PensionAges([PensionAge(from: day("2024-01-01"), years: 68, months: 0)], source: "beleid")
        #expect(d.overridden(by: PolicyOverride(pensionAge: 66, pensionAges: table)).pensionAges == table)
        #expect(d.overridden(by: PolicyOverride()) == d)
    }
}

@Suite("Draagkracht bands add up, for any income, norm and tiers")
struct DraagkrachtPropertyTests {
    struct Input: CustomStringConvertible {
        var assessed: Int, norm: Int, tiers: [DraagkrachtTier], period: Int, assets: Int, limit: Int
        var description: String { "assessed \(assessed) norm \(norm) tiers \(tiers.map { ($0.fromPercent, $0.sharePercent) }) period \(period) assets \(assets) limit \(limit)" }
    }

    static func generate(_ rng: inout SplitMix64) -> Input {
        let count = Int.random(in: 1...4, using: &rng)
        var froms = Set<Int>()
        while froms.count < count { froms.insert(Int.random(in: 0...300, using: &rng)) }
        let tiers = froms.shuffled(using: &rng).map { DraagkrachtTier(fromPercent: $0, sharePercent: Int.random(in: 0...100, using: &rng)) }
        let assessed = Bool.random(using: &rng) ? Int.random(in: -50_000...400_000, using: &rng) : anyCents(&rng) % 10_000_000
        return Input(assessed: assessed, norm: Int.random(in: 30_000...250_000, using: &rng), tiers: tiers,
                     period: Int.random(in: 1...120, using: &rng), assets: Int.random(in: 0...5_000_000, using: &rng),
                     limit: Int.random(in: 0...2_000_000, using: &rng))
    }

    @Test("Σ band incomes = max(0, assessed − base); band monthly = income × share, rounded; total = monthly × period + vermogen")
    func bandsAddUp() {
        forAll(count: 5_000, seed: 20_261_201, Self.generate) { i in
            let policy = Policy.defaults.overridden(by: PolicyOverride(periodMonths: i.period, tiers: i.tiers))
            let d = FinancialOverview.computeDraagkracht(assessedIncome: Money(cents: i.assessed), norm: Money(cents: i.norm),
                                                         policy: policy, assets: Money(cents: i.assets), assetLimit: Money(cents: i.limit))
            let sorted = i.tiers.sorted { $0.fromPercent < $1.fromPercent }
            // norm × percent / 100 with half-up rounding (all figures non-negative)
            let base = (i.norm * sorted[0].fromPercent + 50) / 100
            let incomes = d.bands.compactMap(\.income).map(\.cents)
            guard d.base.cents == base, incomes.count == sorted.count else { return false }
            guard incomes.reduce(0, +) == max(0, i.assessed - base) else { return false }
            for (band, tier) in zip(d.bands, sorted) {
                let income = band.income!.cents
                guard band.sharePercent == tier.sharePercent, income >= 0,
                      band.monthly.cents == (income * tier.sharePercent + 50) / 100 else { return false }
                if let upTo = band.upTo, income > upTo.cents - band.from.cents { return false }
            }
            // Adjacent bands meet; the last has no end.
            guard zip(d.bands, d.bands.dropFirst()).allSatisfy({ $0.upTo == $1.from }), d.bands.last?.upTo == nil else { return false }
            let monthly = d.bands.map(\.monthly.cents).reduce(0, +)
            return d.monthly.cents == monthly
                && d.total.cents == monthly * i.period + max(0, i.assets - i.limit)
                && d.assetsCounted.cents == max(0, i.assets - i.limit)
        }
    }
}

/// What the first review of the law as data found: a misspelt field, a raise that vanishes,
/// 29 February, a raise that cannot apply.
@Suite("The law as data: edge cases found in review")
struct LawAsDataEdgeTests {
    static func shippedJSON(_ change: (inout String) -> Void) -> String {
        var text = String(decoding: JSONWriter.write(NormTableFile.json(NormTables.shipped.table(from: CalendarDate(iso: "2026-07-01")!)!)).utf8, as: UTF8.self)
        change(&text)
        return text
    }

    @Test("A misspelt field is refused at its path, never dropped")
    func misspelt() throws {
        let text = Self.shippedJSON { $0 = $0.replacingOccurrences(of: "\"youthRaise\"", with: "\"youthraise\"") }
        guard case .failure(let rejection) = NormTableFile.read(text: text) else { Issue.record("accepted"); return }
        #expect(rejection.problems.map(\.path) == ["youthraise"])
    }

    @Test("A table without the raise after one with it is refused: youthRaise is missing")
    func raiseVanishes() throws {
        let before = NormTables.shipped.table(from: CalendarDate(iso: "2026-07-01")!)!
        let next = NormTable(validFrom: CalendarDate(iso: "2027-01-01")!, source: "test", norms: before.norms)
        #expect(NormTableFile.problemsAdding(next, to: .shipped) == [CaseFileProblem(path: "youthRaise", kind: .missing)])
    }

    @Test("Born on 29 February: the pension age on 1 March, the day age(on:) makes them 67")
    func leapDay() throws {
        let birth = CalendarDate(iso: "1960-02-29")!
        // 1960-02-29 + 67 years: 2027 has no 29 February; they turn 67 on 2027-03-01.
        #expect(PensionAges.shipped.reached(bornOn: birth).date == CalendarDate(iso: "2027-03-01")!)
        #expect(birth.age(on: CalendarDate(iso: "2027-03-01")!) == 67)
        #expect(birth.age(on: CalendarDate(iso: "2027-02-28")!) == 66)
    }

    @Test("A pensioner couple with a marked 19-year-old partner: no raise, and a warning")
    func noRaiseAboveTheCap() throws {
        let household = Household(name: "Huishouden Test", members: [
            Member(name: "Piet", birthDate: CalendarDate(iso: "1955-01-01")!, role: .applicant),
            Member(name: "Sam", birthDate: CalendarDate(iso: "2007-06-01")!, role: .partner, cannotRelyOnParents: "uit pleegzorg"),
        ])
        let o = try FinancialOverview.compute(household: household, finances: Finances(), policy: .defaults,
                                              referenceDate: CalendarDate(iso: "2026-12-01")!).get()
        // couple-aow 2176.10 is above the cap couple-21-aow 2027.79: the norm stays 2176.10.
        #expect(o.normTest?.norm == Money(cents: 217_610))
        #expect(o.normTest?.raisedFor == [])
        #expect(o.warnings == [.youthRaiseNotApplicable(member: "Sam")])
    }

    @Test("Pension ages read back from a stored policy equal the shipped ones")
    func pensionAgesRoundTrip() throws {
        let stored = JSONWriter.write(CaseFileWriter.policy(Policy.defaults.asOverride))
        let back = try PolicyFile.readStored(text: stored).get()
        #expect(Policy.defaults.overridden(by: back) == Policy.defaults)
    }
}
