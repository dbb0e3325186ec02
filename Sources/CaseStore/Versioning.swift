import Casework
import GRDB

/// Optimistic versioning: a row people edit carries a version; a save names the version it
/// was based on, and a save against a stale version is refused with who changed the row
/// and when — never a silent overwrite.
enum Versioning {
    /// Updates `columns` of row `id` in `table` if it still has `expected` version.
    static func update(_ db: Database, table: String, id: some DatabaseValueConvertible, expected: Int,
                       columns: [(String, (any DatabaseValueConvertible)?)], by user: String, at: String,
                       what: String) throws {
        let assignments = (columns.map { "\($0.0) = ?" } + ["version = version + 1", "changedBy = ?", "changedAt = ?"])
            .joined(separator: ", ")
        var values: [(any DatabaseValueConvertible)?] = columns.map(\.1)
        values += [user, at, id, expected]
        try db.execute(sql: "UPDATE \(table) SET \(assignments) WHERE id = ? AND version = ?",
                       arguments: StatementArguments(values))
        if db.changesCount == 0 { try refuse(db, table: table, id: id, what: what) }
    }

    /// Deletes row `id` of `table` if it still has `expected` version.
    static func delete(_ db: Database, table: String, id: some DatabaseValueConvertible, expected: Int, what: String) throws {
        try db.execute(sql: "DELETE FROM \(table) WHERE id = ? AND version = ?", arguments: [id, expected])
        if db.changesCount == 0 { try refuse(db, table: table, id: id, what: what) }
    }

    private static func refuse(_ db: Database, table: String, id: some DatabaseValueConvertible, what: String) throws -> Never {
        if let row = try Row.fetchOne(db, sql: "SELECT changedBy, changedAt FROM \(table) WHERE id = ?", arguments: [id]) {
            throw StoreError.conflict(what: what, by: row["changedBy"], at: row["changedAt"])
        }
        throw StoreError.rowGone(what: what)
    }

    /// The audit trail's note on a save made knowingly over someone else's newer version:
    /// their save had refused this one, the person was shown both, and saved again.
    static func overwriteNote(changedBy: String, version: Int, changedAt: String) -> String {
        "; saved knowingly over version \(version) by \(changedBy) (\(changedAt)), shown after a refused save"
    }

    /// "key: old → new" for each field that differs, for the audit trail.
    static func differences(_ old: JSONObject, _ new: JSONObject) -> String {
        var parts: [String] = []
        for key in old.keys + new.keys.filter({ old[$0] == nil }) where old[key] != new[key] {
            parts.append("\(key): \(short(old[key])) → \(short(new[key]))")
        }
        return parts.isEmpty ? "no change" : parts.joined(separator: "; ")
    }

    private static func short(_ value: JSONValue?) -> String {
        guard let value else { return "—" }
        let text = JSONWriter.compact(value)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
