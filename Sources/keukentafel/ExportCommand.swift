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

/// Writing a file people will keep: whole or not at all (a temporary file renamed into
/// place), and 0600, because it holds personal data.
enum OutputFile {
    /// To the file when one is named, else to standard output.
    static func writeOrPrint(_ text: String, to path: String?, language l: Language) throws {
        if let path { try write(text, to: path, language: l) } else { Console.out(text) }
    }

    /// Whole, on disk, or not at all: a temporary file (0600, never an existing one) written,
    /// synced, renamed into place, and the folder synced, so that what this returns for has
    /// survived a crash or a power cut — a payment batch is recorded only after it.
    static func write(_ text: String, to path: String, language l: Language) throws {
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
        guard rename(temporary, path) == 0 else { let reason = String(cString: strerror(errno)); unlink(temporary); try fail(reason) }
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }
}
