import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel`: the workstation on the store (the default one unless --store says
/// otherwise), as the OS user on the staff list.
struct WorkstationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open de werkplek (standaard). / Open the workstation (the default)."
    )

    @Option(name: .long, help: ArgumentHelp("Kleurenschema: default, high-contrast, monochrome. / Colour theme.", valueName: "name"))
    var theme: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        do {
            let (store, me) = try StoreAccess.openAsStaff(global)
            try WorkstationLauncher.run(store: store, staff: me, global: global, theme: theme)
        } catch let failure as Failure {
            throw ExitCode(failure.status)
        }
    }
}

/// `keukentafel demo [--role ROLE]`: the workstation on a fresh copy of the sample data,
/// removed on exit. Trainers use it; it never touches a real store.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "De werkplek op een oefenkopie van de voorbeelddata. / The workstation on a practice copy of the sample data.",
        discussion: "De kopie staat in een tijdelijke map en verdwijnt bij afsluiten. / The copy lives in a temporary folder and is removed on exit."
    )

    @Option(name: .long, help: "caseworker | teamleader | trainer")
    var role: RoleOption = .caseworker

    @Option(name: .long, help: ArgumentHelp("Kleurenschema. / Colour theme.", valueName: "name"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("De map met voorbeelddata (standaard sample-data van het pakket). / The sample-data folder.",
                                            valueName: "folder"))
    var sampleData: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let l = global.language
        do {
            if global.store != nil {
                Console.error(l.pick("demo maakt altijd een eigen oefenopslag; laat --store weg.",
                                     "demo always makes its own practice store; leave out --store."))
                throw Failure(status: Exit.usage)
            }
            guard let folder = sampleData ?? SampleData.locate() else {
                Console.error(l.pick("De voorbeelddata (sample-data/) is niet gevonden. Geef de map met --sample-data.",
                                     "The sample data (sample-data/) was not found. Name the folder with --sample-data."))
                throw Failure(status: Exit.storage)
            }
            let store = try StoreAccess.reporting(l) { try Store.createDemo(from: folder) }
            // The temporary folder goes when the workstation closes (a kill leaves it in /tmp, 0700).
            defer { try? FileManager.default.removeItem(atPath: store.location.directory) }
            let staff = try StoreAccess.reporting(l) { try store.staff() }
            guard let me = staff.first(where: { $0.role == role.role }) else {
                Console.error(l.pick("De voorbeelddata heeft geen medewerker met de rol \(role.rawValue).",
                                     "The sample data has no member of staff with the role \(role.rawValue)."))
                throw Failure(status: Exit.badData)
            }
            try WorkstationLauncher.run(store: store, staff: me, global: global, theme: theme)
        } catch let failure as Failure {
            throw ExitCode(failure.status)
        }
    }
}

/// Where the sample data is: `KEUKENTAFEL_SAMPLE_DATA`, beside the package the binary was
/// built from, or `./sample-data`.
enum SampleData {
    static func locate() -> String? {
        let files = FileManager.default
        if let set = ProcessInfo.processInfo.environment["KEUKENTAFEL_SAMPLE_DATA"], !set.isEmpty { return set }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("sample-data")
            if files.fileExists(atPath: candidate.appendingPathComponent("staff.json").path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        let here = files.currentDirectoryPath + "/sample-data"
        return files.fileExists(atPath: here + "/staff.json") ? here : nil
    }
}
