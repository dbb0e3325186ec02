import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

@Suite("A start's reads on the writer's connection")
struct ReadingOnWriterTests {
    /// Connections of this process to the store's file: SQLite opens the file once for each,
    /// so its descriptors in /proc/self/fd count them.
    func connections(to path: String) throws -> Int {
        let files = FileManager.default
        return try files.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
            (try? files.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd)) == path
        }.count
    }

    @Test("Opening, who is working and a start's reads use the writer only; the first read after opens a reader")
    func oneConnectionUntilTheStartIsDone() throws {
        try withTemporaryFolder { folder in
            let path = try makeStore(in: folder).location.path   // its connections closed with it
            let before = try connections(to: path)
            let store = try Store.open(at: StoreLocation(path: path), clock: testClock)
            #expect(try connections(to: path) == before + 1)
            let (member, staff, names) = try store.readingOnWriter {
                (try store.readingOnWriter { try store.staffMember("r.westra") }, try store.staff().count,
                 try store.read { db in try String.fetchAll(db, sql: "SELECT name FROM staff ORDER BY name") })
            }
            #expect(member.name == "Roos Westra")
            #expect(staff == 4)
            #expect(names == ["Anouk Dekker", "Jeroen Bakker", "Roos Westra", "Samira El Idrissi"])
            #expect(try connections(to: path) == before + 1)
            #expect(try store.staff().count == 4)
            #expect(try connections(to: path) == before + 2)
        }
    }

    @Test("A read on the writer's connection cannot write")
    func readOnlyOnTheWriter() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            #expect(throws: StoreError.self) {
                try store.readingOnWriter { try store.read { db in try db.execute(sql: "DELETE FROM staff") } }
            }
            #expect(try count(store, "staff") == 4)
            // and the writer writes as before once the start is done
            try store.addStaff(StaffMember(user: "p.devries", name: "Pim de Vries", role: .caseworker), by: leader.actor)
            #expect(try count(store, "staff") == 5)
        }
    }
}
