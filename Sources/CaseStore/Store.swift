import Casework
import Foundation
import GRDB
import Synchronization

/// A real store holds real households; a demo store is a throwaway copy of the sample data
/// for training. The kind is written inside the database, so the two never mix.
public enum StoreKind: String, Sendable { case real, demo }

/// The SQLite store (WAL mode, through GRDB). Every change a person makes is one unit of
/// work (`change`): one transaction that also writes its audit row.
public final class Store: Sendable {
    public let location: StoreLocation
    public let kind: StoreKind
    public let isReadOnly: Bool
    let writer: any DatabaseWriter
    /// The program's clock: when audit rows, saves and versions are stamped.
    public let clock: WallClock
    /// Above 0 inside `readingOnWriter`: reads go to the writer's connection.
    let readsOnWriter = Atomic<Int>(0)

    private init(location: StoreLocation, kind: StoreKind, readOnly: Bool, writer: any DatabaseWriter, clock: WallClock) {
        self.location = location; self.kind = kind; self.isReadOnly = readOnly
        self.writer = writer; self.clock = clock
    }

    // MARK: creating and opening

    /// Creates a new store with `firstTeamLeader` as its first staff member. Refuses to
    /// touch a file that exists. With `group`, a team store: folder 2770 and files 0660 of
    /// that group, recorded in the store; without, one person's (0700/0600).
    public static func create(at location: StoreLocation, kind: StoreKind = .real, firstStaff: StaffMember,
                              group: String? = nil, clock: WallClock) throws -> Store {
        if kind == .demo && location.isDefault { throw StoreError.realStoreOpenedAsDemo(path: location.path) }
        if StorePermissions.exists(location.path) { throw StoreError.alreadyExists(path: location.path) }
        var gid: gid_t?
        if let group {
            guard let id = StorePermissions.groupID(group) else { throw StoreError.unknownGroup(group) }
            gid = id
            keepTeamUmask()
        }
        try StorePermissions.createDirectory(location.directory, group: gid)
        try StorePermissions.check(location)
        // Create the file before SQLite opens it: SQLite gives its -wal and -shm files the
        // permissions (and, run as root, the owner) of the database file.
        let fd = Foundation.open(location.path, O_CREAT | O_EXCL | O_WRONLY, gid == nil ? 0o600 : 0o660)
        guard fd >= 0 else {
            throw StoreError.cannotCreate(path: location.path, reason: String(cString: strerror(errno)))
        }
        if let gid {
            let owned = fchown(fd, uid_t.max, gid) == 0 && fchmod(fd, 0o660) == 0
            let reason = String(cString: strerror(errno))
            close(fd)
            guard owned else {
                unlink(location.path)
                throw StoreError.cannotCreate(path: location.path, reason: reason)
            }
        } else {
            close(fd)
        }
        do {
            let pool = try DatabasePool(path: location.path, configuration: configuration(readOnly: false))
            try Schema.migrator.migrate(pool)
            let at = clock.now()
            try pool.write { db in
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('kind', ?), ('createdAt', ?)",
                               arguments: [kind.rawValue, at.iso])
                if let group { try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('group', ?)", arguments: [group]) }
                var staff = firstStaff
                staff.addedBy = firstStaff.user
                staff.addedAt = at.iso
                try staff.insert(db)
                try Audit.append(db, at: at, user: firstStaff.user, household: nil, action: "store.create",
                                 detail: "\(kind.rawValue) store\(group.map { " of group \($0)" } ?? ""); first staff member \(firstStaff.user) (\(firstStaff.role.rawValue))")
            }
            return Store(location: location, kind: kind, readOnly: false, writer: pool, clock: clock)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotCreate(path: location.path, reason: "\(error)")
        }
    }

    /// Opens an existing store of the expected kind. A store that others may read, a file
    /// that is not ours, or a store of the other kind is refused. A store the user may
    /// read but not write opens read-only.
    public static func open(at location: StoreLocation, kind: StoreKind = .real, clock: WallClock) throws -> Store {
        try open(at: location, kind: kind, clock: clock, forceReadOnly: false)
    }

