import CaseStore
import Foundation

/// Files the workstation writes for people to keep or hand over (a conversation, a plan,
/// a decision letter): personal data, so 0600; never over an earlier file; on disk before
/// anyone is told they are written.
enum OutputFile {
    /// Writes `text` to `folder/name`, or to `name` with `-2`, `-3`, … before its extension
    /// when that exists; returns the path written.
    static func writeNew(_ text: String, folder: String, name: String) throws -> String {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let base = String(name[..<dot]), ext = String(name[dot...])
        let bytes = Array(text.utf8)
        for n in 1...1000 {
            let path = folder + "/" + (n == 1 ? name : "\(base)-\(n)\(ext)")
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                written += n
            }
            let synced = fsync(fd) == 0
            close(fd)
            guard written == bytes.count, synced else {
                unlink(path)
                throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            return path
        }
        throw StoreError.cannotCreate(path: folder + "/" + name, reason: "1000 files of that name")
    }
}
