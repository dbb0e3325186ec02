import Foundation
import GRDB

/// Opening a store this user may not write (a folder or file without write permission, a
/// read-only file system, a copy on a read-only share).
///
/// The store is in WAL mode, and SQLite reads a WAL database through its `-shm` file. In a
/// folder it cannot write, SQLite 3.40 cannot create that file and refuses even to read
/// ("attempt to write a readonly database"). When no `-wal` file is left either — the store
/// was closed cleanly — every committed change is in the database file itself, so it is
/// opened as *immutable* (`?immutable=1`: no `-shm`, no locks). That is safe because a
/// writer would have to create a `-wal` file in the same folder, which nobody without write
/// access to the folder can; with a `-wal` file present the store is refused with a sentence.
enum ReadOnlyOpening {
    static func open(_ location: StoreLocation, configuration: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: location.path, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch {
            guard isUnwritableWAL(error) else { throw error }
            if let size = (try? FileManager.default.attributesOfItem(atPath: location.path + "-wal"))?[.size] as? Int, size > 0 {
                throw StoreError.readOnlyUnfinished(path: location.path)
            }
            let queue = try DatabaseQueue(path: immutableURI(location.path), configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        }
    }

    /// SQLite's answer when it cannot create the `-shm` (or `-wal`) file it needs to read.
    static func isUnwritableWAL(_ error: Error) -> Bool {
        guard let db = error as? DatabaseError else { return false }
        return db.resultCode == .SQLITE_READONLY || db.resultCode == .SQLITE_CANTOPEN
    }

    /// `file:` URI of `path` with `immutable=1` (SQLite is built with URI filenames on
    /// Debian and Ubuntu); `%`, `?` and `#` in the path are percent-encoded.
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x21, 0x7F...:
                encoded += String(format: "%%%02X", byte)
            default:
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + encoded + "?immutable=1"
    }
}
