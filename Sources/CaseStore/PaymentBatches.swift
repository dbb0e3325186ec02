import Casework
import GRDB

/// A batch of payments written as one SEPA file: recorded, so no grant is paid twice — and
/// recorded only after its file is safely written, so no grant is ever lost between the two.
public struct PaymentBatch: Equatable, Sendable {
    public let id: String
    public let xml: String
    public let count: Int
    public let total: Money
    /// The grants it pays, in the file's order, and the amount of each.
    public let grantIds: [String]
    public let amounts: [Money]
    public let createdAt: String
    public let createdBy: String
}

extension Store {
    /// Every approved grant that is in no batch yet, as one SEPA credit transfer — not yet
    /// recorded: the caller writes the file (temporary file, fsync, rename) and then calls
    /// `recordPayments`. Nil when there is nothing to pay.
    public func preparePayments(debtor: SEPACreditTransfer.Debtor, by actor: Actor, execution: CalendarDate) throws -> PaymentBatch? {
        guard actor.role == .teamleader || kind == .demo else {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .exportCases)
        }
        let at = clock.now()
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT g.* FROM grant_request g
                WHERE g.status = 'approved' AND NOT EXISTS (SELECT 1 FROM payment_batch_item b WHERE b.grantId = g.id)
                ORDER BY g.decidedAt, g.id
                """)
            let grants = try rows.map(Self.storedGrant)
            guard !grants.isEmpty else { return nil }
            let payments = try grants.map { stored -> SEPACreditTransfer.Payment in
                let iban: IBAN
                switch IBAN.check(stored.grant.payee.iban) {
                case .success(let checked): iban = checked
                case .failure(let error): throw StoreError.grantRefusals([.ibanInvalid(error)])
                }
                return SEPACreditTransfer.Payment(endToEndId: stored.id, amount: stored.grant.amount,
                                                  creditorName: stored.grant.payee.name, creditorIBAN: iban,
                                                  remittance: stored.grant.payee.reference)
            }
            let number = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment_batch") ?? 0) + 1
            let digits = String(number)
            // A practice store's messages say so, so no bank ever takes one for real.
            let prefix = kind == .demo ? "DEMO-" : "KT-"
            let id = prefix + at.localDate.iso.replacingOccurrences(of: "-", with: "") + "-"
                + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            let total = SEPACreditTransfer.controlSum(payments)
            let xml = SEPACreditTransfer.xml(messageId: id, created: at, execution: execution, debtor: debtor, payments: payments)
            return PaymentBatch(id: id, xml: xml, count: payments.count, total: total, grantIds: payments.map(\.endToEndId),
                                amounts: payments.map(\.amount), createdAt: at.iso, createdBy: actor.user)
        }
    }

    /// Records a batch whose file is written: every grant in it is then paid for the store.
    /// Refused (nothing recorded) when a grant in it was exported or changed meanwhile — the
    /// caller then removes its file.
    public func recordPayments(_ batch: PaymentBatch, by actor: Actor) throws {
        try change(by: actor, household: nil, action: "payments.export",
                   detail: "\(batch.id): \(batch.count) payments, \(batch.total.plain), SEPA pain.001.001.03") { db, at in
            for id in batch.grantIds {
                let still = try Bool.fetchOne(db, sql: """
                    SELECT status = 'approved' AND NOT EXISTS (SELECT 1 FROM payment_batch_item b WHERE b.grantId = g.id)
                    FROM grant_request g WHERE g.id = ?
                    """, arguments: [id]) ?? false
                guard still else { throw StoreError.conflict(what: "grant \(id)", by: "another export or decision", at: at.iso) }
            }
            try db.execute(sql: "INSERT INTO payment_batch (id, createdAt, createdBy, count, totalCents, document) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [batch.id, batch.createdAt, actor.user, batch.count, batch.total.cents, batch.xml])
            for (id, amount) in zip(batch.grantIds, batch.amounts) {
                try db.execute(sql: "INSERT INTO payment_batch_item (batchId, grantId, amountCents) VALUES (?, ?, ?)",
                               arguments: [batch.id, id, amount.cents])
                // Paid for the store from the moment its file is written: the money is on its way,
                // the 24 hours are kept (or not) by then, and it is in no list of what to pay.
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM grant_request WHERE id = ?", arguments: [id]) else { continue }
                let stored = try Self.storedGrant(row)
                switch GrantWorkflow.pay(stored.grant, by: actor, at: at) {
                case .failure(let refusals): throw StoreError.grantRefusals(refusals.reasons)
                case .success(let paid):
                    _ = try Self.write(db, stored, paid, user: actor.user, at: at)
                    try Self.event(db, id, at: at, user: actor.user, action: "pay.batch", from: stored.grant.status, to: .paid, comment: batch.id)
                    // In the household's own trail too (audit show, subject access), as a payment by hand is.
                    try Audit.append(db, at: at, user: actor.user, household: stored.householdId, action: "grant.pay.batch",
                                     detail: "\(id) \(amount.plain) \(batch.id)")
                }
            }
        }
    }

    /// Step 21: grants written into a payment file before a file paid them were left
    /// "approved" (and counted late); paid now from the moment of their file, by who made it,
    /// with the history row a file writes (no audit row: the audit trail's chain is the one of
    /// what people did, and the export's own row is there).
    static func payExportedGrants(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT g.*, b.id AS batchId, b.createdAt AS batchAt, b.createdBy AS batchBy
            FROM grant_request g JOIN payment_batch_item i ON i.grantId = g.id JOIN payment_batch b ON b.id = i.batchId
            WHERE g.status = 'approved'
            """)
        for row in rows {
            guard let at = Moment(iso: row["batchAt"]) else { continue }
            let stored = try storedGrant(row)
            let by = Actor(user: row["batchBy"], role: .teamleader)
            guard case .success(let paid) = GrantWorkflow.pay(stored.grant, by: by, at: at) else { continue }
            _ = try write(db, stored, paid, user: by.user, at: at)
            try event(db, stored.id, at: at, user: by.user, action: "pay.batch", from: .approved, to: .paid, comment: row["batchId"])
        }
    }

    /// The batches written so far, newest first, with the file each was (for `--batch`).
    public func paymentBatches() throws -> [PaymentBatch] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM payment_batch ORDER BY createdAt DESC, id DESC").map { row in
                let id: String = row["id"]
                let items = try Row.fetchAll(db, sql: "SELECT grantId, amountCents FROM payment_batch_item WHERE batchId = ? ORDER BY rowid",
                                             arguments: [id])
                return PaymentBatch(id: id, xml: row["document"] ?? "", count: row["count"], total: Money(cents: row["totalCents"]),
                                    grantIds: items.map { $0["grantId"] }, amounts: items.map { Money(cents: $0["amountCents"]) },
                                    createdAt: row["createdAt"], createdBy: row["createdBy"])
            }
        }
    }
}
