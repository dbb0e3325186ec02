import Casework
import Foundation
import GRDB

/// A member of staff: identified by the OS user name, with a role from which rights follow.
public struct StaffMember: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "staff"

    public var user: String
    public var name: String
    public var role: Actor.Role
    public var team: String
    public var addedBy: String
    public var addedAt: String
    /// False for a leaver: they can no longer open the store or run a command; their name
    /// stays on what they did and in the audit trail.
    public var active: Bool

    public init(user: String, name: String, role: Actor.Role, team: String = "", addedBy: String = "", addedAt: String = "",
                active: Bool = true) {
        self.user = user; self.name = name; self.role = role; self.team = team
        self.addedBy = addedBy; self.addedAt = addedAt; self.active = active
    }

    public var actor: Actor { Actor(user: user, role: role) }

    /// Read by column, not through `Decodable`: the decoder's first use costs the
    /// workstation's start about a millisecond (the staff are read before the first frame).
    /// A value that does not fit (a role the program does not know) throws, as the decoder did.
    public init(row: Row) throws {
        user = try row.decode(String.self, forColumn: "user")
        name = try row.decode(String.self, forColumn: "name")
        role = try row.decode(Actor.Role.self, forColumn: "role")
        team = try row.decode(String.self, forColumn: "team")
        addedBy = try row.decode(String.self, forColumn: "addedBy")
        addedAt = try row.decode(String.self, forColumn: "addedAt")
        active = try row.decode(Bool.self, forColumn: "active")
    }
}

extension Actor.Role: DatabaseValueConvertible {}

extension Store {
    /// The staff member for an OS user, or a message with the command that adds them. A
    /// leaver (deactivated) is refused: they no longer open the store.
    public func staffMember(_ user: String) throws -> StaffMember {
        // SQL by hand, not `fetchOne(db, key:)`: the query interface first asks the schema
        // for the table's primary key, 1.5 ms of every start of the workstation.
        guard let member = try read({ db in
            try StaffMember.fetchOne(db, sql: "SELECT * FROM staff WHERE user = ?", arguments: [user])
        }) else {
            throw StoreError.unknownUser(user: user, path: location.path)
        }
        guard member.active else { throw StoreError.deactivated(user: user) }
        return member
    }

    public func staff() throws -> [StaffMember] {
        try read { db in try StaffMember.fetchAll(db, sql: "SELECT * FROM staff ORDER BY name") }
    }

    /// Team leaders add staff.
    public func addStaff(_ member: StaffMember, by actor: Actor) throws {
        guard actor.role == .teamleader else {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .manageStaff)
        }
        try change(by: actor, household: nil, action: "staff.add",
                   detail: "\(member.user) (\(member.name)) as \(member.role.rawValue), team \(member.team)") { db, at in
            if try StaffMember.exists(db, key: member.user) { throw StoreError.staffExists(user: member.user) }
            var row = member
            row.addedBy = actor.user
            row.addedAt = at.iso
            try row.insert(db)
        }
    }

    /// What a team leader may change of a person: name, role, team. Audited with before and
    /// after. Never leaves the store without an active team leader.
    public func changeStaff(_ user: String, name: String? = nil, role: Actor.Role? = nil, team: String? = nil,
                            by actor: Actor) throws -> StaffMember {
        guard actor.role == .teamleader else {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .manageStaff)
        }
        return try change(by: actor, household: nil, action: "staff.change", explained: { db, _ in
            guard var member = try StaffMember.fetchOne(db, key: user) else {
                throw StoreError.unknownUser(user: user, path: self.location.path)
            }
            let before = member
            if let name { member.name = name }
            if let role { member.role = role }
            if let team { member.team = team }
            if before.role == .teamleader, member.role != .teamleader, before.active {
                try Self.requireAnotherTeamLeader(db, besides: user)
            }
            try member.update(db)
            return (member, "\(user): \(Self.describe(before)) → \(Self.describe(member))")
        })
    }

    /// A leaver: deactivated, never deleted (their name stays in history). Not the last
    /// active team leader.
    public func deactivateStaff(_ user: String, by actor: Actor) throws {
        try setActive(user, false, by: actor)
    }

    /// Back from leave: active again.
    public func reactivateStaff(_ user: String, by actor: Actor) throws {
        try setActive(user, true, by: actor)
    }

    private func setActive(_ user: String, _ active: Bool, by actor: Actor) throws {
        guard actor.role == .teamleader else {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .manageStaff)
        }
        try change(by: actor, household: nil, action: active ? "staff.reactivate" : "staff.deactivate", detail: user) { db, _ in
            guard var member = try StaffMember.fetchOne(db, key: user) else {
                throw StoreError.unknownUser(user: user, path: self.location.path)
            }
            if !active, member.role == .teamleader, member.active { try Self.requireAnotherTeamLeader(db, besides: user) }
            member.active = active
            try member.update(db)
        }
    }

    static func requireAnotherTeamLeader(_ db: Database, besides user: String) throws {
        let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff WHERE role = 'teamleader' AND active = 1 AND user != ?",
                                      arguments: [user]) ?? 0
        if others == 0 { throw StoreError.lastTeamLeader(user: user) }
    }

    static func describe(_ m: StaffMember) -> String {
        "\(m.name), \(m.role.rawValue), team \(m.team.isEmpty ? "-" : m.team)"
    }
}

/// The OS user running the program: the identity the staff list is keyed by. Taken from
/// the password database of the effective user, not from `$USER`, which anyone can set.
public enum OSUser {
    public static var current: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }

    /// The full name from the password database (GECOS), for `init` without `--name`.
    public static var fullName: String? {
        guard let entry = getpwuid(geteuid()), let gecos = entry.pointee.pw_gecos else { return nil }
        let name = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
        return name.isEmpty ? nil : name
    }
}
