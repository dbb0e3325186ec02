import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sampleData = packageRoot.appendingPathComponent("sample-data").path

let leader = StaffMember(user: "j.bakker", name: "Jeroen Bakker", role: .teamleader, team: "Wijkteam Oost")
let caseworker = Actor(user: "r.westra", role: .caseworker)
let otherCaseworker = Actor(user: "s.elidrissi", role: .caseworker)

/// The clock of a store whose moments do not matter to the test: fixed, so no test depends
/// on the day it runs.
let testClock = WallClock.fixed(Moment(iso: "2026-11-23T09:00:00+01:00")!)

/// A fixed clock that ticks one second per reading, so audit rows have distinct times.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = Moment(iso: "2026-11-23T09:00:00+01:00")!.epochSeconds
    func now() -> Moment {
        lock.lock(); defer { lock.unlock() }
        seconds += 1
        return Moment(epochSeconds: seconds, offsetMinutes: 60)
    }
}

/// A temporary folder, removed after `body`.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("keukentafel-store-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
}

/// A store of 300 synthetic households (seed 5), in a temporary folder.
func withSyntheticStore<T>(_ body: (Store) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        let store = try Store.createSynthetic(at: StoreLocation(path: folder + "/s/k.sqlite"), households: 300, seed: 5,
                                              teamleader: leader, clock: testClock)
        return try body(store)
    }
}

/// A new store in `folder` with the team leader and the two caseworkers on its staff.
func makeStore(in folder: String, clock: TestClock = TestClock()) throws -> Store {
    let store = try Store.create(at: StoreLocation(path: folder + "/store/keukentafel.sqlite"), firstStaff: leader,
                                 clock: WallClock { clock.now() })
    try store.addStaff(StaffMember(user: "r.westra", name: "Roos Westra", role: .caseworker), by: leader.actor)
    try store.addStaff(StaffMember(user: "s.elidrissi", name: "Samira El Idrissi", role: .caseworker), by: leader.actor)
    try store.addStaff(StaffMember(user: "a.dekker", name: "Anouk Dekker", role: .trainer), by: leader.actor)
    return store
}

func sampleFileNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: sampleData)
        .filter { $0.hasPrefix("hh-") && $0.hasSuffix(".json") }.sorted()
}

func sampleSource(_ name: String) throws -> CaseFileSource {
    let data = try #require(FileManager.default.contents(atPath: sampleData + "/" + name), "cannot read \(name)")
    return CaseFileSource(name: name, bytes: Array(data))
}

func caseFile(_ source: CaseFileSource) throws -> CaseFile {
    try CaseFileReader.read(bytes: source.bytes).get()
}

/// How many rows `table` has, read straight from the file.
func count(_ store: Store, _ table: String) throws -> Int {
    try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
}
