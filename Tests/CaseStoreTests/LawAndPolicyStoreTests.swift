import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// The law and the policy as data in the store: tables a team leader adds, policy versions,
/// the municipality — each audited, each refused whole when wrong, and old decisions keeping
/// the figures and the version they were decided with.
@Suite("Norm tables, policy versions and the municipality in the store")
struct LawAndPolicyStoreTests {
    /// The 2026-07-01 table with every norm 2 % higher, from 2027-01-01: plausible.
    static func table2027() -> NormTable {
        let base = NormTables.shipped.table(from: CalendarDate(iso: "2026-07-01")!)!
        var norms: [NormCategory: Money] = [:]
        for c in NormCategory.allCases { norms[c] = base.norm(for: c).scaled(by: 102, over: 100) }
        return NormTable(validFrom: CalendarDate(iso: "2027-01-01")!, source: "test: +2 %", norms: norms,
                         youthRaise: base.youthRaise!.scaled(by: 102, over: 100))
    }

    @Test("A team leader adds a table; it is used from its date, audited, and a caseworker may not")
    func addTable() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .changeRules)) {
                try store.addNormTable(Self.table2027(), file: "t.json", by: caseworker)
            }
            try store.addNormTable(Self.table2027(), file: "t.json", by: leader.actor)
            let rules = try store.rules()
            #expect(rules.normTables.tables.count == 7)
            // single-21-aow 1419.46 × 102 / 100 = 1447.8492 → 1447.85
            #expect(try rules.normTables.table(on: CalendarDate(iso: "2027-01-01")!).get().norm(for: .single21toAOW) == Money(cents: 144_785))
            #expect(try rules.normTables.table(on: CalendarDate(iso: "2026-12-31")!).get().validFrom == CalendarDate(iso: "2026-07-01")!)
            let actions = try store.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit") }
            #expect(actions.filter { $0 == "norms.add" }.count == 1)
        }
    }

    @Test("The same date twice, or an implausible amount: refused with its path, nothing stored")
    func refusedTables() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let shipped = NormTables.shipped.table(from: CalendarDate(iso: "2026-07-01")!)!
            #expect(throws: StoreError.ruleFileRefused(file: "again.json", [CaseFileProblem(path: "validFrom", kind: .normTableExists(shipped.validFrom))])) {
                try store.addNormTable(shipped, file: "again.json", by: leader.actor)
            }
            var norms = Self.table2027().norms
            // 1419.46 × 1.5 = 2129.19: more than 25 % above the table before.
            norms[.single21toAOW] = Money(cents: 212_919)
            let wrong = NormTable(validFrom: CalendarDate(iso: "2027-01-01")!, source: "typo", norms: norms,
                                  youthRaise: Self.table2027().youthRaise)
            #expect(throws: StoreError.ruleFileRefused(file: "typo.json", [CaseFileProblem(
                path: "norms.single-21-aow",
                kind: .implausibleNorm(found: Money(cents: 212_919), previous: Money(cents: 141_946), previousFrom: shipped.validFrom))])) {
                try store.addNormTable(wrong, file: "typo.json", by: leader.actor)
            }
            #expect(try count(store, "norm_table") == 0)
            #expect(try store.rules().normTables.tables.count == 6)
        }
    }

    @Test("Policy versions: numbered, valid from a date, carrying over what a file leaves out, audited")
    func policyVersions() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .changeRules)) {
                try store.setPolicy(PolicyChange(validFrom: CalendarDate(iso: "2027-01-01")!, fields: PolicyOverride(minimumCost: Money(cents: 17_600))),
                                    by: caseworker)
            }
            let v1 = try store.setPolicy(PolicyChange(validFrom: CalendarDate(iso: "2027-01-01")!,
                                                      fields: PolicyOverride(minimumCost: Money(cents: 17_600))), by: leader.actor)
            let v2 = try store.setPolicy(PolicyChange(validFrom: CalendarDate(iso: "2027-07-01")!,
                                                      fields: PolicyOverride(normPercentage: 120)), by: leader.actor)
            #expect(v1.number == 1 && v2.number == 2)
            // Version 2 keeps version 1's drempelbedrag: it holds the day before 2027-07-01.
            #expect(v2.policy.minimumCost == Money(cents: 17_600))
            #expect(v2.policy.normPercentage == 120)
            let rules = try store.rules()
            #expect(rules.policy(on: CalendarDate(iso: "2026-12-31")!).number == 0)
            #expect(rules.policy(on: CalendarDate(iso: "2027-01-01")!).number == 1)
            #expect(rules.policy(on: CalendarDate(iso: "2027-07-01")!).number == 2)
            let details = try store.read { db in try String.fetchAll(db, sql: "SELECT detail FROM audit WHERE action = 'policy.set'") }
            #expect(details.count == 2)
            #expect(details[0].hasPrefix("version 1 from 2027-01-01: "))
            #expect(details[0].contains("\"minimumCost\":\"176.00\""))
        }
    }

    @Test("A grant decided before a policy change keeps its figures and version; the period is shared")
    func oldDecisionKeepsItsFigures() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let ids = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)
            let draft = try store.addGrantDraft(GrantStoreTests.request(amount: 240_000, motivation: GrantStoreTests.motivation),
                                                household: ids[0], by: caseworker)
            let submitted = try store.submitGrant(draft, by: caseworker)
            // On 2026-11-23 (the test clock), policy 0: (1600.00 − 1419.46) × 35 % = 63.189 → 63.19;
            // × 12 = 758.28; the grant takes min(2400.00, 758.28) = 758.28 and covers 2400.00 − 758.28 = 1641.72.
            let snapshot = try #require(submitted.grant.snapshot)
            #expect(snapshot.policyVersion == 0)
            #expect(snapshot.draagkracht?.total == Money(cents: 75_828))
            #expect(snapshot.draagkrachtTaken == Money(cents: 75_828))
            #expect(snapshot.grantable == Money(cents: 164_172))

            // From 2026-11-24 the share above 100 % of the norm is 50 %.
            try store.setPolicy(PolicyChange(validFrom: CalendarDate(iso: "2026-11-24")!,
                                             fields: PolicyOverride(tiers: [DraagkrachtTier(fromPercent: 100, sharePercent: 50)])),
                                by: leader.actor)
            let stored = try store.grant(submitted.id)
            #expect(stored.grant.snapshot == snapshot)

            // Today's figures use version 1: 180.54 × 50 % = 90.27 a month, × 12 = 1083.24; the
            // earlier request of this period (from 2026-11-21, gr-1 without a snapshot, takes
            // nothing) took 758.28, so 1083.24 − 758.28 = 324.96 is left.
            var file = try store.caseFile(ids[0])
            // The sample file pins the default policy in its own `policy` object (for the
            // example of docs/case-file.md); without it the municipality's versions apply.
            file.policy = nil
            let now = try store.rules().overview(of: file, on: CalendarDate(iso: "2026-11-25")!).get()
            #expect(now.policyVersion == 1)
            let d = try #require(now.draagkracht)
            #expect(d.monthly == Money(cents: 9_027))
            #expect(d.total == Money(cents: 108_324))
            #expect(d.periodStart == CalendarDate(iso: "2026-11-21")!)
            #expect(d.usedBefore == Money(cents: 75_828))
            #expect(d.remaining == Money(cents: 32_496))

            // The letter prints the snapshot, and names the version it was decided with.
            var decided = stored.grant
            decided.status = .approved; decided.decidedBy = "j.bakker"; decided.decidedAt = stored.grant.submittedAt
            let letter = try #require(DecisionLetter.text(grant: decided, household: file.household,
                                             sender: DecisionLetter.Sender(municipality: "Gemeente Zaanstad", team: "Oost"),
                                             sent: CalendarDate(iso: "2026-11-25")!, figures: FinancialSnapshot(overview: now, cost: Money(cents: 240_000))))
            #expect(letter.contains("€ 758,28"))
            #expect(!letter.contains("€ 1.083,24"))
            #expect(letter.contains("beleidsversie 0"))
            #expect(letter.contains("normtabel per 1 juli 2026"))
        }
    }

    @Test("The municipality: unset until a team leader sets it; audited with before and after")
    func municipality() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(try store.municipality() == nil)
            let m = Municipality(name: "Gemeente Zaanstad", code: "0479", teams: ["Oost"], signer: "J. Bakker", signerRole: "teamleider")
            #expect(throws: StoreError.notAllowed(user: "r.westra", role: .caseworker, action: .changeRules)) {
                try store.setMunicipality(m, by: caseworker)
            }
            try store.setMunicipality(m, by: leader.actor)
            #expect(try store.municipality() == m)
            var renamed = m; renamed.signer = "A. Ander"
            try store.setMunicipality(renamed, by: leader.actor)
            #expect(try store.municipality()?.signer == "A. Ander")
            let details = try store.read { db in try String.fetchAll(db, sql: "SELECT detail FROM audit WHERE action = 'municipality.set'") }
            #expect(details.count == 2)
            #expect(details[1].contains("J. Bakker") && details[1].contains("A. Ander"))
        }
    }
}
