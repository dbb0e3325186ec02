import Foundation
import GRDB
import Testing

/// Roles on the command line: the OS user's role from the staff list decides.
@Suite("Roles on the command line")
struct RoleCommandTests {
    /// A store made by `init` (the OS user leads the team) with the sample households, after
    /// which the OS user is made a trainer straight in the file, as a staff list could say.
    static func storeWithOSUserAsTrainer(_ folder: URL) throws -> String {
        let path = try StoreCommandTests.initStore(folder)
        let samples = try StoreCommandTests.samples().map { CLI.packageRoot.appendingPathComponent($0).path }
        let imported = try CLI.run(["import", "--store", path] + samples)
        #expect(imported.status == 0, "\(imported.stderr)")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "UPDATE staff SET role = 'trainer'") }
        try queue.close()
        return path
    }

    @Test("A trainer cannot open a real store at all: not the workstation, not an export, not the staff list")
    func trainerRefusedOnRealStore() throws {
        try CLI.withTemporaryDirectory { folder in
            let path = try Self.storeWithOSUserAsTrainer(folder)
            for arguments in [["--store", path], ["export", "hh-demo-0001", "--store", path],
                              ["overview", "hh-demo-0001", "--store", path], ["staff", "list", "--store", path]] {
                let run = try CLI.run(arguments)
                #expect(run.status == 64, "\(arguments): \(run.stderr)")
                #expect(run.stderr.contains("werkt alleen met oefengegevens: start `keukentafel demo`"), "\(arguments): \(run.stderr)")
                #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
            }
            // nothing about a household was shown, so nothing was viewed
            let queue = try DatabaseQueue(path: path)
            let views = try queue.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE action IN ('household.export', 'household.overview')")
            }
            #expect(views == 0)
        }
    }
}
