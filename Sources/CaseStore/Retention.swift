import Casework
import Foundation
import GRDB

/// A closed household whose retention period has passed, as the dry run lists it: no name,
/// no address — only what a team leader needs to decide, so the list itself shows nobody.
public struct RetentionCandidate: Equatable, Sendable {
    public let id: String
    public let caseworker: String?
    /// The last change to the household or any of its rows (views do not count).
    public let lastActivity: Moment
    public let members: Int
}

extension Store {
    /// The audit action of an anonymisation: it also marks the household as done, so a
    /// second run leaves it alone.
    public static let anonymiseAction = "household.anonymise"

    /// Closed households whose last activity lies before `cutoff` (a day in the local time
    /// zone) and that are not anonymised yet, by id. Last activity is the latest `changedAt`
    /// of the household and every row that belongs to it: closing is a change of the
    /// household row, so it is never earlier than the closing; looking at a file does not
    /// make it younger.
    public func retentionCandidates(before cutoff: CalendarDate) throws -> [RetentionCandidate] {
        let offset = clock.now().offsetMinutes
        return try read { db in try Self.candidates(db, before: cutoff, only: nil, offsetMinutes: offset) }
    }

    /// Anonymises one household (`CaseFile.anonymised`) in one transaction with one audit
    /// row. Checked again inside the transaction: a household reopened, changed or
    /// anonymised by someone else meanwhile is left alone (false, and nothing written).
    /// Versions go up, so a workstation holding the old text cannot save it back.
    public func anonymise(_ id: String, before cutoff: CalendarDate, by actor: Actor, reason: String) throws -> Bool {
        try requireTeamLeader(actor, for: .anonymise)
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        let at = clock.now()
        do {
            return try writer.writeWithoutTransaction { db in
                // Overwrite what is deleted or replaced with zeros instead of leaving it in free
                // space of the file, for this connection while it anonymises.
                let secureDelete = try Self.secureDeleteOn(db)
                defer { try? db.execute(sql: "PRAGMA secure_delete = \(secureDelete)") }
                var done = false
                try db.inTransaction(.immediate) {
                    guard let candidate = try Self.candidates(db, before: cutoff, only: id, offsetMinutes: at.offsetMinutes).first,
                          let file = try CaseFileRows.load(id, from: db) else { return .rollback }
                    let staff = Set(try String.fetchAll(db, sql: "SELECT user FROM staff"))
                    try AnonymousRows.write(file.anonymised(keeping: staff), id: id, into: db, by: actor.user, at: at.iso)
                    try Audit.append(db, at: at, user: actor.user, household: id, action: Self.anonymiseAction,
                                     detail: "\(reason); last activity \(candidate.lastActivity.iso)")
                    done = true
                    return .commit
                }
                return done
            }
        } catch {
            throw mapped(error)
        }
    }

    /// After anonymising: the search index merged into one segment, so no deleted word of
    /// an old name survives in an older one, and the write-ahead log folded into the file
    /// and emptied. False when the log could not be emptied (another workstation reading
    /// holds it open): the old text may stay in it until then, and the caller says so.
    @discardableResult
    public func compactAfterAnonymising() throws -> Bool {
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        do {
            return try writer.writeWithoutTransaction { db in
                let secureDelete = try Self.secureDeleteOn(db)
                defer { try? db.execute(sql: "PRAGMA secure_delete = \(secureDelete)") }
                try db.inTransaction {
                    try db.execute(sql: "INSERT INTO household_search (household_search) VALUES ('optimize')")
                    return .commit
                }
                // (busy, log frames, frames checkpointed): busy 0 is a log folded in and emptied
                let result = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (result?[0] as Int?) == 0
            }
        } catch {
            throw mapped(error)
        }
    }

    /// Turns secure_delete on for this connection; returns what it was, to put back.
    private static func secureDeleteOn(_ db: Database) throws -> Int {
        let before = try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? 0
        try db.execute(sql: "PRAGMA secure_delete = ON")
        return before
    }

