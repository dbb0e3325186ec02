import CaseStore
import Casework
import Foundation

extension BenchStores {
    /// The households of `cached(households:)` — the same generator, seed, staff and clock —
    /// in a practice store (kind demo). `keukentafel demo --store PATH --as USER` opens it as
    /// any member of its staff, so ten workstations started by one OS user are ten people:
    /// a real store knows people only by their OS user (`OSUser.current`), and a benchmark
    /// cannot make ten OS accounts. The kind changes no save, read or rule of the workstation
    /// (it allows F9 and the privacy commands to every role, and shows the DEMO badge).
    public func cachedPractice(households: Int, log: (String) -> Void) throws -> StoreLocation {
        let location = StoreLocation(path: "\(folder)/\(households)-\(seed)-team/k.sqlite")
        if !FileManager.default.fileExists(atPath: location.path) {
            try makePrivateDirectory(folder)
            log("generating \(households) households as a practice store (once, cached in \(folder)) …")
            let started = monotonicSeconds()
            let partial = StoreLocation(path: "\(folder)/\(households)-\(seed)-team.partial/k.sqlite")
            try? FileManager.default.removeItem(atPath: partial.directory)
            try generatePractice(at: partial, households: households)
            try FileManager.default.moveItem(atPath: partial.directory, toPath: location.directory)
            log(String(format: "  done in %.1f s", monotonicSeconds() - started))
        }
        _ = try Store.open(at: location, kind: .demo, clock: Self.clock)  // an older cached store brought up to date, once
        return location
    }

    /// What `Store.createSynthetic` does, with the store made as a practice store.
    private func generatePractice(at location: StoreLocation, households: Int) throws {
        let me = StaffMember(user: OSUser.current, name: "Benchmark", role: .teamleader, team: "Wijkteam Synthetisch")
        let store = try Store.create(at: location, kind: .demo, firstStaff: me, clock: Self.clock)
        for user in Store.syntheticCaseworkers {
            try store.addStaff(StaffMember(user: user, name: "Regisseur \(user.suffix(2))", role: .caseworker, team: me.team), by: me.actor)
        }
        try store.useFastBulkLoad()
        let generator = SyntheticHouseholds(seed: seed, caseworkers: Store.syntheticCaseworkers, teamleader: me.user)
        let today = Self.clock.today
        var index = 0
        while index < households {
            let end = min(households, index + 2_000)
            try store.insertGenerated((index..<end).map { generator.household($0, today: today) }, by: me.actor)
            index = end
        }
    }
}

/// Who does what in the team scenario: each caseworker (`gen.cw01`, `gen.cw02`, …) has
/// households of their own, found by a search that matches only that one, and shares one
/// with a colleague (caseworkers 1 and 2 share one, 3 and 4 another, …; with an odd number
/// the last three share one): there they change the same ledger line and the same
/// conversation, so another workstation sometimes saved first. The team leader decides the
/// requests waiting in the review queue.
public struct TeamPlan: Sendable {
    public struct Household: Sendable {
        public let id: String
        /// Typed after `/`: street, number and postcode, which only this household matches.
        public let query: String
    }

    public struct Caseworker: Sendable {
        public let user: String
        public let own: [Household]
        public let shared: Household
    }

    public let caseworkers: [Caseworker]
    public let teamleader: String
    public let waitingRequests: Int

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The plan for `count` caseworkers on the store at `location`, read before any workstation starts.
    static func make(location: StoreLocation, caseworkers count: Int, householdsEach: Int = 8) throws -> TeamPlan {
        let store = try Store.open(at: location, kind: .demo, clock: BenchStores.clock)
        let users = Array(Store.syntheticCaseworkers.prefix(count))
        guard users.count == count else { throw Failure(description: "the generated staff has only \(users.count) caseworkers") }
        var own: [[Household]] = []
        var shared: [Household] = []
        for (i, user) in users.enumerated() {
            // The user's households in list order, those a search finds alone.
            var offset = 0, page: [CaseloadRow] = []
            func next() throws -> (CaseloadRow, Household) {
                while true {
                    if page.isEmpty {
                        page = try store.caseloadPage(CaseloadFilter(caseworker: user), offset: offset, limit: 50, today: BenchStores.clock.today)
                        guard !page.isEmpty else { throw Failure(description: "\(user) has too few households a search finds alone") }
                        offset += page.count
                    }
                    let row = page.removeFirst()
                    if let household = try findable(row, in: store) { return (row, household) }
                }
            }
            own.append(try (0..<householdsEach).map { _ in try next().1 })
            // The first of each pair finds the pair's household; an odd one out joins the last pair.
            if i % 2 == 0 && (i + 1 < count || shared.isEmpty) {
                while true {
                    let (row, household) = try next()
                    if try store.ledgerLines(household: row.id).contains(where: { $0.entry.section == .income }),
                       try !store.conversations(household: row.id).isEmpty {
                        shared.append(household)
                        break
                    }
                }
            }
        }
        let plan = users.enumerated().map { i, user in
            Caseworker(user: user, own: own[i], shared: shared[min(i / 2, shared.count - 1)])
        }
        return TeamPlan(caseworkers: plan, teamleader: OSUser.current, waitingRequests: try store.reviewCount(.waiting))
    }

    /// The household with the search that finds it alone among all open households, or nil.
    private static func findable(_ row: CaseloadRow, in store: Store) throws -> Household? {
        let street = row.street.trimmingCharacters(in: .whitespaces), postcode = row.postcode.trimmingCharacters(in: .whitespaces)
        guard !street.isEmpty, !postcode.isEmpty else { return nil }
        let query = "\(street) \(postcode)".lowercased()
        guard try store.caseloadCount(CaseloadFilter(search: query)) == 1 else { return nil }
        return Household(id: row.id, query: query)
    }
}
