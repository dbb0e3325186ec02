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

/// File-system checks: the folder is 0700 and the file 0600, because the store holds
/// people's income, debts and health. A looser store is refused, never silently fixed.
enum StorePermissions {
    static func mode(of path: String) -> UInt16? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt16(info.st_mode & 0o7777)
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Creates the folder (and its parents) with 0700 when it is missing.
    static func createDirectory(_ path: String) throws {
        if exists(path) { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        chmod(path, 0o700)
    }

    /// Refuses a folder or file that others may read or write.
    static func check(_ location: StoreLocation) throws {
        for (path, wanted) in [(location.directory, UInt16(0o700)), (location.path, UInt16(0o600))] {
            guard let mode = mode(of: path) else { continue }
            if mode & 0o077 != 0 {
                throw StoreError.permissionsTooOpen(path: path, mode: mode, wanted: wanted)
            }
        }
        for suffix in ["-wal", "-shm"] {
            let path = location.path + suffix
            if let mode = mode(of: path), mode & 0o077 != 0 {
                throw StoreError.permissionsTooOpen(path: path, mode: mode, wanted: 0o600)
            }
        }
    }
}