    /// `offsetMinutes`: the offset the last change is shown at (the clock's own).
    static func candidates(_ db: Database, before cutoff: CalendarDate, only id: String?, offsetMinutes offset: Int) throws -> [RetentionCandidate] {
        // changedAt is ISO 8601 with an offset; strftime('%s') compares them as moments.
        func latest(_ from: String) -> String {
            "COALESCE((SELECT MAX(CAST(strftime('%s', x.changedAt) AS INTEGER)) FROM \(from)), 0)"
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT h.id, h.caseworker,
                   MAX(CAST(strftime('%s', h.changedAt) AS INTEGER),
                       \(latest("member x WHERE x.householdId = h.id")),
                       \(latest("ledger_line x WHERE x.householdId = h.id")),
                       \(latest("signal x WHERE x.householdId = h.id")),
                       \(latest("life_domain_score x WHERE x.householdId = h.id")),
                       \(latest("plan_goal x WHERE x.householdId = h.id")),
                       \(latest("conversation x WHERE x.householdId = h.id")),
                       \(latest("agreement x JOIN conversation c ON c.id = x.conversationId WHERE c.householdId = h.id")),
                       \(latest("grant_request x WHERE x.householdId = h.id"))) AS lastActivity,
                   (SELECT COUNT(*) FROM member m WHERE m.householdId = h.id) AS members
            FROM household h
            WHERE h.status = 'closed' AND (? IS NULL OR h.id = ?)
              AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.householdId = h.id AND a.action = ?)
            ORDER BY h.id
            """, arguments: [id, id, anonymiseAction])
        return rows.compactMap { row in
            // A time that does not read as a moment (a file edited by hand) dates nothing:
            // such a household is left alone rather than anonymised on a guess.
            guard let seconds: Int = row["lastActivity"] else { return nil }
            let last = Moment(epochSeconds: seconds, offsetMinutes: offset)
            guard last.localDate < cutoff else { return nil }
            return RetentionCandidate(id: row["id"], caseworker: row["caseworker"], lastActivity: last, members: row["members"])
        }
    }
}

/// Writes an anonymised case file over the rows of its household, element by element in
/// their stored order (the same ids, positions and columns, new documents), as
/// `CaseFileRows.insert` would have written them.
enum AnonymousRows {
    static func write(_ file: CaseFile, id: String, into db: Database, by user: String, at: String) throws {
        let stamp = "version = version + 1, changedBy = ?, changedAt = ?"
        var household = CaseFileWriter.household(file.household).objectValue!
        household["members"] = nil
        let plan: String? = file.plan.map { p in
            var o = CaseFileWriter.plan(p).objectValue!
            o["goals"] = nil
            return CaseFileRows.doc(.object(o))
        }
        try db.execute(sql: """
            UPDATE household SET name = ?, street = '', postcode = '', city = '', document = ?, plan = ?, fileExtra = '{}',
                closedNote = NULL, handoverNote = NULL, \(stamp)
            WHERE id = ?
            """, arguments: [file.household.name, CaseFileRows.doc(.object(household)), plan, user, at, id])

        func rewrite(_ table: String, _ condition: String, _ documents: [JSONValue], extra: [(String, (JSONValue) -> (any DatabaseValueConvertible)?)] = []) throws {
            // rowid: the integer key of every table here (grant_request's id is its text id)
            let ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table) WHERE \(condition) ORDER BY position", arguments: [id])
            guard ids.count == documents.count else {
                throw StoreError.database("\(table) of \(id): \(ids.count) rows, \(documents.count) in the case file")
            }
            let columns = (["document = ?"] + extra.map { "\($0.0) = ?" }).joined(separator: ", ")
            for (rowId, document) in zip(ids, documents) {
                var values: [(any DatabaseValueConvertible)?] = [CaseFileRows.doc(document)]
                values += extra.map { $0.1(document) }
                values += [user, at, rowId]
                try db.execute(sql: "UPDATE \(table) SET \(columns), \(stamp) WHERE rowid = ?", arguments: StatementArguments(values))
            }
        }
        func field(_ key: String) -> (JSONValue) -> (any DatabaseValueConvertible)? { { $0.objectValue?[key]?.stringValue } }

        try rewrite("member", "householdId = ?", file.household.members.map(CaseFileWriter.member),
                    extra: [("name", field("name")), ("birthDate", field("birthDate")), ("bsn", field("bsn"))])
        let f = file.finances
        for (section, documents) in [(LedgerSection.income, f.income.map(CaseFileWriter.income)),
                                     (.expense, f.expenses.map(CaseFileWriter.expense)),
                                     (.debt, f.debts.map(CaseFileWriter.debt)),
                                     (.deduction, f.deductions.map(CaseFileWriter.deduction)),
                                     (.asset, f.assets.map(CaseFileWriter.asset))] {
            try rewrite("ledger_line", "householdId = ? AND section = '\(section.rawValue)'", documents)
        }
        try rewrite("signal", "householdId = ?", file.signals.map(CaseFileWriter.signal))
        // How the partner identified the person (BSN, address, birth date) and the sender's id go too.
        try db.execute(sql: "UPDATE signal SET client = NULL, signalId = NULL WHERE householdId = ?", arguments: [id])
        try rewrite("life_domain_score", "householdId = ?", file.lifeDomains.map(CaseFileWriter.lifeDomain))
        try rewrite("plan_goal", "householdId = ?", (file.plan?.goals ?? []).map {
            CaseFileWriter.goal($0)
        })
        let conversations = file.conversations.map { CaseFileWriter.conversation($0).objectValue! }
        try rewrite("conversation", "householdId = ?", conversations.map { c in var c = c; c["agreements"] = nil; return .object(c) })
        let conversationIds = try Int64.fetchAll(db, sql: "SELECT id FROM conversation WHERE householdId = ? ORDER BY position", arguments: [id])
        for (conversationId, conversation) in zip(conversationIds, conversations) {
            let agreements = conversation["agreements"]?.arrayValue ?? []
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM agreement WHERE conversationId = ? ORDER BY position", arguments: [conversationId])
            guard ids.count == agreements.count else { throw StoreError.database("agreements of conversation \(conversationId) do not match") }
            for (rowId, agreement) in zip(ids, agreements) {
                try db.execute(sql: "UPDATE agreement SET owner = ?, document = ?, \(stamp) WHERE id = ?",
                               arguments: [agreement.objectValue?["owner"]?.stringValue ?? "", CaseFileRows.doc(agreement), user, at, rowId])
            }
        }
        try rewrite("grant_request", "householdId = ?", file.grants.map(CaseFileWriter.grant))
        // The comments of each step of a grant are free text too; who, when and which step stay.
        try db.execute(sql: """
            UPDATE grant_event SET comment = NULL
            WHERE comment IS NOT NULL AND grantId IN (SELECT id FROM grant_request WHERE householdId = ?)
            """, arguments: [id])
        // The payment files as sent name the resident in the transfer's description (a
        // customer number, a name): the household's transfers keep amount, IBAN and id, and
        // lose the payee's name and the description.
        for grant in file.grants.compactMap(\.id) {
            for row in try Row.fetchAll(db, sql: """
                SELECT b.id, b.document FROM payment_batch b JOIN payment_batch_item i ON i.batchId = b.id
                WHERE i.grantId = ? AND b.document IS NOT NULL
                """, arguments: [grant]) {
                let anonymised = PaymentBatchText.anonymising(row["document"], transfer: grant)
                try db.execute(sql: "UPDATE payment_batch SET document = ? WHERE id = ?", arguments: [anonymised, row["id"] as String])
            }
        }
        // What someone was typing and never saved goes entirely: conversations and requests.
        try db.execute(sql: "DELETE FROM draft WHERE householdId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM grant_form_draft WHERE householdId = ?", arguments: [id])
        // A letter as sent is kept unchanged until its period ends; then it goes whole (its
        // digest stays in the audit trail, which is never rewritten). The trigger that keeps it
        // is lifted for this one statement.
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM letter WHERE householdId = ?)", arguments: [id]) == true {
            try Schema.withLetterGuardLifted(db, .delete) {
                try db.execute(sql: "DELETE FROM letter WHERE householdId = ?", arguments: [id])
            }
        }
        // A closed household is not in the search index; made sure, in case it ever was.
        try SearchBeginnings.noteChange(db, household: id)
        try db.execute(sql: "DELETE FROM household_search WHERE rowid = (SELECT rowid FROM household WHERE id = ?)", arguments: [id])
    }
}

/// A stored SEPA file's text, one transfer changed.
enum PaymentBatchText {
    /// `xml` with the transfer whose EndToEndId is `id` stripped of the payee's name and the
    /// description; everything else byte for byte.
    static func anonymising(_ xml: String, transfer id: String) -> String {
        guard let mark = xml.range(of: "<EndToEndId>\(id)</EndToEndId>"),
              let start = xml.range(of: "<CdtTrfTxInf>", options: .backwards, range: xml.startIndex..<mark.lowerBound),
              let end = xml.range(of: "</CdtTrfTxInf>", range: mark.upperBound..<xml.endIndex) else { return xml }
        var block = String(xml[start.lowerBound..<end.upperBound])
        if let open = block.range(of: "<Cdtr><Nm>"), let close = block.range(of: "</Nm></Cdtr>", range: open.upperBound..<block.endIndex) {
            block.replaceSubrange(open.upperBound..<close.lowerBound, with: "Geanonimiseerd")
        }
        if let open = block.range(of: "<RmtInf>"), let close = block.range(of: "</RmtInf>", range: open.upperBound..<block.endIndex) {
            // The whole line, with its indent and line end.
            let lineStart = block[..<open.lowerBound].lastIndex(of: "\n").map { block.index(after: $0) } ?? open.lowerBound
            let lineEnd = block[close.upperBound...].firstIndex(of: "\n").map { block.index(after: $0) } ?? close.upperBound
            block.removeSubrange(lineStart..<lineEnd)
        }
        return String(xml[..<start.lowerBound]) + block + String(xml[end.upperBound...])
    }
}
