import Casework
import GRDB

/// The one plan of a household: its goals (each a row, with its actions inside: who does
/// what by when), and the day the family and the caseworker look at it again together
/// (in the household row's plan object). Each edit one unit of work, versioned.
extension Store {
    /// Adds a goal; the household gets a plan with it if it had none. The goal's id is the
    /// next free `gN` when it has none.
    public func addGoal(_ goal: Goal, household: String, by actor: Actor) throws -> Stored<Goal> {
        try change(by: actor, household: household, action: "plan.goal.add", explained: { db, at in
            var goal = goal
            let taken = Set(try String.fetchAll(db, sql: "SELECT goalId FROM plan_goal WHERE householdId = ?", arguments: [household]))
            if goal.id.isEmpty || taken.contains(goal.id) {
                goal.id = Plan(goals: taken.map { Goal(id: $0, text: "") }).nextGoalID
            }
            try db.execute(sql: "UPDATE household SET plan = '{}' WHERE id = ? AND plan IS NULL", arguments: [household])
            try db.execute(sql: """
                INSERT INTO plan_goal (householdId, position, goalId, document, changedBy, changedAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [household, try Self.nextPosition(db, "plan_goal", household), goal.id,
                                 CaseFileRows.doc(CaseFileWriter.goal(goal)), actor.user, at.iso])
            let stored = try Self.storedRow(db, "plan_goal", id: db.lastInsertedRowID, CaseFileReader.goal)
            return (stored, "\(goal.id) \(goal.domain?.rawValue ?? "-"): \(goal.text.prefix(60)); \(goal.actions.count) actions")
        })
    }

    /// Saves a goal with its actions and status, if nobody saved it since it was read.
    public func updateGoal(_ stored: Stored<Goal>, to goal: Goal, by actor: Actor, overwriting: Bool = false) throws -> Stored<Goal> {
        var goal = goal
        goal.id = stored.value.id   // the id is what grants refer to: it stays
        let saved = goal
        let detail = "\(goal.id): " + Versioning.differences(CaseFileWriter.goal(stored.value).objectValue ?? [:],
                                                            CaseFileWriter.goal(saved).objectValue ?? [:])
            + Self.overwriteNote(stored, overwriting)
        return try change(by: actor, household: stored.householdId, action: "plan.goal.update", detail: detail) { db, at in
            try Versioning.update(db, table: "plan_goal", id: stored.id, expected: stored.version,
                                  columns: [("document", CaseFileRows.doc(CaseFileWriter.goal(saved)))],
                                  by: actor.user, at: at.iso, what: String(stored.value.text.prefix(40)))
            return try Self.storedRow(db, "plan_goal", id: stored.id, CaseFileReader.goal)
        }
    }

    /// Removes a goal (the screen asks first), if nobody saved it since it was read.
    public func deleteGoal(_ stored: Stored<Goal>, by actor: Actor) throws {
        try change(by: actor, household: stored.householdId, action: "plan.goal.delete",
                   detail: CaseFileRows.doc(CaseFileWriter.goal(stored.value))) { db, _ in
            try Versioning.delete(db, table: "plan_goal", id: stored.id, expected: stored.version, what: String(stored.value.text.prefix(40)))
        }
    }

    /// The day the plan is reviewed with the family, if nobody changed the household row
    /// since `record`.
    public func setPlanReviewDate(_ record: HouseholdRecord, to day: CalendarDate?, by actor: Actor) throws -> HouseholdRecord {
        try change(by: actor, household: record.id, action: "plan.review", explained: { db, at in
            let text = try String.fetchOne(db, sql: "SELECT plan FROM household WHERE id = ?", arguments: [record.id]) ?? "{}"
            var plan = try CaseFileRows.object(text)
            let before = plan["reviewDate"]?.stringValue
            plan["reviewDate"] = day.map { .string($0.iso) }
            try Versioning.update(db, table: "household", id: record.id, expected: record.version,
                                  columns: [("plan", CaseFileRows.doc(.object(plan)))], by: actor.user, at: at.iso,
                                  what: "plan")
            return (try Self.householdRows(db, record.id).record, "reviewDate: \(before ?? "—") → \(day?.iso ?? "—")")
        })
    }
}
