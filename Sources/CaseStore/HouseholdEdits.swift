import Casework
import GRDB

/// The overview's edits: members, the name and address, life-domain scores, signals and
/// agreements. Each is one unit of work with its audit row; an edit names the version it
/// was based on and is refused, with who saved in between, when someone else was first
/// (Versioning.swift). Member changes keep the household's rules (MemberRules.swift).
extension Store {
    // MARK: members

    public func addMember(_ member: Member, household: String, by actor: Actor) throws -> Stored<Member> {
        try change(by: actor, household: household, action: "member.add", detail: "\(member.name) (\(member.role.rawValue))") { db, at in
            try Self.requireMemberRules(db, household) { $0 + [member] }
            let position = try Self.nextPosition(db, "member", household)
            try db.execute(sql: """
                INSERT INTO member (householdId, position, name, role, birthDate, bsn, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [household, position, member.name, member.role.rawValue, member.birthDate?.iso, member.bsn?.digits,
                                 CaseFileRows.doc(CaseFileWriter.member(member)), actor.user, at.iso])
            let id = db.lastInsertedRowID
            try Self.refreshSearch(db, household)
            return try Self.storedRow(db, "member", id: id, CaseFileReader.member)
        }
    }

    /// Saves an edited member. A new name goes to the income lines in their name too.
    public func updateMember(_ stored: Stored<Member>, to member: Member, by actor: Actor, overwriting: Bool = false) throws -> Stored<Member> {
        let detail = "\(stored.value.name): " + Versioning.differences(CaseFileWriter.member(stored.value).objectValue ?? [:],
                                                                      CaseFileWriter.member(member).objectValue ?? [:])
            + Self.overwriteNote(stored, overwriting)
        return try change(by: actor, household: stored.householdId, action: "member.update", detail: detail) { db, at in
            try Self.requireMemberRules(db, stored.householdId) { members in
                members.map { $0 == stored.value ? member : $0 }
            }
            try Versioning.update(db, table: "member", id: stored.id, expected: stored.version,
                                  columns: [("name", member.name), ("role", member.role.rawValue), ("birthDate", member.birthDate?.iso),
                                            ("bsn", member.bsn?.digits), ("document", CaseFileRows.doc(CaseFileWriter.member(member)))],
                                  by: actor.user, at: at.iso, what: stored.value.name)
            if member.name != stored.value.name {
                try db.execute(sql: """
                    UPDATE ledger_line SET document = json_set(document, '$.member', ?), version = version + 1, changedBy = ?, changedAt = ?
                    WHERE householdId = ? AND section = 'income' AND json_extract(document, '$.member') = ?
                    """, arguments: [member.name, actor.user, at.iso, stored.householdId, stored.value.name])
            }
            try Self.refreshSearch(db, stored.householdId)
            return try Self.storedRow(db, "member", id: stored.id, CaseFileReader.member)
        }
    }

    /// Removes a member (the screen asks first): not the applicant, not someone with income
    /// lines in their name.
    public func deleteMember(_ stored: Stored<Member>, by actor: Actor) throws {
        try change(by: actor, household: stored.householdId, action: "member.delete",
                   detail: CaseFileRows.doc(CaseFileWriter.member(stored.value))) { db, _ in
            let lines = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM ledger_line WHERE householdId = ? AND section = 'income' AND json_extract(document, '$.member') = ?
                """, arguments: [stored.householdId, stored.value.name]) ?? 0
            if lines > 0 { throw StoreError.memberRules([.hasIncome(member: stored.value.name, lines: lines)]) }
            try Self.requireMemberRules(db, stored.householdId) { $0.filter { $0 != stored.value } }
            try Versioning.delete(db, table: "member", id: stored.id, expected: stored.version, what: stored.value.name)
            try Self.refreshSearch(db, stored.householdId)
        }
    }

    private static func requireMemberRules(_ db: Database, _ household: String, _ change: ([Member]) -> [Member]) throws {
        let members = try stored(db, "member", household, CaseFileReader.member).map(\.value)
        let problems = MemberProblem.problems(change(members))
        if !problems.isEmpty { throw StoreError.memberRules(problems) }
    }

