import Casework
import Foundation
import GRDB

/// Practice cases in a practice (demo) store (migration v18): each trainee works on a copy
/// of their own — a household like any other, so every screen works on it — and the store
/// keeps which checkpoints held at the last check and since when, and the trainer's
/// feedback. Several trainees share one practice store; a reset touches one copy only.
enum PracticeRows {
    static let v18 = """
    CREATE TABLE practice_copy (
        householdId TEXT PRIMARY KEY NOT NULL REFERENCES household (id) ON DELETE CASCADE,
        caseId TEXT NOT NULL,
        trainee TEXT NOT NULL,
        startedAt TEXT NOT NULL,
        UNIQUE (caseId, trainee)
    );
    CREATE TABLE practice_checkpoint (
        householdId TEXT NOT NULL REFERENCES practice_copy (householdId) ON DELETE CASCADE,
        checkpointId TEXT NOT NULL,
        -- when it began to hold, by the checks since; NULL: it did not hold at the last check
        heldSince TEXT,
        checkedAt TEXT NOT NULL,
        PRIMARY KEY (householdId, checkpointId)
    ) WITHOUT ROWID;
    CREATE TABLE practice_feedback (
        id INTEGER PRIMARY KEY,
        householdId TEXT NOT NULL REFERENCES practice_copy (householdId) ON DELETE CASCADE,
        at TEXT NOT NULL,
        trainer TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE TABLE rule_barrier (
        id INTEGER PRIMARY KEY,
        rule TEXT NOT NULL,
        householdId TEXT,
        what TEXT NOT NULL,
        costCents INTEGER,
        recordedBy TEXT NOT NULL,
        recordedAt TEXT NOT NULL
    );
    CREATE INDEX rule_barrier_by_rule ON rule_barrier (rule);
    """
}

/// A trainee's copy of a practice case.
public struct PracticeCopy: Equatable, Sendable {
    public let householdId: String
    public let caseId: String
    public let trainee: String
    public let startedAt: Moment
}

/// A checkpoint's state at the last check of a copy.
public struct PracticeCheckState: Equatable, Sendable {
    public let checkpointId: String
    /// Since when it holds; nil when it did not hold at the last check.
    public let heldSince: Moment?
    public let checkedAt: Moment
}

public struct PracticeFeedback: Equatable, Sendable {
    public let at: Moment
    public let trainer: String
    public let text: String
}

extension Store {
    /// The household id of `trainee`'s copy of practice case `caseId`.
    public static func practiceCopyId(caseId: String, trainee: String) -> String { "\(caseId).\(trainee)" }

    private func requirePractice() throws {
        guard kind == .demo else { throw StoreError.practiceOnlyInDemo(path: location.path) }
    }

