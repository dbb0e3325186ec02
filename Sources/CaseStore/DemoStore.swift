import Casework
import Foundation
import GRDB

/// Demo copies for training: a store built from the sample data and marked as demo inside
/// the database — a throwaway one in a temporary folder, or a shared one at a chosen place.
extension Store {
    public static let staffFileFormat = "keukentafel-staff/1"

    /// Builds a demo store from `sampleData` (its `staff.json` and `hh-*.json` files) in a
    /// new temporary folder under `temporaryRoot`. The caller removes the folder when done.
    public static func createDemo(from sampleData: String, temporaryRoot: String = NSTemporaryDirectory(),
                                  clock: WallClock) throws -> Store {
        let template = (temporaryRoot.hasSuffix("/") ? temporaryRoot : temporaryRoot + "/") + "keukentafel-demo-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else {
            throw StoreError.cannotCreate(path: template, reason: String(cString: strerror(errno)))
        }
        // mkdtemp creates the folder 0700: the demo data is fictitious, but kept like real data.
        let folder = String(decoding: bytes.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return try createDemo(from: sampleData, at: StoreLocation(path: folder + "/demo.sqlite"), clock: clock)
    }

    /// Builds a demo store from `sampleData` at `location` (a practice store that several
    /// people can open, kept until someone removes it). Refuses a file that exists and the
    /// default location, which only ever holds a real store.
    public static func createDemo(from sampleData: String, at location: StoreLocation,
                                  clock: WallClock) throws -> Store {
        let staff = try readStaffFile(sampleData + "/staff.json")
        guard let first = staff.first(where: { $0.role == .teamleader }) ?? staff.first else {
            throw StoreError.database("\(sampleData)/staff.json lists no staff")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sampleData)) ?? []
        let caseFiles = names.filter { $0.hasPrefix("hh-") && $0.hasSuffix(".json") }.sorted()
        let store = try create(at: location, kind: .demo, firstStaff: first, clock: clock)
        try store.change(by: first.actor, household: nil, action: "staff.add", detail: "demo staff from sample data") { db, at in
            for var member in staff where member.user != first.user {
                member.addedBy = first.user
                member.addedAt = at.iso
                try member.insert(db)
            }
        }
        let sources = try caseFiles.map { name -> CaseFileSource in
            guard let data = FileManager.default.contents(atPath: sampleData + "/" + name) else {
                throw StoreError.cannotOpen(path: sampleData + "/" + name, reason: "cannot read")
            }
            return CaseFileSource(name: name, bytes: Array(data))
        }
        _ = try store.importCaseFiles(sources, by: first.actor)
        // The demo municipality (its name on the letters), as a team leader would set it.
        if let data = FileManager.default.contents(atPath: sampleData + "/municipality.json") {
            switch Municipality.read(text: String(decoding: data, as: UTF8.self)) {
            case .success(let m): try store.setMunicipality(m, by: first.actor)
            case .failure(let rejection):
                throw StoreError.ruleFileRefused(file: sampleData + "/municipality.json", rejection.problems)
            }
        }
        // Early-warning signals as a partner delivers them (DDAS), matched as an import would.
        if let data = FileManager.default.contents(atPath: sampleData + "/vroegsignalen.json") {
            switch DDASDelivery.readSignals(String(decoding: data, as: UTF8.self)) {
            case .success(let signals): _ = try store.importSignals(signals, by: first.actor)
            case .failure(let rejection):
                throw StoreError.ruleFileRefused(file: sampleData + "/vroegsignalen.json", rejection.problems)
            }
        }
        return store
    }

    /// Reads a staff file: `{ "format": "keukentafel-staff/1", "staff": [ { "user", "name", "role", "team" } ] }`.
    public static func readStaffFile(_ path: String) throws -> [StaffMember] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "cannot read")
        }
        guard case .success(let json) = JSONParser.parse(Array(data)),
              json.objectValue?["format"]?.stringValue == staffFileFormat,
              let list = json.objectValue?["staff"]?.arrayValue else {
            throw StoreError.database("\(path) is not a \(staffFileFormat) file")
        }
        return try list.map { item in
            guard let o = item.objectValue, let user = o["user"]?.stringValue, let name = o["name"]?.stringValue,
                  let role = o["role"]?.stringValue.flatMap(Actor.Role.init(rawValue:)) else {
                throw StoreError.database("\(path): every staff member needs user, name and role")
            }
            return StaffMember(user: user, name: name, role: role, team: o["team"]?.stringValue ?? "")
        }
    }
}
