import Casework
import Foundation
import GRDB

extension Store {
    /// A new store being filled with generated data: no fsync per batch (the file is thrown
    /// away if the machine dies halfway). Never used for real data.
    public func useFastBulkLoad() throws {
        do { try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") } } catch { throw mapped(error) }
    }

    /// Inserts generated households in one transaction (with one audit row for the batch):
    /// for measuring at scale. Ids must be new.
    public func insertGenerated(_ files: [CaseFile], by actor: Actor) throws {
        try change(by: actor, household: nil, action: "generate", detail: "\(files.count) synthetic households") { db, at in
            for file in files {
                guard let id = file.household.id else { throw StoreError.database("a generated household has no id") }
                try CaseFileRows.insert(file, id: id, into: db, by: actor.user, at: at)
            }
        }
    }

    /// The caseworkers of a generated store: `gen.cw01` … `gen.cw20`, each with a twentieth
    /// of the households.
    public static let syntheticCaseworkers = (1...20).map { String(format: "gen.cw%02d", $0) }

    /// Makes a new store at `location` with `households` synthetic households: `teamleader`
    /// (the person generating) leads the team of twenty generated caseworkers. Used by
    /// `keukentafel generate` and by the benchmark, so both measure the same data. The
    /// search's common word beginnings are made last, so the store is searched fast at once.
    @discardableResult
    public static func createSynthetic(at location: StoreLocation, households: Int, seed: UInt64, teamleader: StaffMember,
                                       clock: WallClock) throws -> Store {
        let store = try Store.create(at: location, firstStaff: teamleader, clock: clock)
        let today = clock.today
        for user in syntheticCaseworkers {
            try store.addStaff(StaffMember(user: user, name: "Regisseur \(user.suffix(2))", role: .caseworker, team: teamleader.team),
                               by: teamleader.actor)
        }
        try store.useFastBulkLoad()
        let generator = SyntheticHouseholds(seed: seed, caseworkers: syntheticCaseworkers, teamleader: teamleader.user)
        var index = 0
        while index < households {
            let end = min(households, index + 2_000)
            try store.insertGenerated((index..<end).map { generator.household($0, today: today) }, by: teamleader.actor)
            index = end
        }
        // Ready to search at once: the common word beginnings' bitmaps (SearchBeginnings).
        try store.buildSearchBeginnings()
        return store
    }
}
