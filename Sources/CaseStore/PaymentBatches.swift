import Casework
import GRDB

/// A batch of payments written as one SEPA file: recorded, so no grant is paid twice.
public struct PaymentBatch: Equatable, Sendable {
    public let id: String
    public let xml: String
    public let count: Int
    public let total: Money
}

extension Store {
    /// Every approved grant that is in no batch yet, as one SEPA credit transfer, recorded
    /// in the same transaction. Nil when there is nothing to pay.
    public func exportPayments(debtor: SEPACreditTransfer.Debtor, by actor: Actor, execution: CalendarDate) throws -> PaymentBatch? {
        guard actor.role == .teamleader else { throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .exportCases) }
        return try change(by: actor, household: nil, action: "payments.export", detail: "SEPA pain.001.001.03") { db, at in
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
            let id = "KT-" + at.localDate.iso.replacingOccurrences(of: "-", with: "") + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            let total = SEPACreditTransfer.controlSum(payments)
            try db.execute(sql: "INSERT INTO payment_batch (id, createdAt, createdBy, count, totalCents) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, at.iso, actor.user, payments.count, total.cents])
            for p in payments {
                try db.execute(sql: "INSERT INTO payment_batch_item (batchId, grantId, amountCents) VALUES (?, ?, ?)",
                               arguments: [id, p.endToEndId, p.amount.cents])
            }
            let xml = SEPACreditTransfer.xml(messageId: id, created: at, execution: execution, debtor: debtor, payments: payments)
            return PaymentBatch(id: id, xml: xml, count: payments.count, total: total)
        }
    }
}
