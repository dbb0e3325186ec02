import Casework
import GRDB

/// What an import of signals did.
public struct SignalImportOutcome: Equatable, Sendable {
    /// Signal ID → the household it was matched to.
    public var matched: [String: String] = [:]
    /// Signal IDs that matched no open household: they wait in the queue for the intake.
    public var unmatched: [String] = []
    /// The zaken made or added to.
    public var cases: [String] = []
}

/// One row of the outreach queue: a zaak of a household, or a signal nobody matched.
public struct SignalQueueItem: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case zaak(SignalCase, householdId: String, householdName: String)
        case unmatched(signalId: String, client: SignalClient)
    }
    public var kind: Kind
    public var signals: [Signal]
    /// The first signal's day: the term counts from it.
    public var received: CalendarDate
    public var crisis: Bool
    /// The household's members, adults first as stored (who to reach).
    public var members: [String] = []

    public var attempts: [ContactAttempt] { if case .zaak(let z, _, _) = kind { z.attempts } else { [] } }

    /// The signals still worked on: those set aside (not picked up) count for nothing.
    public var activeSignals: [Signal] {
        let active = signals.filter { !SignalStatus.notPickedUp.contains($0.status) }
        return active.isEmpty ? signals : active
    }

    /// The last day for a first contact: the earliest of its signals' terms (a crisis signal
    /// that came in later can make it sooner).
    public func contactDue(policy: Policy) -> CalendarDate {
        activeSignals.map { SignalOutreach.contactDue(received: $0.received ?? received, crisis: $0.crisis, policy: policy) }.min()
            ?? SignalOutreach.contactDue(received: received, crisis: crisis, policy: policy)
    }

    public func isOverdue(policy: Policy, today: CalendarDate) -> Bool {
        SignalOutreach.isOverdue(due: contactDue(policy: policy), attempts: attempts, today: today)
    }
    public var id: String {
        switch kind {
        case .zaak(let z, _, _): z.id
        case .unmatched(let signalId, _): signalId
        }
    }
}

