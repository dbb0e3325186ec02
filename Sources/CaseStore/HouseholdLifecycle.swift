import Casework
import Foundation
import GRDB

/// A household from its intake to its closing: taken in (never twice, knowingly at most),
/// assigned and transferred with a note for the receiver, taken by a caseworker of its
/// team when nobody holds it, closed with a reason, reopened. Each step is one unit of
/// work with its audit row; the rules of who may do what are checked here, whatever
/// screen or command asks.
extension Store {
    // MARK: intake

    /// Takes in a new household: `caseworker` as given, else the one typing. When it may
    /// be a family the store has (see `possibleDuplicates`), it is refused with what was
    /// found — unless exactly those were shown and the user went on knowingly
    /// (`despite`), which the audit row records. Returns the new household's id.
    /// `fromDraft`: typed in the workstation, whose intake draft goes in the same unit of work.
    public func createHousehold(_ household: Household, despite shown: [PossibleDuplicate] = [], fromDraft: Bool = false,
                                by actor: Actor) throws -> String {
        var typed = household
        if typed.caseworker == nil { typed.caseworker = actor.user }
        let household = typed
        let file = CaseFile(household: household)
        return try change(by: actor, household: nil, action: "household.create", explained: { db, at in
            if let holder = household.caseworker, holder != actor.user {
                guard actor.role == .teamleader else {
                    throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .assignHousehold)
                }
                try Self.requireCaseworker(db, holder)
            }
            let found = try Self.possibleDuplicates(db, of: household, excluding: nil)
            // Someone else may have taken the family in since the dialog: what was not shown is refused.
            let unseen = found.filter { f in !shown.contains { $0.householdId == f.householdId } }
            if !unseen.isEmpty { throw StoreError.possibleDuplicates(found) }
            var taken = Set<String>()
            let id = try Self.newId(db, prefix: "hh-", table: "household", taken: &taken)
            try CaseFileRows.insert(file, id: id, into: db, by: actor.user, at: at)
            if fromDraft { try db.execute(sql: "DELETE FROM intake_draft WHERE user = ?", arguments: [actor.user]) }
            var detail = "\(id) \(household.name): \(household.members.count) members, caseworker \(household.caseworker ?? "-")"
            if !found.isEmpty {
                detail += "; went on knowingly despite possible duplicates: " + found.map { $0.sentence(in: .en) }.joined(separator: " | ")
            }
            // The new household's own row, so its trail starts with its intake.
            try Audit.append(db, at: at, user: actor.user, household: id, action: "household.intake", detail: detail)
            return (id, detail)
        })
    }

    /// The open households that may be the same family as `household`: a member's BSN, a
    /// member's name and birth date (any case, diacritics aside), or the same address
    /// (postcode and street line). At most `limit` households: enough to see that the family
    /// is known and where, and an import of many files stays linear however often one family
    /// comes back.
    public func possibleDuplicates(of household: Household, excluding id: String? = nil) throws -> [PossibleDuplicate] {
        try read { db in try Self.possibleDuplicates(db, of: household, excluding: id) }
    }

    static let duplicateLimit = 10

    static func possibleDuplicates(_ db: Database, of household: Household, excluding id: String?) throws -> [PossibleDuplicate] {
        let limit = duplicateLimit
        var reasons: [String: [PossibleDuplicate.Reason]] = [:]
        var order: [String] = []
        func add(_ householdId: String, _ reason: PossibleDuplicate.Reason) {
            guard householdId != id else { return }
            if reasons[householdId] == nil { order.append(householdId) }
            if !(reasons[householdId]?.contains(reason) ?? false) { reasons[householdId, default: []].append(reason) }
        }
        for member in household.members {
            if let bsn = member.bsn {
                for found in try String.fetchAll(db, sql: """
                    SELECT m.householdId FROM member m JOIN household h ON h.id = m.householdId
                    WHERE m.bsn = ? AND h.status = 'open' LIMIT ?
                    """, arguments: [bsn.digits, limit + 1]) {
                    add(found, .bsn(member: member.name))
                }
            }
            if let born = member.birthDate {
                for row in try Row.fetchAll(db, sql: """
                    SELECT m.householdId, m.name FROM member m INDEXED BY member_by_birth_date JOIN household h ON h.id = m.householdId
                    WHERE m.birthDate = ? AND h.status = 'open' LIMIT ?
                    """, arguments: [born.iso, 4 * limit]) where Self.folded(row["name"]) == Self.folded(member.name) {
                    add(row["householdId"], .nameAndBirthDate(member: member.name))
                }
            }
        }
        if let address = household.address, !address.postcode.isEmpty, !address.street.isEmpty {
            for row in try Row.fetchAll(db, sql: "SELECT id, street FROM household WHERE postcode = ? AND status = 'open' LIMIT ?",
                                        arguments: [address.postcode, 10 * limit]) where Self.folded(row["street"]) == Self.folded(address.street) {
                add(row["id"], .address)
            }
        }
        return try order.prefix(limit).map { found in
            let row = try Row.fetchOne(db, sql: "SELECT name, caseworker FROM household WHERE id = ?", arguments: [found])
            return PossibleDuplicate(householdId: found, householdName: row?["name"] ?? found, caseworker: row?["caseworker"],
                                     reasons: reasons[found] ?? [])
        }
    }

    /// Letters and digits only, lower case, without diacritics: "Zoë  de Vries" and
    /// "zoe de vries" are the same name; "Westzijde 12-A" and "westzijde 12a" the same street.
    static func folded(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).filter { $0.isLetter || $0.isNumber }
    }

    static func requireCaseworker(_ db: Database, _ user: String) throws {
        let role = try String.fetchOne(db, sql: "SELECT role FROM staff WHERE user = ?", arguments: [user])
        guard role == Actor.Role.caseworker.rawValue || role == Actor.Role.teamleader.rawValue else {
            throw StoreError.notACaseworker(user: user)
        }
    }

    // MARK: assigning

    /// A team leader assigns or transfers the household to `caseworker` (of any team: the
    /// household goes to that team), with a note the receiver sees when they open it. A
    /// caseworker may only take an unassigned household of their own team (or of no team):
    /// `caseworker` is then themselves.
    public func assignHousehold(_ id: String, to caseworker: String, note: String = "", by actor: Actor) throws {
        try change(by: actor, household: id, action: "household.assign", explained: { db, at in
            let current = try Self.lifecycleRow(db, id)
            guard current.status == "open" else { throw StoreError.householdClosed(id: id) }
            if actor.role != .teamleader {
                guard caseworker == actor.user else {
                    throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .assignHousehold)
                }
                if let holder = current.caseworker, !holder.isEmpty, holder != actor.user {
                    throw StoreError.alreadyAssigned(id: id, to: holder)
                }
                let myTeam = try String.fetchOne(db, sql: "SELECT team FROM staff WHERE user = ?", arguments: [actor.user])
                if let team = current.team, team != myTeam {
                    throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .takeOtherTeamsHousehold)
                }
            }
            try Self.requireCaseworker(db, caseworker)
            let team = try String.fetchOne(db, sql: "SELECT team FROM staff WHERE user = ?", arguments: [caseworker])
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            // The receiver reads the note on opening, unless they are the one writing it.
            let unread = !trimmed.isEmpty && caseworker != actor.user
            var document = try CaseFileRows.object(current.document)
            document["caseworker"] = .string(caseworker)
            try db.execute(sql: """
                UPDATE household SET caseworker = ?, team = ?, document = ?, handoverNote = ?, handoverBy = ?, handoverAt = ?,
                    handoverUnread = ?, version = version + 1, changedBy = ?, changedAt = ?
                WHERE id = ?
                """, arguments: [caseworker, team, CaseFileRows.doc(.object(document)), trimmed.isEmpty ? nil : trimmed,
                                 actor.user, at.iso, unread, actor.user, at.iso, id])
            let from = current.caseworker.map { "\($0) (team \(current.team ?? "-"))" } ?? "nobody (team \(current.team ?? "-"))"
            let kind = current.caseworker == nil || current.caseworker == "" ? "assigned" : "transferred"
            return ((), "\(kind) from \(from) to \(caseworker) (team \(team ?? "-"))" + (trimmed.isEmpty ? "" : "; note: \(trimmed)"))
        })
    }

    /// The receiver has read the handover note (Enter on it): it is not shown again on
    /// opening, and stays in the overview.
    public func markHandoverRead(_ id: String, by actor: Actor) throws {
        try change(by: actor, household: id, action: "household.handover.read", detail: "") { db, _ in
            try db.execute(sql: "UPDATE household SET handoverUnread = 0 WHERE id = ? AND caseworker = ?", arguments: [id, actor.user])
        }
    }

    // MARK: closing and reopening

    /// Closes the household on `day` for `reason` (with a note where the reason needs one).
    /// Its caseworker or a team leader may; not while a grant waits for a decision or for
    /// payment. A closed household leaves the caseload and counts for retention from now.
    public func closeHousehold(_ id: String, reason: ClosingReason, note: String = "", on day: CalendarDate,
                               by actor: Actor) throws {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.needsNote && trimmed.isEmpty { throw StoreError.closingNoteMissing(reason) }
        try change(by: actor, household: id, action: "household.close",
                   detail: "\(reason.rawValue) on \(day.iso)" + (trimmed.isEmpty ? "" : "; note: \(trimmed)")) { db, at in
            let current = try Self.lifecycleRow(db, id)
            try Self.requireHolderOrLeader(current, actor)
            guard current.status == "open" else { throw StoreError.householdClosed(id: id) }
            let underWay = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM grant_request WHERE householdId = ? AND status IN ('submitted', 'approved')
                """, arguments: [id]) ?? 0
            if underWay > 0 { throw StoreError.grantsUnderWay(id: id, count: underWay) }
            try db.execute(sql: """
                UPDATE household SET status = 'closed', closedOn = ?, closedReason = ?, closedNote = ?,
                    version = version + 1, changedBy = ?, changedAt = ?
                WHERE id = ?
                """, arguments: [day.iso, reason.rawValue, trimmed.isEmpty ? nil : trimmed, actor.user, at.iso, id])
        }
    }

    /// Opens a closed household again; its caseworker or a team leader may.
    public func reopenHousehold(_ id: String, by actor: Actor) throws {
        try change(by: actor, household: id, action: "household.reopen", explained: { db, at in
            let current = try Self.lifecycleRow(db, id)
            try Self.requireHolderOrLeader(current, actor)
            guard current.status == "closed" else { throw StoreError.householdNotClosed(id: id) }
            try db.execute(sql: """
                UPDATE household SET status = 'open', closedOn = NULL, closedReason = NULL, closedNote = NULL,
                    version = version + 1, changedBy = ?, changedAt = ?
                WHERE id = ?
                """, arguments: [actor.user, at.iso, id])
            return ((), "was closed on \(current.closedOn ?? "-") (\(current.closedReason ?? "-"))")
        })
    }

    private struct LifecycleRow {
        let status: String
        let caseworker: String?
        let team: String?
        let document: String
        let closedOn: String?
        let closedReason: String?
    }

    private static func lifecycleRow(_ db: Database, _ id: String) throws -> LifecycleRow {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT status, caseworker, team, document, closedOn, closedReason FROM household WHERE id = ?
            """, arguments: [id]) else { throw StoreError.householdNotFound(id: id) }
        return LifecycleRow(status: row["status"], caseworker: row["caseworker"], team: row["team"], document: row["document"],
                            closedOn: row["closedOn"], closedReason: row["closedReason"])
    }

    private static func requireHolderOrLeader(_ row: LifecycleRow, _ actor: Actor) throws {
        guard actor.role == .teamleader || row.caseworker == actor.user else {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .closeHousehold)
        }
    }
}
