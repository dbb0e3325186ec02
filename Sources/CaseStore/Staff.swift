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

    public init(user: String, name: String, role: Actor.Role, team: String = "", addedBy: String = "", addedAt: String = "") {
        self.user = user; self.name = name; self.role = role; self.team = team
        self.addedBy = addedBy; self.addedAt = addedAt
    }

    public var actor: Actor { Actor(user: user, role: role) }
}

extension Actor.Role: DatabaseValueConvertible {}

extension Store {
    /// The staff member for an OS user, or a message with the command that adds them.
    public func staffMember(_ user: String) throws -> StaffMember {
        guard let member = try read({ db in try StaffMember.fetchOne(db, key: user) }) else {
            throw StoreError.unknownUser(user: user, path: location.path)
        }
        return member
    }

    public func staff() throws -> [StaffMember] {
        try read { db in try StaffMember.order(Column("name")).fetchAll(db) }
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
