import CaseStore
import Casework
import Foundation

/// Reads a case file from disk, explaining every way it can fail.
enum CaseFileLoading {
    /// Larger than any household could be; refusing it keeps a wrong file from eating memory.
    static let maximumBytes = 64 * 1024 * 1024

    static func load(path: String, language l: Language) throws -> CaseFile {
        let bytes = try readBytes(path: path, language: l)
        switch CaseFileReader.read(bytes: bytes) {
        case .success(let file):
            return file
        case .failure(let rejection):
            let count = rejection.problems.count
            Console.error(l.pick("\(path): het dossierbestand is geweigerd (\(count) \(count == 1 ? "probleem" : "problemen")):",
                                 "\(path): the case file is refused (\(count) \(count == 1 ? "problem" : "problems")):"))
            for problem in rejection.problems { Console.error("  " + problem.message(in: l)) }
            throw Failure(status: Exit.badData)
        }
    }

    /// A norm table, policy or municipality file, read by `read`; refused whole (65) with
    /// every problem at its path.
    static func loadSettings<T>(path: String, language l: Language,
                                _ read: (String) -> Result<T, CaseFileRejection>) throws -> T {
        let bytes = try readBytes(path: path, language: l)
        switch read(String(decoding: bytes, as: UTF8.self)) {
        case .success(let value): return value
        case .failure(let rejection):
            Console.error(StoreError.ruleFileRefused(file: path, rejection.problems).message(in: l))
            throw Failure(status: Exit.badData)
        }
    }

    /// The bytes of a file that should be a case file; missing, a folder, unreadable or
    /// too large each get their own message and exit status.
    static func readBytes(path: String, language l: Language) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Console.error(l.pick("\(path): dit bestand bestaat niet. Controleer de naam en de map.",
                                 "\(path): no such file. Check the name and the folder."))
            throw Failure(status: Exit.storage)
        }
        guard !isDirectory.boolValue else {
            Console.error(l.pick("\(path): dit is een map, geen dossierbestand.", "\(path): this is a folder, not a case file."))
            throw Failure(status: Exit.usage)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            Console.error(l.pick("\(path): kan het bestand niet openen (geen leesrechten?).",
                                 "\(path): cannot open the file (no permission to read?)."))
            throw Failure(status: Exit.storage)
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            Console.error(l.pick("\(path): lezen mislukt: \(error.localizedDescription)",
                                 "\(path): reading failed: \(error.localizedDescription)"))
            throw Failure(status: Exit.storage)
        }
        guard data.count <= maximumBytes else {
            Console.error(l.pick("\(path): groter dan 64 MB; dat is geen dossierbestand.",
                                 "\(path): larger than 64 MB; that is not a case file."))
            throw Failure(status: Exit.badData)
        }
        return [UInt8](data)
    }
}
