import Casework
import GRDB

/// The law and the municipality's policy in the store (docs/rules.md, "The norm tables",
/// "The municipality's policy"): norm tables a team leader adds besides the shipped ones,
/// and numbered policy versions valid from a date. Every overview the store or a screen
/// computes takes them from `rules()`, so all compute alike.
extension Store {
    /// The shipped tables and policy with what this store added.
    public func rules() throws -> CaseRules {
        try read { db in try Self.rules(db) }
    }

    static func rules(_ db: Database) throws -> CaseRules {
        var added: [NormTable] = []
        for row in try Row.fetchAll(db, sql: "SELECT validFrom, document FROM norm_table ORDER BY validFrom") {
            switch NormTableFile.read(text: row["document"]) {
            case .success(let table): added.append(table)
            case .failure(let rejection):
                throw StoreError.database("the stored norm table of \(row["validFrom"] as String) no longer reads: "
                                          + rejection.problems.map { $0.message(in: .en) }.joined(separator: "; "))
            }
        }
        var versions: [PolicyVersion] = []
        for row in try Row.fetchAll(db, sql: "SELECT number, validFrom, document, setBy, setAt FROM policy_version ORDER BY number") {
            guard let validFrom = CalendarDate(iso: row["validFrom"]),
                  case .success(let o) = PolicyFile.readStored(text: row["document"]) else {
                throw StoreError.database("policy version \(row["number"] as Int) no longer reads")
            }
            versions.append(PolicyVersion(number: row["number"], validFrom: validFrom, policy: Policy.defaults.overridden(by: o),
                                          setBy: row["setBy"], setAt: Moment(iso: row["setAt"])))
        }
        return CaseRules(normTables: NormTables.shipped.adding(added), policies: versions)
    }

    /// Adds a norm table: a team leader's; refused when its date is taken or an amount is
    /// implausible against the table before it (exit 65, every problem named). Audited.
    public func addNormTable(_ table: NormTable, file: String, by actor: Actor) throws {
        try requireTeamLeader(actor, for: .changeRules)
        try change(by: actor, household: nil, action: "norms.add", detail: "\(table.validFrom.iso) \(table.source)") { db, at in
            let problems = NormTableFile.problemsAdding(table, to: try Self.rules(db).normTables)
            guard problems.isEmpty else { throw StoreError.ruleFileRefused(file: file, problems) }
            try db.execute(sql: "INSERT INTO norm_table (validFrom, document, addedBy, addedAt) VALUES (?, ?, ?, ?)",
                           arguments: [table.validFrom.iso, CaseFileRows.doc(NormTableFile.json(table)), actor.user, at.iso])
        }
    }

    /// Sets a new policy version from `validFrom`: the fields the file sets over the version
    /// in force the day before, stored whole, so a version never changes afterwards. Audited
    /// with the whole version. Returns it.
    @discardableResult
    public func setPolicy(_ change: PolicyChange, by actor: Actor) throws -> PolicyVersion {
        try requireTeamLeader(actor, for: .changeRules)
        return try self.change(by: actor, household: nil, action: "policy.set", explained: { db, at in
            let rules = try Self.rules(db)
            let before = rules.policy(on: change.validFrom.adding(days: -1))
            let policy = before.policy.overridden(by: change.fields)
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM policy_version") ?? 0) + 1
            let document = CaseFileRows.doc(CaseFileWriter.policy(policy.asOverride))
            try db.execute(sql: "INSERT INTO policy_version (number, validFrom, document, setBy, setAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [number, change.validFrom.iso, document, actor.user, at.iso])
            let version = PolicyVersion(number: number, validFrom: change.validFrom, policy: policy, setBy: actor.user, setAt: at)
            return (version, "version \(number) from \(change.validFrom.iso): \(document)")
        })
    }
}

extension Store {
    /// The municipality's settings, nil until a team leader set them.
    public func municipality() throws -> Municipality? {
        try read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT document FROM municipality WHERE id = 1") else { return nil }
            guard case .success(let m) = Municipality.read(text: text) else {
                throw StoreError.database("the stored municipality settings no longer read")
            }
            return m
        }
    }

    /// Sets them (a team leader's), audited with what they were and what they became.
    public func setMunicipality(_ m: Municipality, by actor: Actor) throws {
        try requireTeamLeader(actor, for: .changeRules)
        try change(by: actor, household: nil, action: "municipality.set", explained: { db, at in
            let before = try String.fetchOne(db, sql: "SELECT document FROM municipality WHERE id = 1") ?? "-"
            let document = CaseFileRows.doc(Municipality.json(m))
            try db.execute(sql: """
                INSERT INTO municipality (id, document, setBy, setAt) VALUES (1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET document = excluded.document, setBy = excluded.setBy, setAt = excluded.setAt
                """, arguments: [document, actor.user, at.iso])
            return ((), "before: \(before) after: \(document)")
        })
    }
}