    /// The search index holds the members' names: read again for this household, the list
    /// version moved on (Schema.v8) and the change noted for the search's kept beginnings.
    static func refreshSearch(_ db: Database, _ household: String) throws {
        try SearchBeginnings.noteChange(db, household: household)
        try db.execute(sql: "DELETE FROM household_search WHERE rowid = (SELECT rowid FROM household WHERE id = ?)", arguments: [household])
        try db.execute(sql: """
            INSERT INTO household_search (rowid, text, owner)
            SELECT h.rowid, \(Schema.searchText("h")), \(Schema.ownerToken("h")) FROM household h WHERE h.id = ? AND h.status = 'open'
            """, arguments: [household])
        try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'listVersion'")
    }

    // MARK: the household's name and address

    /// Saves the name and address, if nobody changed the household row since `record`.
    public func updateHousehold(_ record: HouseholdRecord, name: String, address: Address, by actor: Actor,
                                overwriting: Bool = false) throws -> HouseholdRecord {
        try change(by: actor, household: record.id, action: "household.update", explained: { db, at in
            let document: String = try String.fetchOne(db, sql: "SELECT document FROM household WHERE id = ?", arguments: [record.id]) ?? "{}"
            let old = try CaseFileRows.object(document)
            var new = old
            new["name"] = .string(name)
            var a = CaseFileWriter.household(Household(name: name, address: address, members: [])).objectValue?["address"]
            if case .object(var o)? = a, case .object(let before)? = old["address"] {
                for (key, value) in before where o[key] == nil { o[key] = value }   // fields this version does not know
                a = .object(o)
            }
            new["address"] = a
            try Versioning.update(db, table: "household", id: record.id, expected: record.version,
                                  columns: [("name", name), ("street", address.street), ("postcode", address.postcode),
                                            ("city", address.city), ("document", CaseFileRows.doc(.object(new)))],
                                  by: actor.user, at: at.iso, what: name)
            let detail = Versioning.differences(old, new)
                + (overwriting ? Versioning.overwriteNote(changedBy: record.changedBy, version: record.version, changedAt: record.changedAt) : "")
            return (try Self.householdRows(db, record.id).record, detail)
        })
    }

    // MARK: life-domain scores

