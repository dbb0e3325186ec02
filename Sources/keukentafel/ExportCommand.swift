import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel export ID [-o FILE]`: one household as a case file that imports again to
/// the same data.
struct ExportCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Schrijf een huishouden als dossierbestand. / Write a household as a case file."
    )

    @Argument(help: "Het id van het huishouden, bijvoorbeeld hh-demo-0001. / The household id.")
    var id: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Schrijf naar dit bestand in plaats van de uitvoer. / Write to this file instead of standard output.",
                                                     valueName: "file"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        let (store, me) = try StoreAccess.openAsStaff(global)
        let file = try StoreAccess.reporting(l) { try store.viewCaseFile(id, by: me.actor, action: "household.export") }
        let text = CaseFileWriter.text(file)
        try OutputFile.writeOrPrint(text, to: output, language: l)
    }
}

/// Writing a file people will keep: whole or not at all (a temporary file linked into
/// place), 0600 because it holds personal data, and never over an existing file — a letter
/// or payment file that was sent is never replaced by another of the same name.
enum OutputFile {
    /// To the file when one is named, else to standard output.
    static func writeOrPrint(_ text: String, to path: String?, language l: Language) throws {
        if let path { try write(text, to: path, language: l) } else { Console.out(text) }
    }

    /// Whole, on disk, or not at all: a temporary file (0600, never an existing one) written,
    /// synced, linked into place, and the folder synced, so that what this returns for has
    /// survived a crash or a power cut — a payment batch is recorded only after it. An
    /// existing `path` is refused (64) and left as it was.
    static func write(_ text: String, to path: String, language l: Language) throws {
        guard try place(text, at: path, language: l) else {
            Console.error(l.pick("\(path) bestaat al; een bestand wordt nooit overschreven. Kies een andere naam (er is niets geschreven).",
                                 "\(path) exists already; a file is never overwritten. Choose another name (nothing was written)."))
            throw Failure(status: Exit.usage)
        }
    }

    /// Refuses (64) a `path` that exists before any work is done, for a command that records
    /// something in the store before it writes (`write` refuses it again at the end).
    static func refuseExisting(_ path: String, language l: Language) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        Console.error(l.pick("\(path) bestaat al; een bestand wordt nooit overschreven. Kies een andere naam (er is niets gedaan).",
                             "\(path) exists already; a file is never overwritten. Choose another name (nothing was done)."))
        throw Failure(status: Exit.usage)
    }

    /// Into `folder` as `name`, or with `-2`, `-3`, … before its extension when that name is
    /// taken: a new file each time. Returns the path written.
    static func writeNew(_ text: String, folder: String, name: String, language l: Language) throws -> String {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let base = String(name[..<dot]), ext = String(name[dot...])
        for n in 1...1000 {
            let path = (folder as NSString).appendingPathComponent(n == 1 ? name : "\(base)-\(n)\(ext)")
            if try place(text, at: path, language: l) { return path }
        }
        Console.error(l.pick("\(folder): al 1000 bestanden met de naam \(name); ruim de map op.", "\(folder): 1000 files named \(name) already; tidy the folder."))
        throw Failure(status: Exit.storage)
    }

    /// Writes `text` at `path`; false when `path` exists (nothing written).
    private static func place(_ text: String, at path: String, language l: Language) throws -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let temporary = folder + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        func fail(_ reason: String) throws -> Never {
            Console.error(l.pick("\(path): kan niet schrijven (\(reason)). Er is niets geschreven.",
                                 "\(path): cannot write (\(reason)). Nothing was written."))
            throw Failure(status: Exit.storage)
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { try fail(String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { let reason = String(cString: strerror(errno)); close(fd); unlink(temporary); try fail(reason) }
            written += n
        }
        guard fsync(fd) == 0 else { let reason = String(cString: strerror(errno)); close(fd); unlink(temporary); try fail(reason) }
        close(fd)
        // link() puts the whole file in place and fails on an existing name, where rename()
        // would replace it.
        if link(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            if code == EEXIST { return false }
            try fail(String(cString: strerror(code)))
        }
        unlink(temporary)
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
        return true
    }
}