    /// `forceReadOnly`: open the way a user without write access would, whoever runs it.
    /// Tests need it: they run as root in CI, and no file permission stops root writing.
    static func open(at location: StoreLocation, kind: StoreKind = .real, clock: WallClock,
                     forceReadOnly: Bool) throws -> Store {
        guard StorePermissions.exists(location.path) else {
            // "No store" only when there is none: a folder closed to this user is said so.
            throw StorePermissions.unreachable(location) ?? StoreError.missing(path: location.path)
        }
        let team = try StorePermissions.check(location)
        if team != nil { keepTeamUmask() }
        let readOnly = forceReadOnly || access(location.path, W_OK) != 0 || access(location.directory, W_OK) != 0
        let writer: any DatabaseWriter
        do {
            if readOnly {
                writer = try ReadOnlyOpening.open(location, configuration: configuration(readOnly: true))
            } else {
                writer = try DatabasePool(path: location.path, configuration: configuration(readOnly: false))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: location.path, reason: describe(error))
        }
        let found: String?
        let recordedGroup: String?
        do {
            // On the writer's connection, open already (see `readingOnWriter`).
            let id = try readOnWriter(writer) { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") }
            guard id == Schema.applicationID else { throw StoreError.notAStore(path: location.path) }
            if !readOnly { try Schema.migrator.migrate(writer) }
            // An older store cannot be brought up to date without writing: say so, rather
            // than fail later on a table or column it does not have yet.
            if readOnly, try !readOnWriter(writer, { db in try Schema.migrator.hasCompletedMigrations(db) }) {
                throw StoreError.readOnlyNeedsUpgrade(path: location.path)
            }
            (found, recordedGroup) = try readOnWriter(writer) { db in
                (try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'kind'"),
                 try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'group'"))
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.notAStore(path: location.path)
        }
        switch (kind, StoreKind(rawValue: found ?? "")) {
        case (.real, .demo?): throw StoreError.demoStoreOpenedAsReal(path: location.path)
        case (.demo, .real?): throw StoreError.realStoreOpenedAsDemo(path: location.path)
        case (_, nil): throw StoreError.notAStore(path: location.path)
        default: break
        }
        // A folder opened to a group must be the group the store was made for.
        if let team, team != recordedGroup {
            throw recordedGroup.map { StoreError.wrongGroup(path: location.directory, found: team, wanted: $0) }
                ?? StoreError.teamPermissions(path: location.directory, mode: StorePermissions.mode(of: location.directory) ?? 0, wanted: 0o700)
        }
        return Store(location: location, kind: kind, readOnly: readOnly, writer: writer, clock: clock)
    }

    /// Files this process creates next to a team store (SQLite's -wal and -shm, a journal)
    /// stay the team's: read and write for the group, nothing for others.
    static func keepTeamUmask() { umask(0o007) }

    /// The group of a team store, nil for one person's.
    public func group() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'group'") }
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        // Several caseworkers on one host share the store: wait for another's write
        // instead of failing at once.
        config.busyMode = .timeout(5)
        // 8 MB of pages per connection instead of SQLite's 2 MB: a caseworker's list, its
        // figures and the search index's pages for what they search at 100,000 households
        // are more than 2 MB, and each page read again came from the file cache by a system
        // call. Measured on a pty (56 rounds of the benchmark's searches, twice): the p99 of
        // a settled keystroke at 100,000 went from 3.48 and 3.79 ms to 3.00 and 3.26 ms; at
        // 1,000 (a 5 MB store) nothing changed; peak memory at 100,000 31.1 → 35.1 MB. Each
        // connection of the pool keeps its own (the keys' reads, the pause's order, the
        // read-ahead): in the benchmark at a million 36.6 → 45.7 MB as a caseworker and
        // 35.5 → 51.5 MB as team leader, of a budget of 64.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -8192") }
        return config
    }

    // MARK: units of work

    /// Reads in one consistent snapshot.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            if readsOnWriter.load(ordering: .relaxed) > 0 { return try Self.readOnWriter(writer, body) }
            return try writer.read(body)
        } catch { throw mapped(error) }
    }

    /// One unit of work: the change and its audit row in one transaction, or neither.
    public func change<T: Sendable>(by actor: Actor, household: String?, action: String, detail: String,
                                    _ body: @Sendable (Database, Moment) throws -> T) throws -> T {
        try change(by: actor, household: household, action: action, explained: { db, at in (try body(db, at), detail) })
    }