    /// A ZRM score (dated, with a note), as its own unit of work.
    @discardableResult
    public func addLifeDomainScore(_ score: LifeDomainScore, household: String, by actor: Actor) throws -> Stored<LifeDomainScore> {
        try change(by: actor, household: household, action: "lifeDomain.score",
                   detail: "\(score.domain.rawValue) = \(score.score) on \(score.date?.iso ?? "-")" + (score.note.isEmpty ? "" : ": \(score.note)")) { db, at in
            let position = try Self.nextPosition(db, "life_domain_score", household)
            try db.execute(sql: """
                INSERT INTO life_domain_score (householdId, position, domain, score, date, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [household, position, score.domain.rawValue, score.score, score.date?.iso,
                                 CaseFileRows.doc(CaseFileWriter.lifeDomain(score)), actor.user, at.iso])
            return try Self.storedRow(db, "life_domain_score", id: db.lastInsertedRowID, CaseFileReader.lifeDomainScore)
        }
    }

    /// Takes a score back (`u` after giving it), if nobody changed it since.
    public func undoLifeDomainScore(_ stored: Stored<LifeDomainScore>, by actor: Actor) throws {
        try change(by: actor, household: stored.householdId, action: "lifeDomain.score.undo",
                   detail: "\(stored.value.domain.rawValue) = \(stored.value.score) on \(stored.value.date?.iso ?? "-")") { db, _ in
            try Versioning.delete(db, table: "life_domain_score", id: stored.id, expected: stored.version,
                                  what: stored.value.domain.name(in: .nl))
        }
    }

    // MARK: signals

    /// A signal taken in by hand (a landlord who phoned): it gets an ID of its own and the
    /// household's applicant as its client, and joins the household's zaak like an imported
    /// one, so it is in the queue, the figures and the DDAS delivery.
    public func addSignal(_ signal: Signal, household: String, by actor: Actor) throws -> Stored<Signal> {
        try change(by: actor, household: household, action: "signal.add",
                   detail: "by hand: \(signal.partner.rawValue) \(signal.creditor) \(signal.amount.plain)") { db, at in
            var signal = signal
            let position = try Self.nextPosition(db, "signal", household)
            if signal.id == nil { signal.id = try Self.handSignalId(db, household: household, position: position) }
            if signal.received == nil { signal.received = at.localDate }
            // Its client is the household as it is when the delivery is made (signalDelivery).
            _ = try Self.addToCase(db, IncomingSignal(signal: signal, client: SignalClient(), path: ""), household: household, by: actor.user, at: at)
            try Self.signalsChanged(db)
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM signal WHERE signalId = ?", arguments: [signal.id])
            return try Self.storedRow(db, "signal", id: id ?? db.lastInsertedRowID, CaseFileReader.signal)
        }
    }

    /// `HOUSEHOLD-sN`: the household's id and the signal's number in it, never one in use.
    static func handSignalId(_ db: Database, household: String, position: Int) throws -> String {
        var n = position + 1
        while try signalIdTaken(db, "\(household)-s\(n)") { n += 1 }
        return "\(household)-s\(n)"
    }

    /// A signal's text and figures edited on the overview. One in a zaak keeps what the zaak
    /// rests on — its ID, partner type, day, crisis, warm handover, status and reason — which
    /// change only through the queue (attempt, result, set aside); the creditor, the arrears
    /// and since when may be put right.
    public func updateSignal(_ stored: Stored<Signal>, to edited: Signal, by actor: Actor, overwriting: Bool = false) throws -> Stored<Signal> {
        var merged = edited
        if stored.value.caseId != nil {
            let kept = stored.value
            merged.id = kept.id; merged.partner = kept.partner; merged.received = kept.received; merged.crisis = kept.crisis
            merged.warmHandover = kept.warmHandover; merged.status = kept.status; merged.reason = kept.reason; merged.caseId = kept.caseId
        }
        let signal = merged
        let detail = "\(stored.value.creditor): " + Versioning.differences(CaseFileWriter.signal(stored.value).objectValue ?? [:],
                                                                          CaseFileWriter.signal(signal).objectValue ?? [:])
            + Self.overwriteNote(stored, overwriting)
        return try change(by: actor, household: stored.householdId, action: "signal.update", detail: detail) { db, at in
            try Versioning.update(db, table: "signal", id: stored.id, expected: stored.version,
                                  columns: [("partner", signal.partner.rawValue), ("status", signal.status.rawValue),
                                            ("received", signal.received?.iso), ("crisis", signal.crisis), ("document", CaseFileRows.doc(CaseFileWriter.signal(signal)))],
                                  by: actor.user, at: at.iso, what: stored.value.creditor)
            return try Self.storedRow(db, "signal", id: stored.id, CaseFileReader.signal)
        }
    }

    // MARK: agreements

    /// Marks an agreement done or moves its date. The conversation it belongs to gets a new
    /// version too: a form of that conversation opened before would otherwise save its old
    /// agreements over this change without a word.
    public func updateAgreement(_ stored: StoredAgreement, to agreement: Agreement, by actor: Actor,
                                overwriting: Bool = false) throws -> StoredAgreement {
        let row = stored.row
        let detail = "\(row.value.text.prefix(40)): " + Versioning.differences(CaseFileWriter.agreement(row.value).objectValue ?? [:],
                                                                              CaseFileWriter.agreement(agreement).objectValue ?? [:])
            + Self.overwriteNote(row, overwriting)
        return try change(by: actor, household: row.householdId, action: "agreement.update", detail: detail) { db, at in
            try Versioning.update(db, table: "agreement", id: row.id, expected: row.version,
                                  columns: [("owner", agreement.owner), ("due", agreement.due?.iso), ("done", agreement.done),
                                            ("document", CaseFileRows.doc(CaseFileWriter.agreement(agreement)))],
                                  by: actor.user, at: at.iso, what: String(row.value.text.prefix(40)))
            try db.execute(sql: "UPDATE conversation SET version = version + 1, changedBy = ?, changedAt = ? WHERE id = ?",
                           arguments: [actor.user, at.iso, stored.conversationId])
            return StoredAgreement(row: try Self.storedRow(db, "agreement", id: row.id, CaseFileReader.agreement),
                                   conversationId: stored.conversationId, conversationDate: stored.conversationDate)
        }
    }

    // MARK: helpers

    static func nextPosition(_ db: Database, _ table: String, _ household: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM \(table) WHERE householdId = ?", arguments: [household]) ?? 0
    }

    static func overwriteNote<V>(_ stored: Stored<V>, _ overwriting: Bool) -> String {
        overwriting ? Versioning.overwriteNote(changedBy: stored.changedBy, version: stored.version, changedAt: stored.changedAt) : ""
    }
}
