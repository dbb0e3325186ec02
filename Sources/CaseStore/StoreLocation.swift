import Foundation

/// Where the store lives: `--store PATH`, else `KEUKENTAFEL_STORE`, else
/// `$XDG_DATA_HOME/keukentafel/keukentafel.sqlite` (default `~/.local/share/…`).
public struct StoreLocation: Equatable, Sendable {
    public let path: String
    /// True when no option or variable chose it: the installation's real store.
    public let isDefault: Bool

    public init(path: String, isDefault: Bool = false) {
        self.path = path
        self.isDefault = isDefault
    }

    public var directory: String { (path as NSString).deletingLastPathComponent }

    public static func resolve(option: String?, environment: [String: String]) -> StoreLocation {
        if let option, !option.isEmpty { return StoreLocation(path: absolute(option)) }
        if let variable = environment["KEUKENTAFEL_STORE"], !variable.isEmpty {
            return StoreLocation(path: absolute(variable))
        }
        return StoreLocation(path: defaultPath(environment: environment), isDefault: true)
    }

    public static func defaultPath(environment: [String: String]) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/keukentafel/keukentafel.sqlite"
    }

    private static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return FileManager.default.currentDirectoryPath + "/" + expanded
    }
}

/// File-system checks (docs/architecture.md, "A team on one store"). The folder decides what
/// kind of store it is: **0700** is one person's (file 0600); **2770**, owned by a group, is a
/// team's (files 0660, the same group). Others never get anything, because the store holds
/// people's income, debts and health. Anything else is refused with the one command that
/// fixes it, never silently changed.
enum StorePermissions {
    struct Found { let mode: UInt16; let gid: gid_t }

    static func found(_ path: String) -> Found? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Found(mode: UInt16(info.st_mode & 0o7777), gid: info.st_gid)
    }

    static func mode(of path: String) -> UInt16? { found(path)?.mode }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func groupName(_ gid: gid_t) -> String {
        guard let entry = getgrgid(gid), let name = entry.pointee.gr_name else { return String(gid) }
        return String(cString: name)
    }

    static func groupID(_ name: String) -> gid_t? { getgrnam(name).map { $0.pointee.gr_gid } }

    /// Creates the folder (and its parents) when it is missing: 0700, or for a team 2770 with
    /// the team's group. An existing folder of a new team store is given both.
    static func createDirectory(_ path: String, group: gid_t? = nil) throws {
        if !exists(path) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
        }
        guard let group else { chmod(path, 0o700); return }
        // chown first: changing the group may clear the setgid bit.
        if chown(path, uid_t.max, group) != 0 {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        chmod(path, 0o2770)
    }

    /// Refuses a folder or file that others may reach, and a team store that is not exactly
    /// 2770/0660 with one group. Returns the team's group, nil for one person's store.
    @discardableResult
    static func check(_ location: StoreLocation) throws -> String? {
        guard let folder = found(location.directory) else { return nil }
        // A team's folder is setgid or writable for its group; group bits without either
        // (0750) are one person's folder opened too far.
        let team = folder.mode & 0o2000 != 0 || folder.mode & 0o020 != 0
        if folder.mode & 0o007 != 0 {
            throw StoreError.permissionsTooOpen(path: location.directory, mode: folder.mode, wanted: team ? 0o2770 : 0o700)
        }
        if team && folder.mode != 0o2770 {
            throw StoreError.teamPermissions(path: location.directory, mode: folder.mode, wanted: 0o2770)
        }
        for path in [location.path, location.path + "-wal", location.path + "-shm"] {
            guard let file = found(path) else { continue }
            if file.mode & 0o007 != 0 || (!team && file.mode & 0o070 != 0) {
                throw StoreError.permissionsTooOpen(path: path, mode: file.mode, wanted: team ? 0o660 : 0o600)
            }
            if team && file.mode & 0o777 != 0o660 {
                throw StoreError.teamPermissions(path: path, mode: file.mode, wanted: 0o660)
            }
            if team && file.gid != folder.gid {
                throw StoreError.wrongGroup(path: path, found: groupName(file.gid), wanted: groupName(folder.gid))
            }
        }
        return team ? groupName(folder.gid) : nil
    }

    /// Why an existing store cannot be reached: its folder is closed to this user. Nil when
    /// the file simply is not there.
    static func unreachable(_ location: StoreLocation) -> StoreError? {
        if exists(location.path) { return nil }
        guard errno == EACCES else { return nil }
        let group = found(location.directory).flatMap { $0.mode & 0o2000 != 0 || $0.mode & 0o020 != 0 ? groupName($0.gid) : nil }
        return StoreError.noAccess(path: location.directory, user: OSUser.current, group: group)
    }
}