    /// A unit of work whose audit detail is only known inside it (what the row held before).
    public func change<T: Sendable>(by actor: Actor, household: String?, action: String,
                                    explained body: @Sendable (Database, Moment) throws -> (T, detail: String)) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: location.path) }
        try requireMayChange(actor)
        let at = clock.now()
        do {
            return try writer.write { db in
                // The role rules hold for changes as for views: a household moved to another
                // team while it was open takes no more changes from this caseworker. A closed
                // household takes none until it is reopened.
                if let household {
                    try requireMayView(db, household: household, by: actor)
                    try Self.requireOpen(db, household: household, for: action)
                }
                let (result, detail) = try body(db, at)
                try Audit.append(db, at: at, user: actor.user, household: household, action: action, detail: detail)
                return result
            }
        } catch {
            throw mapped(error)
        }
    }

    /// What may still be done to a closed household: reopen it, read the handover note,
    /// record how a paid grant worked out.
    static let allowedOnClosed: Set<String> = ["household.reopen", "household.close", "household.handover.read", "grant.evaluate",
                                               // a decision taken before the closing is still made known by its letter
                                               "grant.letter",
                                               // a zaak of a household closed meanwhile still gets its result (the delivery needs it)
                                               "signal.result"]

    static func requireOpen(_ db: Database, household: String, for action: String) throws {
        guard !allowedOnClosed.contains(action) else { return }
        if try String.fetchOne(db, sql: "SELECT status FROM household WHERE id = ?", arguments: [household]) == "closed" {
            throw StoreError.householdClosed(id: household)
        }
    }

    /// Records that someone looked at a household: every view is in the audit trail. On a
    /// read-only store the view cannot be recorded and is refused, never left unrecorded.
    /// A view the roles do not allow (see Access.swift) is refused, and the attempt recorded.
    public func recordView(by actor: Actor, household: String, action: String = "household.view", detail: String = "") throws {
        if isReadOnly { throw StoreError.viewNotRecordable(path: location.path) }
        let at = clock.now()
        do {
            let refusal = try writer.write { db -> StoreError? in
                do {
                    try requireMayView(db, household: household, by: actor)
                } catch let error as StoreError {
                    try Audit.append(db, at: at, user: actor.user, household: household, action: action + ".refused",
                                     detail: "not allowed for \(actor.role.rawValue)")
                    return error
                }
                try Audit.append(db, at: at, user: actor.user, household: household, action: action, detail: detail)
                return nil
            }
            if let refusal { throw refusal }
        } catch {
            throw mapped(error)
        }
    }

    /// Test hook for a full disk: caps the store at the pages it holds now (`PRAGMA
    /// max_page_count` on the one connection that writes, after VACUUM gave the free pages
    /// back), so the next write that needs a page fails with SQLITE_FULL, as on a disk
    /// without room. `false` lifts the cap: there is room again.
    func simulateFullDisk(_ full: Bool) throws {
        try writer.writeWithoutTransaction { db in
            if full {
                try db.execute(sql: "VACUUM")
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
            } else {
                try db.execute(sql: "PRAGMA max_page_count = 4294967294")
            }
        }
    }

    /// Trainers change nothing in a real store; they train on demo copies.
    public func requireMayChange(_ actor: Actor) throws {
        if kind == .real && actor.role == .trainer {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .editHousehold)
        }
    }

    /// The privacy duties — reading the audit trail, answering a subject access request,
    /// anonymising — are a team leader's. In a demo store every role may run them: trainers
    /// show them on fictitious households.
    public func requireTeamLeader(_ actor: Actor, for action: StoreError.StaffAction) throws {
        if kind == .demo || actor.role == .teamleader { return }
        throw StoreError.notAllowed(user: actor.user, role: actor.role, action: action)
    }

    func mapped(_ error: Error) -> Error {
        if error is StoreError { return error }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_READONLY: return StoreError.readOnly(path: location.path)
            case .SQLITE_FULL: return StoreError.full(path: location.path)
            default: break
            }
        }
        return StoreError.database(Self.describe(error))
    }

    static func describe(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }
}
