import Testing
@testable import Casework

@Suite("Norm categories, ages and the norm tables")
struct NormTests {
    func category(_ h: Household, on date: CalendarDate = referenceDay,
                  pensionAges: PensionAges = .shipped) -> Result<NormCategory, NoNormReason> {
        NormCategorisation.category(of: h, on: date, pensionAges: pensionAges)
    }

    // Ages below are on 2026-11-23.
    @Test("Singles and single parents by the applicant's age, birthdays included")
    func singles() {
        #expect(category(household(member("A", born: "2007-06-01", .applicant))) == .success(.single18to20))      // 19
        #expect(category(household(member("A", born: "2005-11-24", .applicant))) == .success(.single18to20))      // 20, 21 tomorrow
        #expect(category(household(member("A", born: "2005-11-23", .applicant))) == .success(.single21toAOW))     // 21 today
        #expect(category(household(member("A", born: "1959-11-24", .applicant))) == .success(.single21toAOW))     // 66
        #expect(category(household(member("A", born: "1959-11-23", .applicant))) == .success(.singleAOW))         // 67 today
        #expect(category(household(member("A", born: "2008-11-23", .applicant))) == .success(.single18to20))      // 18 today
        // A single parent has the single norm; a co-resident does not make a couple.
        #expect(category(household(member("A", born: "1990-01-01", .applicant), member("K", born: "2020-01-01", .child),
                                   member("O", born: "1960-01-01", .other))) == .success(.single21toAOW))
    }

    @Test("The pension age is policy")
    func pensionAgeIsPolicy() {
        let sixtySix = household(member("A", born: "1960-01-01", .applicant))
        #expect(category(sixtySix) == .success(.single21toAOW))
        #expect(category(sixtySix, pensionAges: .fixed(years: 66)) == .success(.singleAOW))
        let p = Policy.defaults.overridden(by: PolicyOverride(pensionAge: 66))
        #expect(overview(sixtySix, Finances(), policy: p).normTest?.category == .singleAOW)
    }

    @Test("Couples by both ages and children under 18")
    func couples() {
        let child = member("K", born: "2024-03-01", .child)
        let adultChild = member("Ouder kind", born: "2008-01-01", .child)   // 18
        func couple(_ a: String, _ b: String, _ extra: Member...) -> Household {
            Household(name: "T", members: [member("A", born: a, .applicant), member("P", born: b, .partner)] + extra)
        }
        #expect(category(couple("2007-01-01", "2006-12-01")) == .success(.couple18to20))
        #expect(category(couple("2007-01-01", "2006-12-01", child)) == .success(.couple18to20Children))
        #expect(category(couple("2007-01-01", "1990-01-01")) == .success(.coupleMixed))
        #expect(category(couple("1990-01-01", "2007-01-01", child)) == .success(.coupleMixedChildren))
        #expect(category(couple("1990-01-01", "2007-01-01", adultChild)) == .success(.coupleMixed))
        #expect(category(couple("1990-01-01", "1985-01-01")) == .success(.couple21toAOW))
        #expect(category(couple("1990-01-01", "1985-01-01", child)) == .success(.couple21toAOW))
        #expect(category(couple("1959-11-23", "1965-01-01")) == .success(.coupleAOW))          // one at 67
        #expect(category(couple("1950-01-01", "1955-01-01")) == .success(.coupleAOW))          // both
        #expect(category(couple("2007-01-01", "1950-01-01")) == .success(.coupleAOW))          // 19 and 76
    }

    @Test("No norm under 18 or without a birth date: not applicable, never zero")
    func noNorm() {
        let minor = household(member("Jip", born: "2008-11-24", .applicant))                   // 17, 18 tomorrow
        #expect(category(minor) == .failure(.underEighteen(member: "Jip", age: 17)))
        let minorPartner = Household(name: "T", members: [member("A", born: "1990-01-01", .applicant),
                                                          member("P", born: "2009-06-01", .partner)])
        #expect(category(minorPartner) == .failure(.underEighteen(member: "P", age: 17)))
        #expect(category(household(member("A", born: nil, .applicant))) == .failure(.birthDateUnknown(member: "A")))
        #expect(category(Household(name: "T", members: [])) == .failure(.noApplicant))

        let o = overview(minor, Finances(income: [income("900.00")]))
        #expect(o.normTest == nil && o.draagkracht == nil)
        #expect(o.warnings.contains(.noNorm(.underEighteen(member: "Jip", age: 17))))
        #expect(o.totals.income == euros("900.00"))
    }

    @Test("Every norm of the January 2024 and January 2025 tables, by category", arguments: [
        (NormCategory.single18to20, "316.94", "332.17"), (.single21toAOW, "1283.83", "1345.45"),
        (.singleAOW, "1425.76", "1501.07"), (.couple18to20, "633.88", "664.34"),
        (.couple18to20Children, "1000.69", "1048.75"), (.coupleMixed, "1233.96", "1293.21"),
        (.coupleMixedChildren, "1600.77", "1677.62"), (.couple21toAOW, "1834.04", "1922.07"),
        (.coupleAOW, "1933.98", "2053.48"),
    ])
    func shippedNorms(category: NormCategory, norm2024: String, norm2025: String) throws {
        #expect(try NormTables.shipped.table(on: day("2024-06-01")).get().norm(for: category) == euros(norm2024))
        #expect(try NormTables.shipped.table(on: day("2025-06-01")).get().norm(for: category) == euros(norm2025))
    }

    @Test("The table switches on 1 January 2025")
    func tableSwitch() throws {
        // Since the July tables ship, 2024-12-31 lies in the 2024-07-01 table (single-21-aow 1.308,45).
        #expect(try NormTables.shipped.table(on: day("2024-12-31")).get().validFrom == day("2024-07-01"))
        #expect(try NormTables.shipped.table(on: day("2025-01-01")).get().validFrom == day("2025-01-01"))
        let december = overview(singleAdult, Finances(), on: day("2024-12-31"))
        let january = overview(singleAdult, Finances(), on: day("2025-01-01"))
        #expect(december.normTest?.norm == euros("1308.45"))
        #expect(december.normTest?.normDate == day("2024-07-01"))
        #expect(january.normTest?.norm == euros("1345.45"))
        #expect(january.normTest?.normDate == day("2025-01-01"))
    }

    @Test("A reference date before the oldest table is refused")
    func beforeOldest() {
        #expect(NormTables.shipped.table(on: day("2023-12-31")) == .failure(.beforeOldest(date: day("2023-12-31"), oldest: day("2024-01-01"))))
        let result = FinancialOverview.compute(household: singleAdult, finances: Finances(), policy: .defaults,
                                               referenceDate: day("2023-12-31"))
        #expect(result == .failure(.beforeOldest(date: day("2023-12-31"), oldest: day("2024-01-01"))))
        #expect(NormTables.shipped.table(on: day("2024-01-01")).map(\.validFrom) == .success(day("2024-01-01")))
    }

    @Test("Warning when the table in force is more than six months old")
    func outdatedWarning() {
        // The newest shipped table is 2026-07-01; six months later is 2027-01-01.
        let newest = day("2026-07-01")
        #expect(overview(singleAdult, Finances(), on: day("2027-01-01")).warnings.isEmpty)   // exactly six months
        #expect(overview(singleAdult, Finances(), on: day("2027-01-02")).warnings ==
                [.normTableOutdated(tableDate: newest, referenceDate: day("2027-01-02"))])
        #expect(OverviewWarning.normTableOutdated(tableDate: day("2025-01-01"), referenceDate: day("2026-11-23")).message(in: .en)
                == "norm table of 2025-01-01 is older than six months on 2026-11-23")
        // Only the newest table can be outdated: on 2024-12-31 the 2024-07-01 table is in
        // force (six months old on 2025-01-01), so no warning.
        #expect(overview(singleAdult, Finances(), on: day("2024-12-31")).warnings.isEmpty)
        #expect(overview(singleAdult, Finances(), on: referenceDay).warnings.isEmpty)
    }

    @Test("Newer tables are data: a table added later takes over from its date")
    func newerTableAsData() throws {
        var norms = NormTables.shipped.tables.last!.norms
        norms[.single21toAOW] = euros("1447.85")            // 1.419,46 × 1,02 = 1.447,8492 → 1.447,85
        let tables = NormTables.shipped.adding([NormTable(validFrom: day("2027-01-01"), source: "test", norms: norms)])
        let o = try FinancialOverview.compute(household: singleAdult, finances: Finances(), policy: .defaults,
                                              referenceDate: day("2027-03-01"), normTables: tables).get()
        #expect(o.normTest?.norm == euros("1447.85"))
        #expect(o.normTableDate == day("2027-01-01") && o.normTableSource == "test")
        #expect(o.warnings.isEmpty)   // 2027-01-01 + 6 months = 2027-07-01, after the reference date
        // The day before, the shipped 2026-07-01 table still holds.
        let before = try FinancialOverview.compute(household: singleAdult, finances: Finances(), policy: .defaults,
                                                   referenceDate: day("2026-12-31"), normTables: tables).get()
        #expect(before.normTest?.norm == euros("1419.46"))
        // An added table of a shipped date replaces the shipped one.
        norms[.single21toAOW] = euros("1420.00")
        let replaced = NormTables.shipped.adding([NormTable(validFrom: day("2026-07-01"), source: "erratum", norms: norms)])
        #expect(replaced.tables.count == 6)
        #expect(try replaced.table(on: referenceDay).get().norm(for: .single21toAOW) == euros("1420.00"))
    }
}
