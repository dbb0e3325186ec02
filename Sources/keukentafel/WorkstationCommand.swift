import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel`: the workstation on the store (the default one unless --store says
/// otherwise), as the OS user on the staff list.
struct WorkstationCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open de werkplek (standaard). / Open the workstation (the default)."
    )

    @Option(name: .long, help: ArgumentHelp("Kleurenschema: default, high-contrast, monochrome. / Colour theme.", valueName: "name"))
    var theme: String?

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        try WorkstationStart(store: global.store, lang: global.lang, theme: theme).execute()
    }
}

/// `keukentafel demo [--role ROLE | --as USER] [--store PATH]`: the workstation on a copy of
/// the sample data. Without --store the copy is fresh and removed on exit; with --store it is
/// a practice store that stays and can be shared. Trainers use it; it never touches a real
/// store.
struct DemoCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "De werkplek op een oefenkopie van de voorbeelddata. / The workstation on a practice copy of the sample data.",
        discussion: """
            Zonder --store staat de kopie in een tijdelijke map en verdwijnt ze bij afsluiten. Met --store PAD blijft \
            een oefenopslag staan die meer mensen tegelijk kunnen openen (elk met --as): gemaakt als PAD nog niet \
            bestaat, geopend als het een oefenopslag is; een echte opslag wordt geweigerd. / Without --store the copy \
            lives in a temporary folder and is removed on exit. With --store PATH a practice store stays that several \
            people can open at once (each with --as): made when PATH does not exist, opened when it is a practice \
            store; a real store is refused.
            """
    )

    @Option(name: .long, help: "caseworker | teamleader | trainer")
    var role: RoleOption = .caseworker

    // Only here, in demo stores, where F9 already lets anyone work as any member of the demo
    // staff: a real store knows you by your OS user and has no such option.
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Werk als dit lid van de demostaf, bv. s.elidrissi (gaat voor --role). / Work as this member of the demo staff (beats --role).",
        valueName: "user"))
    var asUser: String?

    @Option(name: .long, help: ArgumentHelp("Kleurenschema. / Colour theme.", valueName: "name"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("De map met voorbeelddata (standaard sample-data van het pakket). / The sample-data folder.",
                                            valueName: "folder"))
    var sampleData: String?

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        guard let folder = sampleData ?? SampleData.locate() else {
            Console.error(l.pick("De voorbeelddata (sample-data/) is niet gevonden. Geef de map met --sample-data.",
                                 "The sample data (sample-data/) was not found. Name the folder with --sample-data."))
            throw Failure(status: Exit.storage)
        }
        let shared = global.store
        let clock = try ProgramClock.make()
        let store = try StoreAccess.reporting(l) {
            try shared.map { try Self.practiceStore(at: $0, sampleData: folder, clock: clock) } ?? Store.createDemo(from: folder, clock: clock)
        }
        // A fresh copy goes when the workstation closes (a kill leaves it in /tmp, 0700);
        // a practice store named with --store stays for the others who use it.
        defer { if shared == nil { try? FileManager.default.removeItem(atPath: store.location.directory) } }
        let staff = try StoreAccess.reporting(l) { try store.staff() }
        let chosen: StaffMember?
        if let asUser { chosen = staff.first { $0.user == asUser } } else { chosen = staff.first { $0.role == role.role } }
        guard let me = chosen else {
            if let asUser {
                let users = staff.map { $0.user }.joined(separator: ", ")
                Console.error(l.pick("\(asUser) hoort niet bij de demostaf (\(users)).", "\(asUser) is not on the demo staff (\(users))."))
                throw Failure(status: Exit.usage)
            }
            Console.error(l.pick("De voorbeelddata heeft geen medewerker met de rol \(role.rawValue).",
                                 "The sample data has no member of staff with the role \(role.rawValue)."))
            throw Failure(status: Exit.badData)
        }
        try WorkstationLauncher.run(store: store, staff: me, global: global, theme: theme)
    }

    /// The practice store at `path`: opened when it is one, made from the sample data when
    /// nothing is there. A real store is refused (the kind is written inside the database),
    /// and so is the default location, which only ever holds a real store.
    static func practiceStore(at path: String, sampleData: String, clock: WallClock) throws -> Store {
        let location = StoreLocation.resolve(option: path, environment: [:])
        if location.path == StoreLocation.defaultPath(environment: ProcessInfo.processInfo.environment) {
            throw StoreError.realStoreOpenedAsDemo(path: location.path)
        }
        // Two people starting on a new practice store at the same moment: the second waits
        // until the first has made it (households, staff, signals), instead of opening a
        // half-made file. A lock file beside it, held while looking and making.
        let lock = lockPracticeFolder(location.directory)
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        if FileManager.default.fileExists(atPath: location.path) { return try Store.open(at: location, kind: .demo, clock: clock) }
        do {
            return try Store.createDemo(from: sampleData, at: location, clock: clock)
        } catch StoreError.alreadyExists {
            return try Store.open(at: location, kind: .demo, clock: clock)   // made by someone else a moment ago
        }
    }
}

/// Takes the lock of a practice store's folder (made 0700 when it is new); -1 when there is
/// none to take (a folder of someone else's that this user may only read).
private func lockPracticeFolder(_ folder: String) -> Int32 {
    if !FileManager.default.fileExists(atPath: folder) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let path = folder + "/.keukentafel-practice.lock"
    var fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o660)
    if fd < 0 { fd = open(path, O_RDONLY | O_CLOEXEC) }
    if fd >= 0 { flock(fd, LOCK_EX) }
    return fd
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
