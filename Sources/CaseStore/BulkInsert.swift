import Casework
import GRDB

extension Store {
    /// Inserts generated households in one transaction (with one audit row for the batch):
    /// for measuring at scale. Ids must be new.
    /// A new store being filled with generated data: no fsync per batch (the file is thrown
    /// away if the machine dies halfway). Never used for real data.
    public func useFastBulkLoad() throws {
        do { try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = OFF") } } catch { throw mapped(error) }
    }

    public func insertGenerated(_ files: [CaseFile], by actor: Actor) throws {
        try change(by: actor, household: nil, action: "generate", detail: "\(files.count) synthetic households") { db, at in
            for file in files {
                guard let id = file.household.id else { throw StoreError.database("a generated household has no id") }
                try CaseFileRows.insert(file, id: id, into: db, by: actor.user, at: at)
            }
        }
    }
}
