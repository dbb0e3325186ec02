import GRDB
import Synchronization

/// The connections a start opens. Opening one and reading the schema costs about 2 ms (46
/// tables, 50 indexes, 54 triggers), and a pool opens two: its writer when it is made, a
/// reader at the first read. The workstation's first frame waited for both. Its reads —
/// the opening's checks, who is working, the first page of the list — now go to the
/// writer's connection, and the first reader opens at the first read after the frame (a key,
/// or the caseload's pause) — docs/performance.md, "The first frame without the work it did
/// not need".
extension Store {
    /// Runs `body` with every read of this store on the writer's connection, in a read-only
    /// transaction of its own as a reader's would be. Meant for a start, before anything
    /// else works with the store: writes wait while such a read runs, and a read from inside a
    /// write would wait for itself. Calls may nest.
    public func readingOnWriter<T>(_ body: () throws -> T) rethrows -> T {
        readsOnWriter.add(1, ordering: .relaxed)
        defer { readsOnWriter.subtract(1, ordering: .relaxed) }
        return try body()
    }

    /// A read on the writer's connection, in one read-only transaction; a store that is not
    /// a pool (opened read-only: one connection) reads as always.
    static func readOnWriter<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        guard let pool = writer as? DatabasePool else { return try writer.read(body) }
        return try pool.writeWithoutTransaction { db in
            try db.readOnly {
                var result: T?
                try db.inSavepoint {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }
}
