import Foundation
import GRDB

/// A store as a test sees it from outside, read-only, once the workstation is dead: is the
/// file sound, and what does it hold of one household.
struct StoreSnapshot {
    struct Line { let label: String; let amount: String; let version: Int }

    let integrity: String
    let incomeLines: [Line]
    let conversations: [CrashLoopRecord.Conversation]
    /// The draft of the store's only user, with the field the cursor was in.
    let draft: (conversation: CrashLoopRecord.Conversation, field: Int?)?
    /// How many audit rows each action has.
    let audit: [String: Int]

    init(path: String, household: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        (integrity, incomeLines, conversations, draft, audit) = try queue.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            let lines = try Row.fetchAll(db, sql: "SELECT document, version FROM ledger_line WHERE householdId = ? AND section = 'income' ORDER BY position",
                                         arguments: [household]).map { row in
                let o = Self.object(row["document"])
                return Line(label: o["label"] as? String ?? "", amount: o["amount"] as? String ?? "", version: row["version"])
            }
            let conversations = try String.fetchAll(db, sql: "SELECT document FROM conversation WHERE householdId = ? ORDER BY position",
                                                    arguments: [household]).map { Self.conversation(Self.object($0)) }
            let draft = try String.fetchOne(db, sql: "SELECT document FROM draft WHERE householdId = ?", arguments: [household])
                .map { document -> (CrashLoopRecord.Conversation, Int?) in
                    let o = Self.object(document)
                    return (Self.conversation(o), (o["x-draft-field"] as? NSNumber)?.intValue)
                }
            var audit: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT action, count(*) AS n FROM audit GROUP BY action") {
                audit[row["action"]] = row["n"]
            }
            return (integrity, lines, conversations, draft, audit)
        }
    }

    private static func object(_ json: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }

    private static func conversation(_ o: [String: Any]) -> CrashLoopRecord.Conversation {
        let domains = o["domains"] as? [String: Any] ?? [:]
        return CrashLoopRecord.Conversation(question: o["question"] as? String ?? "", note: domains["financien"] as? String ?? "")
    }
}
