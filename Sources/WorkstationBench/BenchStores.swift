import CaseStore
import Casework
import Foundation

/// Synthetic stores for the benchmark: generated once per size and seed into a cache
/// folder, then copied for each run so every run starts from the same data.
public struct BenchStores {
    public let folder: String
    public let seed: UInt64
    /// The moment the data is generated at and the workstation believes it is (the same on
    /// every run, so every run measures the same screens).
    public static let clock = WallClock.fixed(Moment(iso: "2026-11-23T09:00:00+01:00")!)

    public init(folder: String, seed: UInt64 = 20261123) {
        self.folder = folder; self.seed = seed
    }

    /// The cached store of `households`, generated first if it is not there yet.
    public func cached(households: Int, log: (String) -> Void) throws -> StoreLocation {
        let location = StoreLocation(path: "\(folder)/\(households)-\(seed)/k.sqlite")
        if !FileManager.default.fileExists(atPath: location.path) {
            try makePrivateDirectory(folder)
            log("generating \(households) households (once, cached in \(folder)) …")
            let started = monotonicSeconds()
            let me = StaffMember(user: OSUser.current, name: "Benchmark", role: .teamleader, team: "Wijkteam Synthetisch")
            let partial = StoreLocation(path: "\(folder)/\(households)-\(seed).partial/k.sqlite")
            try? FileManager.default.removeItem(atPath: partial.directory)
            try Store.createSynthetic(at: partial, households: households, seed: seed, teamleader: me, clock: Self.clock)
            try FileManager.default.moveItem(atPath: partial.directory, toPath: location.directory)
            log(String(format: "  done in %.1f s", monotonicSeconds() - started))
        }
        try Self.upToDate(location, log: log)
        return location
    }

    /// Brings an older cached store up to the current schema and makes the search's word
    /// beginnings it lacks (a store generated before step 23), once.
    static func upToDate(_ location: StoreLocation, log: (String) -> Void) throws {
        let store = try Store.open(at: location, clock: Self.clock)
        guard !(try store.searchBeginningsState().kept) else { return }
        log("making the search's word beginnings of \(location.path) (once) …")
        let made = try store.buildSearchBeginnings()
        log(String(format: "  %d bitmaps (%.1f MB) in %.1f s", made.bitmaps, Double(made.bytes) / 1e6, made.seconds))
    }

    /// The synthetic team leader of a store seen by a caseworker (`cachedAsCaseworker`).
    public static let syntheticTeamleader = "gen.tl"

    /// The cached store of `households` as a caseworker meets it: the OS user is a caseworker
    /// with the households `gen.cw01` had (a twentieth, 5%), and `gen.tl` leads the team. Made
    /// once from the cached store through the store's own steps (a team leader added, the
    /// OS user's role changed, each household assigned, all audited), then cached as well.
    public func cachedAsCaseworker(households: Int, log: (String) -> Void) throws -> StoreLocation {
        let base = try cached(households: households, log: log)
        let location = StoreLocation(path: "\(folder)/\(households)-\(seed)-caseworker/k.sqlite")
        if !FileManager.default.fileExists(atPath: location.path) {
            log("making the store of \(households) households as a caseworker sees it (once) …")
            let started = monotonicSeconds()
            let partialFolder = "\(folder)/\(households)-\(seed)-caseworker.partial"
            let partial = try workingCopy(of: base, in: partialFolder)
            let store = try Store.open(at: partial, clock: Self.clock)
            let me = OSUser.current
            let leader = StaffMember(user: Self.syntheticTeamleader, name: "Teamleider Synthetisch", role: .teamleader,
                                     team: try store.staffMember(me).team)
            try store.addStaff(leader, by: try store.staffMember(me).actor)
            _ = try store.changeStaff(me, role: .caseworker, by: leader.actor)
            let from = Store.syntheticCaseworkers[0]
            var ids: [String] = []
            while true {
                let page = try store.caseloadPage(CaseloadFilter(caseworker: from), offset: ids.count, limit: 1_000, today: Self.clock.today)
                if page.isEmpty { break }
                ids += page.map(\.id)
            }
            for id in ids { try store.assignHousehold(id, to: me, by: leader.actor) }
            try FileManager.default.moveItem(atPath: partial.directory, toPath: location.directory)
            log(String(format: "  %d households assigned in %.1f s", ids.count, monotonicSeconds() - started))
        }
        try Self.upToDate(location, log: log)
        return location
    }

    /// A fresh copy of the cached store in `workFolder`, so edits never pile up across runs;
    /// written out to the disk before it is returned.
    ///
    /// Why written out: at a million households a copy is 4.6 GB, and the system writes such a
    /// copy out in the background, for a while, after `copyItem` returns. A save measured
    /// meanwhile (it syncs the store's log) may wait behind those gigabytes: a run of 42eed30
    /// saw a ledger edit's p99 of 20 ms at a million (4 ms in the run before). Written out
    /// here, the copying is over before anything is timed.
    public func workingCopy(of cached: StoreLocation, in workFolder: String) throws -> StoreLocation {
        try? FileManager.default.removeItem(atPath: workFolder)
        try makePrivateDirectory(workFolder)
        let copy = StoreLocation(path: "\(workFolder)/k.sqlite")
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: cached.path + suffix) {
            try FileManager.default.copyItem(atPath: cached.path + suffix, toPath: copy.path + suffix)
            chmod(copy.path + suffix, 0o600)
        }
        sync()   // Linux's sync returns when everything is written (the generation's writes too)
        return copy
    }

    func makePrivateDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(path, 0o700)
    }
}