    /// Starts `trainee` on `practice`: a copy of its household, held by the trainee. With
    /// `again`, a copy that exists is removed first (with what the trainee did in it, its
    /// checks and feedback) — the case starts over; other trainees' copies are not touched.
    /// Without, an existing copy is kept and its id returned.
    @discardableResult
    public func startPractice(_ practice: PracticeCase, trainee: String, again: Bool = false, by actor: Actor) throws -> String {
        try requirePractice()
        let id = Self.practiceCopyId(caseId: practice.id, trainee: trainee)
        return try change(by: actor, household: nil, action: again ? "practice.restart" : "practice.start", detail: id) { db, at in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM practice_copy WHERE householdId = ?)", arguments: [id]) ?? false
            if exists && !again { return id }
            if exists { try db.execute(sql: "DELETE FROM household WHERE id = ?", arguments: [id]) }
            var file = practice.caseFile
            file.household.id = id
            file.household.caseworker = trainee
            var taken = Set<String>()
            // Grant and signal ids are unique in a store: each copy gets its own.
            for i in file.grants.indices { file.grants[i].id = try Self.newId(db, prefix: "gr-", table: "grant_request", taken: &taken) }
            for i in file.signals.indices { file.signals[i].id = nil; file.signals[i].caseId = nil }
            try CaseFileRows.insert(file, id: id, into: db, by: actor.user, at: at)
            try db.execute(sql: "INSERT INTO practice_copy (householdId, caseId, trainee, startedAt) VALUES (?, ?, ?, ?)",
                           arguments: [id, practice.id, trainee, at.iso])
            try Audit.append(db, at: at, user: actor.user, household: id, action: "household.import", detail: "practice case \(practice.id) for \(trainee)")
            return id
        }
    }

    /// Every practice copy, by case and trainee.
    public func practiceCopies() throws -> [PracticeCopy] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT householdId, caseId, trainee, startedAt FROM practice_copy ORDER BY caseId, trainee").map(Self.practiceCopy)
        }
    }

    /// The copy of a household, if it is one (asked on every household opened in a practice store).
    public func practiceCopy(household id: String) throws -> PracticeCopy? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT householdId, caseId, trainee, startedAt FROM practice_copy WHERE householdId = ?", arguments: [id])
                .map(Self.practiceCopy)
        }
    }

    private static func practiceCopy(_ row: Row) -> PracticeCopy {
        PracticeCopy(householdId: row[0], caseId: row[1], trainee: row[2], startedAt: Moment(iso: row[3]) ?? Moment(epochSeconds: 0))
    }

    /// Records a check of a copy: each checkpoint holds or not now; one that begins to hold
    /// gets this moment, one that held keeps its moment, one that stopped loses it.
    public func recordPracticeCheck(household id: String, results: [(id: String, holds: Bool)], by actor: Actor) throws {
        try requirePractice()
        // No household for the unit of work's checks: a copy the trainee closed is still checked.
        try change(by: actor, household: nil, action: "practice.check",
                   detail: id + " " + results.map { "\($0.id)=\($0.holds ? 1 : 0)" }.joined(separator: " ")) { db, at in
            for result in results {
                try db.execute(sql: """
                    INSERT INTO practice_checkpoint (householdId, checkpointId, heldSince, checkedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (householdId, checkpointId) DO UPDATE SET
                        heldSince = CASE WHEN excluded.heldSince IS NULL THEN NULL ELSE COALESCE(heldSince, excluded.heldSince) END,
                        checkedAt = excluded.checkedAt
                    """, arguments: [id, result.id, result.holds ? at.iso : nil, at.iso])
            }
        }
    }

    /// The checkpoints' states at the last check of a copy.
    public func practiceChecks(household id: String) throws -> [PracticeCheckState] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT checkpointId, heldSince, checkedAt FROM practice_checkpoint WHERE householdId = ?", arguments: [id]).map {
                PracticeCheckState(checkpointId: $0[0], heldSince: ($0[1] as String?).flatMap(Moment.init(iso:)),
                                   checkedAt: Moment(iso: $0[2]) ?? Moment(epochSeconds: 0))
            }
        }
    }

    /// A trainer's (or team leader's) feedback on a copy, which the trainee sees.
    public func addPracticeFeedback(household id: String, text: String, by actor: Actor) throws {
        try requirePractice()
        guard actor.role == .trainer || actor.role == .teamleader else {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .givePracticeFeedback)
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.database("empty feedback") }
        try change(by: actor, household: nil, action: "practice.feedback", detail: id) { db, at in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM practice_copy WHERE householdId = ?)", arguments: [id]) == true else {
                throw StoreError.householdNotFound(id: id)
            }
            try db.execute(sql: "INSERT INTO practice_feedback (householdId, at, trainer, text) VALUES (?, ?, ?, ?)",
                           arguments: [id, at.iso, actor.user, trimmed])
        }
    }

    public func practiceFeedback(household id: String) throws -> [PracticeFeedback] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT at, trainer, text FROM practice_feedback WHERE householdId = ? ORDER BY id", arguments: [id]).map {
                PracticeFeedback(at: Moment(iso: $0[0]) ?? Moment(epochSeconds: 0), trainer: $0[1], text: $0[2])
            }
        }
    }
}

/// A checkpoint of a copy as the trainee sees it: whether it holds now and since when.
public struct PracticeCheckResult: Equatable, Sendable {
    public let checkpoint: Checkpoint
    public let holds: Bool
    public let since: Moment?
    public init(checkpoint: Checkpoint, holds: Bool, since: Moment?) { self.checkpoint = checkpoint; self.holds = holds; self.since = since }
}

extension Store {
    /// The document a copy's checkpoints look at: its case file as exported, with the
    /// overview computed on `today` with the store's tables and policy.
    public func practiceDocument(household id: String, today: CalendarDate) throws -> JSONValue {
        let file = try caseFile(id)
        let overview = try? rules().overview(of: file, on: today).get()
        return PracticeCase.document(caseFile: CaseFileWriter.json(file),
                                     overview: overview.map { OverviewReport.json($0, householdID: id) })
    }

    /// Checks a copy against its practice case now, records the result, and returns each
    /// checkpoint with since when it holds.
    public func checkPractice(_ practice: PracticeCase, household id: String, today: CalendarDate, by actor: Actor) throws -> [PracticeCheckResult] {
        let results = practice.results(for: try practiceDocument(household: id, today: today))
        try recordPracticeCheck(household: id, results: results.map { ($0.checkpoint.id, $0.holds) }, by: actor)
        return try withSince(results, household: id)
    }

    /// The same without recording the check (a trainer's look): since when as the last check left it.
    public func practiceResults(_ practice: PracticeCase, household id: String, today: CalendarDate) throws -> [PracticeCheckResult] {
        try withSince(practice.results(for: try practiceDocument(household: id, today: today)), household: id)
    }

    private func withSince(_ results: [(checkpoint: Checkpoint, holds: Bool)], household id: String) throws -> [PracticeCheckResult] {
        let since = Dictionary(try practiceChecks(household: id).map { ($0.checkpointId, $0.heldSince) }) { a, _ in a }
        return results.map { PracticeCheckResult(checkpoint: $0.checkpoint, holds: $0.holds, since: since[$0.checkpoint.id] ?? nil) }
    }
}
