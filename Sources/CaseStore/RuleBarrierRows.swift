import Casework
import Foundation
import GRDB

/// Where a rule or a system blocked the right outcome: which rule, which case, what it
/// cost. Caseworkers and team leaders record them; the dashboard lists them by rule, as
/// input for the municipality's evaluation of its policy.
public struct RuleBarrier: Equatable, Sendable {
    public let id: Int64
    public let rule: String
    public let householdId: String?
    public let what: String
    public let cost: Money?
    public let recordedBy: String
    public let recordedAt: Moment
}

/// The barriers of one rule together.
public struct RuleBarrierTally: Equatable, Sendable {
    public let rule: String
    public let count: Int
    public let cost: Money
}

extension Store {
    /// Records a barrier (caseworkers and team leaders). The rule and what happened are
    /// required; the case and the cost may be unknown.
    @discardableResult
    public func recordRuleBarrier(rule: String, household: String?, what: String, cost: Money?, by actor: Actor) throws -> Int64 {
        guard actor.role == .caseworker || actor.role == .teamleader else {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .editHousehold)
        }
        let rule = rule.trimmingCharacters(in: .whitespacesAndNewlines), what = what.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !rule.isEmpty, !what.isEmpty else { throw StoreError.database("a rule barrier needs the rule and what it blocked") }
        return try change(by: actor, household: household, action: "barrier.record", detail: rule) { db, at in
            // In the same transaction as the row: the household cannot go in between.
            if let household, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM household WHERE id = ?)", arguments: [household]) != true {
                throw StoreError.householdNotFound(id: household)
            }
            try db.execute(sql: """
                INSERT INTO rule_barrier (rule, householdId, what, costCents, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [rule, household, what, cost?.cents, actor.user, at.iso])
            return db.lastInsertedRowID
        }
    }

    /// Every barrier, newest first.
    public func ruleBarriers() throws -> [RuleBarrier] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, rule, householdId, what, costCents, recordedBy, recordedAt FROM rule_barrier ORDER BY recordedAt DESC, id DESC").map {
                RuleBarrier(id: $0[0], rule: $0[1], householdId: $0[2], what: $0[3], cost: ($0[4] as Int?).map { Money(cents: $0) },
                            recordedBy: $0[5], recordedAt: Moment(iso: $0[6]) ?? Moment(epochSeconds: 0))
            }
        }
    }

    /// The barriers by rule: most often first, then by the cost, then by name.
    public func ruleBarrierTallies() throws -> [RuleBarrierTally] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT rule, COUNT(*), COALESCE(SUM(costCents), 0) FROM rule_barrier GROUP BY rule
                ORDER BY COUNT(*) DESC, SUM(costCents) DESC, rule
                """).map { RuleBarrierTally(rule: $0[0], count: $0[1], cost: Money(cents: $0[2])) }
        }
    }
}
