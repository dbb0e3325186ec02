import Casework
import GRDB

/// A grant as stored: the version an edit must be based on.
public struct StoredGrant: Equatable, Sendable {
    public let householdId: String
    public let version: Int
    public let grant: Grant
    public var id: String { grant.id ?? "" }

    public init(householdId: String, version: Int, grant: Grant) {
        self.householdId = householdId; self.version = version; self.grant = grant
    }
}

/// Grant steps as units of work. The rules of `GrantWorkflow` run again inside the
/// transaction, on the household as stored, so a bypassed screen changes nothing.
extension Store {
    public func grants(household: String) throws -> [StoredGrant] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM grant_request WHERE householdId = ? ORDER BY position",
                             arguments: [household]).map(Self.storedGrant)
        }
    }

    public func grant(_ id: String) throws -> StoredGrant {
        guard let grant = try read({ db in
            try Row.fetchOne(db, sql: "SELECT * FROM grant_request WHERE id = ?", arguments: [id]).map(Self.storedGrant)
        }) else { throw StoreError.grantNotFound(id: id) }
        return grant
    }

    static func storedGrant(_ row: Row) throws -> StoredGrant {
        guard case .success(let grant) = CaseFileReader.grant(try CaseFileRows.value(row["document"])) else {
            throw StoreError.database("grant \(String(describing: row["id"] as String?)) does not read")
        }
        return StoredGrant(householdId: row["householdId"], version: row["version"], grant: grant)
    }

    /// A new request in draft, with a fresh id.
    public func addGrantDraft(_ grant: Grant, household: String, by actor: Actor) throws -> StoredGrant {
        var grant = grant
        grant.status = .draft
        let draft = grant
        return try change(by: actor, household: household, action: "grant.draft",
                          detail: "\(grant.category.rawValue) \(grant.amount.plain)") { db, at in
            var taken = Set<String>()
            var g = draft
            g.id = try Self.newId(db, prefix: "gr-", table: "grant_request", taken: &taken)
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM grant_request WHERE householdId = ?",
                                            arguments: [household]) ?? 0
            try CaseFileRows.insertGrant(g, position: position, household: household, into: db, by: actor.user, at: at.iso)
            try Self.event(db, g.id!, at: at, user: actor.user, action: "draft", from: nil, to: .draft, comment: nil)
            return StoredGrant(householdId: household, version: 1, grant: g)
        }
    }

    /// Saves an edited draft, or a returned request being mended: that one is a draft again
    /// (the reviewer's comment stays with it until the next decision), recorded in its timeline.
    public func updateGrantDraft(_ stored: StoredGrant, to grant: Grant, by actor: Actor) throws -> StoredGrant {
        guard [.draft, .returned].contains(stored.grant.status) else {
            throw StoreError.grantRefusals([.illegalTransition(from: stored.grant.status, action: .submit)])
        }
        var g = grant
        g.id = stored.grant.id; g.status = .draft
        g.decisionComment = stored.grant.decisionComment
        let next = g
        return try change(by: actor, household: stored.householdId, action: "grant.edit", detail: stored.id) { db, at in
            if stored.grant.status == .returned {
                try Self.event(db, stored.id, at: at, user: actor.user, action: "reopen", from: .returned, to: .draft, comment: nil)
            }
            return try Self.write(db, stored, next, user: actor.user, at: at)
        }
    }

    /// Submits a draft: the norm test and draagkracht are computed from the household as
    /// stored, on the day of the submission (the store's clock), and kept with the request.
    /// Within the mandate it is approved at once.
    /// The rules are the store's (its norm tables and the policy version in force that day);
    /// the snapshot records which, and what earlier requests of the period already took.
    public func submitGrant(_ stored: StoredGrant, by actor: Actor) throws -> StoredGrant {
        try change(by: actor, household: stored.householdId, action: "grant.submit", detail: "\(stored.id) \(stored.grant.amount.plain)") { db, at in
            guard let file = try CaseFileRows.load(stored.householdId, from: db) else { throw StoreError.householdNotFound(id: stored.householdId) }
            let overview = try? Self.rules(db).overview(of: file, on: at.localDate, excludingGrant: stored.grant.id).get()
            // A returned request goes in again as it stands: a draft once more, then submitted.
            var grant = stored.grant
            if grant.status == .returned {
                grant.status = .draft
                try Self.event(db, stored.id, at: at, user: actor.user, action: "reopen", from: .returned, to: .draft, comment: nil)
            }
            switch GrantWorkflow.submit(grant, by: actor, at: at, overview: overview,
                                        policy: overview?.policy ?? .defaults) {
            case .failure(let refusals): throw StoreError.grantRefusals(refusals.reasons)
            case .success(let next):
                let result = try Self.write(db, stored, next, user: actor.user, at: at)
                try Self.event(db, stored.id, at: at, user: actor.user, action: "submit", from: stored.grant.status,
                               to: next.status, comment: next.approvedUnderMandate ? "approved under the mandate" : nil)
                return result
            }
        }
    }

    /// A team leader approves, rejects or returns a submitted request (four eyes), with the
    /// reasons for the resident's letter as edited (approval, rejection).
    public func decideGrant(_ stored: StoredGrant, _ action: GrantAction, comment: String?, letterReasons: String? = nil,
                            by actor: Actor) throws -> StoredGrant {
        let said = comment ?? (action == .reject ? letterReasons : nil)
        return try step(stored, action, by: actor, detail: "\(stored.id) \(said ?? "")", comment: said) { at in
            GrantWorkflow.decide(stored.grant, action: action, by: actor, at: at, comment: comment, letterReasons: letterReasons)
        }
    }

    /// The caseworker takes back a draft or a returned request; it stays on record, withdrawn.
    public func withdrawGrant(_ stored: StoredGrant, by actor: Actor) throws -> StoredGrant {
        try step(stored, .withdraw, by: actor) { _ in GrantWorkflow.withdraw(stored.grant) }
    }

    /// Records an objection received against the decision on a grant.
    public func recordObjection(_ stored: StoredGrant, received: CalendarDate, grounds: String, by actor: Actor) throws -> StoredGrant {
        // The term runs from the day the decision was made known: its letter, when one was kept.
        let madeKnown = try decisionLetter(of: stored.grant).flatMap { Moment(iso: $0.writtenAt) }?.localDate
        return try step(stored, audit: "grant.objection", event: "objection", by: actor, detail: "\(stored.id) \(received.iso)", comment: grounds) { at in
            GrantWorkflow.recordObjection(stored.grant, received: received, grounds: grounds, by: actor, today: at.localDate, madeKnown: madeKnown)
        }
    }

    /// A team leader decides the open objection; upheld against a rejection, the grant is approved.
    public func decideObjection(_ stored: StoredGrant, outcome: ObjectionOutcome, reasons: String, newDecision: String,
                                by actor: Actor) throws -> StoredGrant {
        try step(stored, audit: "grant.objection.decide", event: "objection.\(outcome.rawValue)", by: actor,
                 detail: "\(stored.id) \(outcome.rawValue)", comment: reasons) { at in
            GrantWorkflow.decideObjection(stored.grant, outcome: outcome, reasons: reasons, newDecision: newDecision, by: actor, at: at)
        }
    }

    public func reopenGrant(_ stored: StoredGrant, by actor: Actor) throws -> StoredGrant {
        try step(stored, .reopen, by: actor) { _ in GrantWorkflow.reopen(stored.grant) }
    }

    /// Marks a grant paid by hand (after the bank confirmed a batch, or a payment made outside
    /// Keukentafel): money, so a team leader's, and undoable (`unpayGrant`).
    public func payGrant(_ stored: StoredGrant, by actor: Actor) throws -> StoredGrant {
        guard actor.role == .teamleader else { throw StoreError.grantRefusals([.notTeamLeader]) }
        return try step(stored, .pay, by: actor) { at in GrantWorkflow.pay(stored.grant, by: actor, at: at) }
    }

    /// Takes back a hand-marked payment: approved and payable again. A team leader's.
    public func unpayGrant(_ stored: StoredGrant, by actor: Actor) throws -> StoredGrant {
        guard actor.role == .teamleader else { throw StoreError.grantRefusals([.notTeamLeader]) }
        // Only the grant's last step a hand-marked payment: else it would go into a file again.
        let last = try read { db in
            try String.fetchOne(db, sql: "SELECT action FROM grant_event WHERE grantId = ? ORDER BY id DESC LIMIT 1", arguments: [stored.id])
        }
        guard stored.grant.status != .paid || last == "pay" else { throw StoreError.grantRefusals([.notMarkedPaidByHand]) }
        return try step(stored, .unpay, by: actor) { _ in GrantWorkflow.unpay(stored.grant) }
    }

    /// The payment batch a grant is in, nil when none.
    public func paymentBatch(ofGrant id: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT batchId FROM payment_batch_item WHERE grantId = ?", arguments: [id]) }
    }

    /// A condition of a decided grant (art. 55 Pw: proof of spending by a date, say) marked
    /// done or not, its date or who moved: the agreement kept with the grant, audited, against
    /// the version it was read at.
    public func setGrantCondition(_ stored: StoredGrant, index: Int, to condition: Agreement, by actor: Actor) throws -> StoredGrant {
        guard stored.grant.conditions.indices.contains(index) else { throw StoreError.rowGone(what: "\(stored.id) #\(index + 1)") }
        var changed = stored.grant
        changed.conditions[index] = condition
        let next = changed
        return try change(by: actor, household: stored.householdId, action: "grant.condition",
                          detail: "\(stored.id) \(index + 1) \(condition.done ? "done" : "open") \(condition.due?.iso ?? "-")") { db, at in
            try Self.write(db, stored, next, user: actor.user, at: at)
        }
    }

    public func evaluateGrant(_ stored: StoredGrant, _ evaluation: Evaluation, by actor: Actor) throws -> StoredGrant {
        try step(stored, .evaluate, by: actor) { _ in GrantWorkflow.evaluate(stored.grant, evaluation: evaluation) }
    }

    /// One step as a unit of work: the rule judges at the moment of the transaction (the
    /// same moment the audit row and the history get), then the grant and its event are written.
    private func step(_ stored: StoredGrant, _ action: GrantAction, by actor: Actor, detail: String? = nil, comment: String? = nil,
                      _ rule: @escaping @Sendable (Moment) -> Result<Grant, Refusals>) throws -> StoredGrant {
        try step(stored, audit: "grant.\(action.rawValue)", event: action.rawValue, by: actor, detail: detail, comment: comment, rule)
    }

    /// A step named by its audit action and its history row (an objection is no transition).
    private func step(_ stored: StoredGrant, audit: String, event: String, by actor: Actor, detail: String? = nil, comment: String? = nil,
                      _ rule: @escaping @Sendable (Moment) -> Result<Grant, Refusals>) throws -> StoredGrant {
        try change(by: actor, household: stored.householdId, action: audit, detail: detail ?? stored.id) { db, at in
            switch rule(at) {
            case .failure(let refusals): throw StoreError.grantRefusals(refusals.reasons)
            case .success(let next):
                let result = try Self.write(db, stored, next, user: actor.user, at: at)
                try Self.event(db, stored.id, at: at, user: actor.user, action: event, from: stored.grant.status,
                               to: next.status, comment: comment)
                return result
            }
        }
    }

    /// The grant's document and query columns, if nobody saved it since it was read.
    static func write(_ db: Database, _ stored: StoredGrant, _ g: Grant, user: String, at: Moment) throws -> StoredGrant {
        try Versioning.update(db, table: "grant_request", id: stored.id, expected: stored.version, columns: [
            ("status", g.status.rawValue), ("route", g.route.rawValue), ("category", g.category.rawValue),
            ("amountCents", g.amount.cents), ("urgencyDate", g.urgencyDate?.iso), ("submittedBy", g.submittedBy),
            ("submittedAt", g.submittedAt?.iso), ("decidedBy", g.decidedBy), ("decidedAt", g.decidedAt?.iso),
            ("paidAt", g.paidAt?.iso), ("approvedUnderMandate", g.approvedUnderMandate),
            ("objectionOpenSince", g.openObjection?.received.iso),
            ("document", CaseFileRows.doc(CaseFileWriter.grant(g))),
        ] + ReportFigureRows.columns(g), by: user, at: at.iso, what: stored.id)
        try ReportFigureRows.keepObjections(g, id: stored.id, in: db)
        return StoredGrant(householdId: stored.householdId, version: stored.version + 1, grant: g)
    }

    static func event(_ db: Database, _ grant: String, at: Moment, user: String, action: String,
                              from: GrantStatus?, to: GrantStatus, comment: String?) throws {
        try db.execute(sql: """
            INSERT INTO grant_event (grantId, at, user, action, fromStatus, toStatus, comment) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [grant, at.iso, user, action, from?.rawValue, to.rawValue, comment])
    }
}

extension Store {
    /// Grants with at least one objection (bezwaar), for the list of objections.
    public func objections() throws -> [StoredGrant] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM grant_request WHERE document LIKE '%"objections"%' ORDER BY householdId, position
                """).map(Self.storedGrant).filter { !$0.grant.objections.isEmpty }
        }
    }
}