/// Vroegsignalering as units of work: signals in, matched and grouped; contact attempts,
/// results and signals set aside; the delivery for a period (docs/signals.md).
extension Store {
    /// Imports the signals of a DDAS file, all or nothing: an ID already in the store refuses
    /// the whole file. Each is matched to an open household (BSN, else address and birth date)
    /// and added to its open zaak whose matching period covers it, or to a new one; the rest
    /// wait in the queue.
    public func importSignals(_ incoming: [IncomingSignal], file: String = "", by actor: Actor) throws -> SignalImportOutcome {
        try change(by: actor, household: nil, action: "signals.import", explained: { db, at in
            // Checked again inside the unit of work: another import may have landed since the caller's check.
            let problems = try Self.signalsInStore(db, incoming).map { StoreError.ImportProblem(file: file, problem: $0) }
            guard problems.isEmpty else { throw StoreError.importRejected(problems) }
            var outcome = SignalImportOutcome()
            // Oldest first, so a zaak starts at its first signal.
            for s in incoming.sorted(by: { ($0.signal.received ?? at.localDate) < ($1.signal.received ?? at.localDate) }) {
                let id = s.signal.id ?? ""
                guard let household = try Self.matchHousehold(db, s.client) else {
                    try db.execute(sql: """
                        INSERT INTO signal_inbox (signalId, received, crisis, signal, client, importedBy, importedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, (s.signal.received ?? at.localDate).iso, s.signal.crisis,
                                         CaseFileRows.doc(CaseFileWriter.signal(s.signal)), CaseFileRows.doc(SignalJSON.client(s.client)),
                                         actor.user, at.iso])
                    outcome.unmatched.append(id)
                    continue
                }
                let caseId = try Self.addToCase(db, s, household: household, by: actor.user, at: at)
                outcome.matched[id] = household
                if !outcome.cases.contains(caseId) { outcome.cases.append(caseId) }
                try Audit.append(db, at: at, user: actor.user, household: household, action: "signal.match",
                                 detail: "\(id) \(s.signal.partner.rawValue) \(caseId)")
            }
            try Self.signalsChanged(db)
            return (outcome, "\(incoming.count) signals: \(outcome.matched.count) matched, \(outcome.unmatched.count) waiting")
        })
    }

    /// The signals whose ID the store holds already (matched or waiting), as problems at their paths.
    public func signalsInStore(_ incoming: [IncomingSignal]) throws -> [CaseFileProblem] {
        try read { db in try Self.signalsInStore(db, incoming) }
    }

    static func signalsInStore(_ db: Database, _ incoming: [IncomingSignal]) throws -> [CaseFileProblem] {
        try incoming.compactMap { s in
            let id = s.signal.id ?? ""
            return try signalIdTaken(db, id) ? CaseFileProblem(path: s.path + ".ID", kind: .idInStore(id)) : nil
        }
    }

    /// Whether a signal of this ID is in the store, matched or waiting.
    static func signalIdTaken(_ db: Database, _ id: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM signal WHERE signalId = ?1) OR EXISTS (SELECT 1 FROM signal_inbox WHERE signalId = ?1)
            """), arguments: [id]) == true
    }

    /// The open household the client is: by a member's BSN, else by address (and birth date).
    static func matchHousehold(_ db: Database, _ client: SignalClient) throws -> String? {
        if let bsn = client.bsn, let id = try String.fetchOne(db, sql: """
            SELECT m.householdId FROM member m JOIN household h ON h.id = m.householdId
            WHERE m.bsn = ? AND h.status = 'open' ORDER BY h.rowid LIMIT 1
            """, arguments: [bsn.digits]) { return id }
        guard let postcode = client.postcode else { return nil }
        // The postcode as the intake writes it ("1506 EA"), or as typed without its space.
        let candidates = try String.fetchAll(db, sql: """
            SELECT id FROM household WHERE status = 'open' AND postcode IN (?, ?) ORDER BY rowid
            """, arguments: [postcode, postcode.replacingOccurrences(of: " ", with: "")])
        let households = try candidates.compactMap { try CaseFileRows.load($0, from: db)?.household }
        return SignalOutreach.match(client, in: households)?.id
    }

    /// Adds a matched signal to the household: to its open zaak that covers the signal's day,
    /// or to a new zaak. Returns the zaak's id.
    static func addToCase(_ db: Database, _ s: IncomingSignal, household: String, by user: String, at: Moment) throws -> String {
        let day = s.signal.received ?? at.localDate
        var zaak: SignalCase
        var isNew = false
        // Any open zaak of the household whose period covers the day — or that would, counted
        // from this earlier signal (a late delivery): its period then starts here.
        let open = try String.fetchAll(db, sql: "SELECT document FROM signal_case WHERE householdId = ? AND open = 1 ORDER BY periodStart",
                                       arguments: [household]).compactMap { SignalJSON.zaak(try CaseFileRows.value($0)) }
        if let existing = open.first(where: { $0.covers(day) }) {
            zaak = existing
        } else if var earlier = try open.first(where: { zaak in
            // Only when every signal it holds stays within the six months counted from this one.
            guard day < zaak.periodStart else { return false }
            let last = try String.fetchOne(db, sql: "SELECT MAX(received) FROM signal WHERE caseId = ?", arguments: [zaak.id])
                .flatMap(CalendarDate.init(iso:)) ?? zaak.periodStart
            return last <= day.adding(months: SignalOutreach.matchingMonths).adding(days: -1)
        }) {
            earlier.periodStart = day
            try db.execute(sql: "UPDATE signal_case SET periodStart = ?, document = ? WHERE id = ?",
                           arguments: [day.iso, CaseFileRows.doc(SignalJSON.zaak(earlier)), earlier.id])
            zaak = earlier
        } else {
            var taken = Set<String>()
            zaak = SignalCase(id: try newId(db, prefix: "vz-", table: "signal_case", taken: &taken), matched: at.localDate, periodStart: day)
            isNew = true
        }
        var signal = s.signal
        signal.caseId = zaak.id
        // A zaak already picked up (an attempt was made) picks up what joins it.
        if zaak.pickedUp != nil && signal.status == .notYetPickedUp { signal.status = .pickedUp }
        let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM signal WHERE householdId = ?",
                                        arguments: [household]) ?? 0
        try db.execute(sql: """
            INSERT INTO signal (householdId, position, partner, status, received, signalId, crisis, caseId, client, document, changedBy, changedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [household, position, signal.partner.rawValue, signal.status.rawValue, signal.received?.iso, signal.id,
                             signal.crisis, zaak.id, s.client.isDeliverable ? CaseFileRows.doc(SignalJSON.client(s.client)) : nil,
                             CaseFileRows.doc(CaseFileWriter.signal(signal)), user, at.iso])
        let (crisis, first) = try Self.caseFigures(db, caseId: zaak.id, fallback: day)
        if isNew {
            try db.execute(sql: """
                INSERT INTO signal_case (id, householdId, periodStart, firstReceived, crisis, open, document, changedBy, changedAt)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
                """, arguments: [zaak.id, household, zaak.periodStart.iso, first, crisis, CaseFileRows.doc(SignalJSON.zaak(zaak)), user, at.iso])
        } else {
            try db.execute(sql: "UPDATE signal_case SET crisis = ?, firstReceived = ?, version = version + 1, changedBy = ?, changedAt = ? WHERE id = ?",
                           arguments: [crisis, first, user, at.iso, zaak.id])
        }
        return zaak.id
    }

    /// Whether a zaak is a crisis and its first signal's day, over the signals it still
    /// works on: one set aside (not picked up) no longer makes it urgent.
    static func caseFigures(_ db: Database, caseId: String, fallback: CalendarDate) throws -> (crisis: Bool, first: String) {
        let setAside = SignalStatus.notPickedUp.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(MAX(crisis), 0) AS crisis, MIN(received) AS first FROM signal WHERE caseId = ? AND status NOT IN (\(setAside))
            """, arguments: [caseId])
        return ((row?["crisis"] as Int?) == 1, (row?["first"] as String?) ?? fallback.iso)
    }

    static func signalsChanged(_ db: Database) throws {
        try db.execute(sql: "UPDATE store_change SET counter = counter + 1 WHERE name = 'signals'")
    }

    /// The queue's change counter: another workstation took a step on the queue.
    public func signalsChangeCounter() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT counter FROM store_change WHERE name = 'signals'") ?? 0 }
    }

    /// The outreach queue: open zaken and unmatched signals, crisis first, then the oldest.
    public func signalQueue() throws -> [SignalQueueItem] {
        try read { db in
            // Three reads, whatever the number of open zaken: the zaken, their signals, the adults.
            var signalsByCase: [String: [Signal]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT caseId, document FROM signal WHERE caseId IN (SELECT id FROM signal_case WHERE open = 1) ORDER BY received, id
                """) {
                if let signal = Self.signal(row["document"]) { signalsByCase[row["caseId"], default: []].append(signal) }
            }
            var adults: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT householdId, name FROM member
                WHERE householdId IN (SELECT householdId FROM signal_case WHERE open = 1) AND role IN ('applicant', 'partner')
                ORDER BY householdId, position
                """) {
                adults[row["householdId"], default: []].append(row["name"])
            }
            var items: [SignalQueueItem] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT c.document, c.householdId, c.crisis, c.firstReceived, h.name FROM signal_case c JOIN household h ON h.id = c.householdId
                WHERE c.open = 1
                """) {
                guard let zaak = SignalJSON.zaak(try CaseFileRows.value(row["document"])) else { continue }
                let household: String = row["householdId"]
                items.append(SignalQueueItem(kind: .zaak(zaak, householdId: household, householdName: row["name"]),
                                             signals: signalsByCase[zaak.id] ?? [],
                                             received: CalendarDate(iso: row["firstReceived"]) ?? zaak.periodStart, crisis: row["crisis"],
                                             members: adults[household] ?? []))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM signal_inbox WHERE open = 1") {
                guard let signal = Self.signal(row["signal"]), let received = CalendarDate(iso: row["received"]) else { continue }
                items.append(SignalQueueItem(kind: .unmatched(signalId: row["signalId"], client: SignalJSON.client(try CaseFileRows.value(row["client"]))),
                                             signals: [signal], received: received, crisis: row["crisis"]))
            }
            return items.sorted { ($0.crisis ? 0 : 1, $0.received, $0.id) < ($1.crisis ? 0 : 1, $1.received, $1.id) }
        }
    }

    /// A signal's stored document read back; nil when it does not read (never for one the store wrote).
    static func signal(_ document: String) -> Signal? {
        guard case .success(let json) = JSONParser.parse(Array(document.utf8)), case .success(let s) = CaseFileReader.signal(json) else { return nil }
        return s
    }

    /// One zaak, as stored.
    public func signalCase(_ id: String) throws -> (zaak: SignalCase, householdId: String, version: Int) {
        let found = try read { db -> (String, String, Int)? in
            try Row.fetchOne(db, sql: "SELECT * FROM signal_case WHERE id = ?", arguments: [id]).map { ($0["document"], $0["householdId"], $0["version"]) }
        }
        guard let found, let zaak = SignalJSON.zaak(try CaseFileRows.value(found.0)) else { throw StoreError.signalNotFound(id: id) }
        return (zaak, found.1, found.2)
    }

    /// Records a contact attempt on a zaak; the first picks it up, and its signals with it.
    public func recordContactAttempt(_ caseId: String, _ attempt: ContactAttempt, by actor: Actor) throws -> SignalCase {
        let stored = try signalCase(caseId)
        return try change(by: actor, household: stored.householdId, action: "signal.contact",
                          detail: "\(caseId) \(attempt.kind.rawValue) \(attempt.reached ? "bereikt" : "niet bereikt") \(attempt.date.iso)") { db, at in
            // An attempt belongs to an open zaak and to the days between its first signal and
            // today: one before it would make the delivery's datumOpgepakt precede the signal.
            guard stored.zaak.result == nil else { throw StoreError.signalCaseClosed(id: caseId) }
            guard attempt.date >= stored.zaak.periodStart && attempt.date <= at.localDate else {
                throw StoreError.contactAttemptDate(attempt.date, first: stored.zaak.periodStart, today: at.localDate)
            }
            let next = SignalOutreach.attempt(stored.zaak, attempt)
            try Self.writeCase(db, next, expected: stored.version, open: next.result == nil, by: actor.user, at: at)
            try Self.setSignals(db, caseId: caseId, from: .notYetPickedUp, to: .pickedUp, reason: nil, by: actor.user, at: at)
            try Self.signalsChanged(db)
            return next
        }
    }

    /// Ends a zaak with its result; a result of "not picked up" sets its signals so too.
    public func closeSignalCase(_ caseId: String, result: SignalCaseResult, reason: String = "", by actor: Actor) throws -> SignalCase {
        let stored = try signalCase(caseId)
        return try change(by: actor, household: stored.householdId, action: "signal.result", detail: "\(caseId) \(result.rawValue)") { db, at in
            // Closed once: a second result (another workstation's, a script's) is refused, not laid over it.
            guard stored.zaak.result == nil else { throw StoreError.signalCaseClosed(id: caseId) }
            // "Not picked up" is for a zaak nobody tried to reach; the other reason in words.
            if result.isNotPickedUp && !stored.zaak.attempts.isEmpty { throw StoreError.signalResult(.alreadyPickedUp) }
            // A result of the contact needs a contact attempt first.
            if result.needsAttempt && stored.zaak.attempts.isEmpty { throw StoreError.signalResult(.attemptFirst) }
            if result == .otherReason && reason.trimmingCharacters(in: .whitespaces).isEmpty { throw StoreError.signalResult(.reasonMissing) }
            var next = stored.zaak
            next.result = result
            // Closed with a result that picks the zaak up without a contact (a referral without
            // the resident): picked up on that day, so the delivery gives its datumOpgepakt.
            if next.pickedUp == nil, !result.isNotPickedUp, SignalStatus(rawValue: result.rawValue).map({ !SignalStatus.notPickedUp.contains($0) }) ?? true {
                next.pickedUp = at.localDate
            }
            try Self.writeCase(db, next, expected: stored.version, open: false, by: actor.user, at: at)
            // No signal of a closed zaak waits: a "not picked up" result (or deceased, no resident,
            // known already) sets those still waiting so; any other result picks them up.
            if let status = SignalStatus(rawValue: result.rawValue), SignalStatus.notPickedUp.contains(status) {
                try Self.setSignals(db, caseId: caseId, from: .notYetPickedUp, to: status, reason: reason, by: actor.user, at: at)
            } else {
                try Self.setSignals(db, caseId: caseId, from: .notYetPickedUp, to: .pickedUp, reason: nil, by: actor.user, at: at)
            }
            try Self.signalsChanged(db)
            return next
        }
    }

    /// A signal set aside with a reason (not picked up): one nobody matched, or one of an open
    /// zaak that holds others (a repeated signal, say). The zaak's only signal goes with the
    /// zaak's own result (`closeSignalCase`), so a zaak is never left without a signal.
    public func setAsideSignal(_ signalId: String, status: SignalStatus, reason: String, by actor: Actor) throws {
        guard SignalStatus.notPickedUp.contains(status) else { throw StoreError.signalResult(.notASetAsideStatus) }
        if status == .otherReason && reason.trimmingCharacters(in: .whitespaces).isEmpty { throw StoreError.signalResult(.reasonMissing) }
        let household = try read { db in
            try String.fetchOne(db, sql: "SELECT householdId FROM signal WHERE signalId = ?", arguments: [signalId])
        }
        try change(by: actor, household: household, action: "signal.set-aside", detail: "\(signalId) \(status.rawValue) \(reason)") { db, at in
            if let row = try Row.fetchOne(db, sql: "SELECT signal FROM signal_inbox WHERE signalId = ? AND open = 1", arguments: [signalId]),
               var signal = Self.signal(row["signal"]) {
                signal.status = status
                signal.reason = reason
                try db.execute(sql: "UPDATE signal_inbox SET open = 0, signal = ? WHERE signalId = ?",
                               arguments: [CaseFileRows.doc(CaseFileWriter.signal(signal)), signalId])
            } else if let row = try Row.fetchOne(db, sql: """
                SELECT s.id, s.document, s.caseId, (SELECT COUNT(*) FROM signal o WHERE o.caseId = s.caseId AND o.status = 'nog-niet-opgepakt') AS waiting
                FROM signal s JOIN signal_case c ON c.id = s.caseId WHERE s.signalId = ? AND c.open = 1
                """, arguments: [signalId]), var signal = Self.signal(row["document"]) {
                guard signal.status == .notYetPickedUp else { throw StoreError.signalResult(.alreadyPickedUp) }
                guard (row["waiting"] as Int) > 1 else { throw StoreError.signalResult(.onlySignal(caseId: row["caseId"])) }
                signal.status = status
                signal.reason = reason
                try db.execute(sql: "UPDATE signal SET status = ?, document = ?, version = version + 1, changedBy = ?, changedAt = ? WHERE id = ?",
                               arguments: [status.rawValue, CaseFileRows.doc(CaseFileWriter.signal(signal)), actor.user,
                                           at.iso, row["id"] as Int64])
                // The zaak's urgency and first day follow the signals it still works on.
                let caseId: String = row["caseId"]
                let (crisis, first) = try Self.caseFigures(db, caseId: caseId, fallback: at.localDate)
                try db.execute(sql: "UPDATE signal_case SET crisis = ?, firstReceived = ? WHERE id = ?", arguments: [crisis, first, caseId])
            } else {
                throw StoreError.signalNotFound(id: signalId)
            }
            try Self.signalsChanged(db)
        }
    }

    /// A signal nobody matched, now a household of its own (made by the intake): it joins it
    /// in a new zaak.
    public func attachUnmatched(_ signalId: String, to household: String, by actor: Actor) throws -> String {
        try change(by: actor, household: household, action: "signal.match", detail: "\(signalId) by the intake") { db, at in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM signal_inbox WHERE signalId = ? AND open = 1", arguments: [signalId]),
                  let signal = Self.signal(row["signal"]) else {
                throw StoreError.signalNotFound(id: signalId)
            }
            let client = SignalJSON.client(try CaseFileRows.value(row["client"]))
            try db.execute(sql: "DELETE FROM signal_inbox WHERE signalId = ?", arguments: [signalId])
            let caseId = try Self.addToCase(db, IncomingSignal(signal: signal, client: client, path: ""), household: household,
                                            by: actor.user, at: at)
            try Self.signalsChanged(db)
            return caseId
        }
    }

    private static func writeCase(_ db: Database, _ zaak: SignalCase, expected: Int, open: Bool, by user: String, at: Moment) throws {
        try Versioning.update(db, table: "signal_case", id: zaak.id, expected: expected,
                              columns: [("open", open), ("document", CaseFileRows.doc(SignalJSON.zaak(zaak)))],
                              by: user, at: at.iso, what: zaak.id)
    }

    /// Sets the status of a zaak's signals (those in `from`, or all), in column and document.
    private static func setSignals(_ db: Database, caseId: String, from: SignalStatus?, to: SignalStatus, reason: String?,
                                   by user: String, at: Moment) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, document FROM signal WHERE caseId = ?", arguments: [caseId]) {
            guard var signal = Self.signal(row["document"]), from == nil || signal.status == from else { continue }
            signal.status = to
            if let reason { signal.reason = reason }
            try db.execute(sql: "UPDATE signal SET status = ?, document = ?, version = version + 1, changedBy = ?, changedAt = ? WHERE id = ?",
                           arguments: [to.rawValue, CaseFileRows.doc(CaseFileWriter.signal(signal)), user, at.iso, row["id"] as Int64])
        }
    }

    /// The delivery's content for a period: every signal with an ID received in it, grouped by
    /// zaak (a signal nobody matched stands alone), with the client as the partner gave it.
    public func signalDelivery(from: CalendarDate, to: CalendarDate) throws -> [DDASDelivery.ReportedCase] {
        try read { db in
            var byCase: [String: [(signal: Signal, client: SignalClient)]] = [:]
            var order: [String] = []
            // A partner's signal has its client as the partner gave it; one taken in by hand
            // (in a zaak, no client kept) is the household's applicant as it is now.
            var applicants: [String: SignalClient] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT document, client, caseId, householdId FROM signal
                WHERE signalId IS NOT NULL AND (client IS NOT NULL OR caseId IS NOT NULL) AND received >= ? AND received <= ? ORDER BY received, id
                """, arguments: [from.iso, to.iso]) {
                guard let s = Self.signal(row["document"]) else { continue }
                let household: String = row["householdId"]
                let client = try (row["client"] as String?).flatMap { text -> SignalClient? in
                    guard case .success(let json) = JSONParser.parse(Array(text.utf8)) else { return nil }
                    return SignalJSON.client(json)
                } ?? applicants[household] ?? {
                    let found = try CaseFileRows.load(household, from: db).map { SignalClient(applicantOf: $0.household) } ?? SignalClient()
                    applicants[household] = found
                    return found
                }()
                let key = (row["caseId"] as String?) ?? "-" + (s.id ?? "")
                if byCase[key] == nil { order.append(key) }
                byCase[key, default: []].append((s, client))
            }
            var cases: [DDASDelivery.ReportedCase] = []
            for key in order {
                let zaak = key.hasPrefix("-") ? nil : try Row.fetchOne(db, sql: "SELECT document FROM signal_case WHERE id = ?", arguments: [key])
                    .flatMap { SignalJSON.zaak(try CaseFileRows.value($0["document"])) }
                cases.append(DDASDelivery.ReportedCase(signals: byCase[key] ?? [], outreach: zaak))
            }
            for row in try Row.fetchAll(db, sql: "SELECT signal, client FROM signal_inbox WHERE received >= ? AND received <= ? ORDER BY received",
                                        arguments: [from.iso, to.iso]) {
                guard let s = Self.signal(row["signal"]) else { continue }
                cases.append(DDASDelivery.ReportedCase(signals: [(s, SignalJSON.client(try CaseFileRows.value(row["client"])))], outreach: nil))
            }
            return cases
        }
    }

    /// The delivery was written: recorded after the file is on disk, with its period.
    public func recordSignalReport(from: CalendarDate, to: CalendarDate, signals: Int, cases: Int, by actor: Actor) throws {
        try change(by: actor, household: nil, action: "signals.report", detail: "\(from.iso)…\(to.iso) \(signals) signals, \(cases) cases") { _, _ in }
    }
}
