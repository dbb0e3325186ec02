import Casework
import GRDB

/// A household in rows and back. Each element is kept as its own case-file JSON
/// (`document`) beside the columns queries need; a household is read back by assembling
/// the case file and reading it with `CaseFileReader`, so the store applies exactly the
/// rules of the format and keeps every unknown field.
enum CaseFileRows {
    static func doc(_ value: JSONValue) -> String { JSONWriter.compact(value) }

    static func object(_ text: String) throws -> JSONObject {
        guard case .success(let value) = JSONParser.parse(text), let object = value.objectValue else {
            throw StoreError.database("a stored document is not a JSON object: \(text.prefix(80))")
        }
        return object
    }

    static func value(_ text: String) throws -> JSONValue {
        guard case .success(let value) = JSONParser.parse(text) else {
            throw StoreError.database("a stored document is not JSON: \(text.prefix(80))")
        }
        return value
    }

    // MARK: writing

    static func insert(_ file: CaseFile, id: String, into db: Database, by user: String, at moment: Moment) throws {
        let at = moment.iso
        var household = file.household
        household.id = id
        var householdDoc = CaseFileWriter.household(household).objectValue!
        householdDoc["members"] = nil
        var planDoc: String?
        if let plan = file.plan {
            var o = CaseFileWriter.plan(plan).objectValue!
            o["goals"] = nil
            planDoc = doc(.object(o))
        }
        try db.cachedStatement(sql: """
            INSERT INTO household (id, name, street, postcode, city, caseworker, referenceDate, document, policy, plan,
                                   fileExtra, changedBy, changedAt, team)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT s.team FROM staff s WHERE s.user = ?))
            """).execute(arguments: [id, household.name, household.address?.street ?? "", household.address?.postcode ?? "",
                             household.address?.city ?? "", household.caseworker, file.referenceDate?.iso,
                             doc(.object(householdDoc)), file.policy.map { doc(CaseFileWriter.policy($0)) }, planDoc,
                             doc(.object(file.unknownFields)), user, at, household.caseworker])

        for (i, m) in household.members.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO member (householdId, position, name, role, birthDate, bsn, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, i, m.name, m.role.rawValue, m.birthDate?.iso, m.bsn?.digits,
                                 doc(CaseFileWriter.member(m)), user, at])
        }
        try db.cachedStatement(sql: """
            INSERT INTO household_search (rowid, text, owner)
            SELECT h.rowid, \(Schema.searchText("h")), \(Schema.ownerToken("h")) FROM household h WHERE h.id = ? AND h.status = 'open'
            """)
            .execute(arguments: [id])
        let f = file.finances
        let lines: [(LedgerSection, [JSONValue])] = [
            (.income, f.income.map(CaseFileWriter.income)), (.expense, f.expenses.map(CaseFileWriter.expense)),
            (.debt, f.debts.map(CaseFileWriter.debt)), (.deduction, f.deductions.map(CaseFileWriter.deduction)),
            (.asset, f.assets.map(CaseFileWriter.asset)),
        ]
        for (section, docs) in lines {
            for (i, d) in docs.enumerated() {
                try db.cachedStatement(sql: """
                    INSERT INTO ledger_line (householdId, section, position, document, changedBy, changedAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [id, section.rawValue, i, doc(d), user, at])
            }
        }
        for (i, s) in file.signals.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO signal (householdId, position, partner, status, received, signalId, crisis, caseId, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, i, s.partner.rawValue, s.status.rawValue, s.received?.iso, s.id, s.crisis, s.caseId,
                                 doc(CaseFileWriter.signal(s)), user, at])
        }
        for (i, s) in file.lifeDomains.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO life_domain_score (householdId, position, domain, score, date, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, i, s.domain.rawValue, s.score, s.date?.iso, doc(CaseFileWriter.lifeDomain(s)), user, at])
        }
        for (i, g) in (file.plan?.goals ?? []).enumerated() {
            let goalDoc = CaseFileWriter.goal(g)
            try db.cachedStatement(sql: """
                INSERT INTO plan_goal (householdId, position, goalId, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, i, g.id, doc(goalDoc), user, at])
        }
        for (i, c) in file.conversations.enumerated() {
            try insertConversation(c, position: i, household: id, into: db, by: user, at: at)
        }
        for (i, g) in file.grants.enumerated() {
            try insertGrant(g, position: i, household: id, into: db, by: user, at: at)
        }
    }

    static func insertConversation(_ c: Conversation, position: Int, household: String, into db: Database,
                                   by user: String, at: String) throws {
        var o = CaseFileWriter.conversation(c).objectValue!
        let agreements = o["agreements"]?.arrayValue ?? []
        o["agreements"] = nil
        try db.cachedStatement(sql: """
            INSERT INTO conversation (householdId, position, date, author, document, changedBy, changedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [household, position, c.date?.iso, c.author, doc(.object(o)), user, at])
        let conversationId = db.lastInsertedRowID
        for (i, (a, d)) in zip(c.agreements, agreements).enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO agreement (conversationId, householdId, position, owner, due, done, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [conversationId, household, i, a.owner, a.due?.iso, a.done, doc(d), user, at])
        }
    }

    static func insertGrant(_ g: Grant, position: Int, household: String, into db: Database,
                            by user: String, at: String) throws {
        guard let id = g.id else { throw StoreError.database("a grant without an id cannot be stored") }
        let figures = ReportFigureRows.columns(g)
        try db.cachedStatement(sql: """
            INSERT INTO grant_request (id, householdId, position, status, route, category, amountCents, urgencyDate,
                                       submittedBy, submittedAt, decidedBy, decidedAt, paidAt, approvedUnderMandate,
                                       objectionOpenSince, document, changedBy, changedAt, \(figures.map(\.0).joined(separator: ", ")))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, \(figures.map { _ in "?" }.joined(separator: ", ")))
            """).execute(arguments: StatementArguments([id, household, position, g.status.rawValue, g.route.rawValue, g.category.rawValue,
                             g.amount.cents, g.urgencyDate?.iso, g.submittedBy, g.submittedAt?.iso, g.decidedBy,
                             g.decidedAt?.iso, g.paidAt?.iso, g.approvedUnderMandate, g.openObjection?.received.iso,
                             doc(CaseFileWriter.grant(g)), user, at] + figures.map(\.1)))
        try ReportFigureRows.keepObjections(g, id: id, in: db)
    }

    // MARK: reading

    /// The household as a case file, or nil when there is no such household.
    static func load(_ id: String, from db: Database) throws -> CaseFile? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM household WHERE id = ?", arguments: [id]) else { return nil }
        var root = JSONObject()
        root["format"] = .string(CaseFile.format)
        if let date: String = row["referenceDate"] { root["referenceDate"] = .string(date) }
        var household = try object(row["document"])
        household["members"] = .array(try documents(db, "SELECT document FROM member WHERE householdId = ? ORDER BY position", id))
        root["household"] = .object(household)
        for (key, section) in [("income", LedgerSection.income), ("expenses", .expense), ("debts", .debt), ("deductions", .deduction),
                                ("assets", .asset)] {
            root[key] = .array(try documents(db, """
                SELECT document FROM ledger_line WHERE householdId = ? AND section = '\(section.rawValue)' ORDER BY position
                """, id))
        }
        root["signals"] = .array(try documents(db, "SELECT document FROM signal WHERE householdId = ? ORDER BY position", id))
        if let policy: String = row["policy"] { root["policy"] = try value(policy) }
        root["lifeDomains"] = .array(try documents(db, "SELECT document FROM life_domain_score WHERE householdId = ? ORDER BY position", id))
        if let planText: String = row["plan"] {
            var plan = try object(planText)
            plan["goals"] = .array(try documents(db, "SELECT document FROM plan_goal WHERE householdId = ? ORDER BY position", id))
            root["plan"] = .object(plan)
        }
        var conversations: [JSONValue] = []
        for c in try Row.fetchAll(db, sql: "SELECT id, document FROM conversation WHERE householdId = ? ORDER BY position", arguments: [id]) {
            var o = try object(c["document"])
            let conversationId: Int64 = c["id"]
            o["agreements"] = .array(try documents(db, "SELECT document FROM agreement WHERE conversationId = ? ORDER BY position", conversationId))
            conversations.append(.object(o))
        }
        root["conversations"] = .array(conversations)
        root["grants"] = .array(try documents(db, "SELECT document FROM grant_request WHERE householdId = ? ORDER BY position", id))
        root.append(contentsOf: try object(row["fileExtra"]))
        switch CaseFileReader.read(.object(root)) {
        case .success(let file): return file
        case .failure(let rejection):
            throw StoreError.database("household \(id) no longer reads as a case file: "
                                      + rejection.problems.map { $0.message(in: .en) }.joined(separator: "; "))
        }
    }

    private static func documents(_ db: Database, _ sql: String, _ argument: some DatabaseValueConvertible) throws -> [JSONValue] {
        try String.fetchAll(db, sql: sql, arguments: [argument]).map(value)
    }
}

/// The four sections of the ledger, as stored.
public enum LedgerSection: String, CaseIterable, Sendable {
    case income, expense, debt, deduction
    /// Vermogen.
    case asset
}
