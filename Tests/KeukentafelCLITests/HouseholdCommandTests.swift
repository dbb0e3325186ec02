import Foundation
import Testing

/// `keukentafel household new|assign|close|reopen` and import's duplicate warning, on a
/// real store made with `init`, through the binary: output, exit status, audit rows.
@Suite("keukentafel household: a case from intake to closing, for scripts")
struct HouseholdCommandTests {
    static let jansen = ["--applicant", "Sanne Jansen 12-04-1991 111222333", "--address", "Westzijde 12 a, 1506ea Zaandam",
                         "--partner", "Ahmed El Amrani 02-02-1989", "--child", "Mila Jansen 01-09-2021", "--child", "Zoë Jansen 14-03-2018"]

    @Test("new: a household of four from typed lines; the same family again refused (65) until --despite-duplicates")
    func new() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try StoreCommandTests.initStore(folder)
            let made = try CLI.run(["household", "new", "--store", store, "--json"] + Self.jansen)
            #expect(made.status == 0, "\(made.stderr)")
            let json = try CLI.object(made.stdout)
            let id = try #require(json["id"] as? String)
            #expect(json["name"] as? String == "Huishouden Jansen")
            #expect(json["members"] as? Int == 4)
            let export = try CLI.run(["export", id, "--store", store])
            #expect(export.stdout.contains("\"street\": \"Westzijde 12A\""))
            #expect(export.stdout.contains("\"postcode\": \"1506 EA\""))
            #expect(export.stdout.contains("\"role\": \"partner\""))

            let again = try CLI.run(["household", "new", "--store", store, "--json"] + Self.jansen)
            #expect(again.status == 65)
            let refused = try CLI.object(again.stdout)
            #expect(refused["id"] is NSNull)
            let duplicates = try #require(refused["duplicates"] as? [[String: Any]])
            #expect(duplicates.map { $0["householdId"] as? String } == [id])
            #expect(again.stderr.hasPrefix("Dit gezin staat mogelijk al in de opslag:\n  \(id) Huishouden Jansen"))
            #expect(again.stderr.contains("BSN van Sanne Jansen"))

            let knowingly = try CLI.run(["household", "new", "--store", store, "--despite-duplicates"] + Self.jansen)
            #expect(knowingly.status == 0)
            #expect(knowingly.stderr.hasPrefix("Let op: bewust opgeslagen naast \(id) Huishouden Jansen"))
            let second = knowingly.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let audit = try CLI.run(["audit", "show", second, "--store", store])
            #expect(audit.stdout.contains("went on knowingly despite possible duplicates: \(id)"), "\(audit.stdout)")
        }
    }

    @Test("new: each mistake named with its option, nothing saved, exit 65")
    func newMistakes() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try StoreCommandTests.initStore(folder)
            let run = try CLI.run(["household", "new", "--store", store, "--applicant", "Piet 31-02-1990 123456789",
                                   "--address", "Oost 3, 0506 EA Zaandam", "--child", "Kees", "--lang", "en"])
            #expect(run.status == 65)
            #expect(run.stderrLines == [
                "--applicant: 31-02-1990 is not a date; write dd-mm-yyyy.",
                "--applicant: 123456789 is not a valid BSN (it fails the 11-test); check the digits or leave the BSN out.",
                "--address: 0506 EA is not a postcode: a postcode does not start with 0. Write four digits and two letters, like 1506 EA.",
                "--child \"Kees\": Add the birth date, as dd-mm-yyyy.",
                "",
            ])
            #expect(try CLI.run(["household", "close", "hh-000001", "--store", store, "--reason", "weg"]).status == 64)
        }
    }

    @Test("assign with a note, close with a reason, reopen: each --json, each with its audit row")
    func assignCloseReopen() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try StoreCommandTests.initStore(folder)
            let id = try CLI.run(["household", "new", "--store", store] + Self.jansen).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try CLI.run(["staff", "add", "w.west", "--name", "Wim West", "--role", "caseworker", "--team", "Wijkteam West",
                                 "--store", store]).status == 0)
            let unknown = try CLI.run(["household", "assign", id, "--to", "nobody", "--store", store])
            #expect(unknown.status == 64)
            #expect(unknown.stderr.hasPrefix("nobody staat niet als regisseur of teamleider in de medewerkerslijst"))
            let assigned = try CLI.run(["household", "assign", id, "--to", "w.west", "--note", "Belt liever na 16 uur", "--store", store, "--json"])
            #expect(assigned.status == 0, "\(assigned.stderr)")
            let json = try CLI.object(assigned.stdout)
            #expect(json["caseworker"] as? String == "w.west" && json["team"] as? String == "Wijkteam West")

            let noNote = try CLI.run(["household", "close", id, "--reason", "overgedragen", "--store", store])
            #expect(noNote.status == 65)
            #expect(noNote.stderr == "Bij \"overgedragen aan…\" hoort een toelichting: aan wie, of waarom. Vul die in.\n")
            let closed = try CLI.run(["household", "close", id, "--reason", "overgedragen", "--note", "Schuldhulp Zaanstad",
                                      "--date", "30-11-2026", "--store", store, "--json"])
            #expect(closed.status == 0, "\(closed.stderr)")
            #expect(try CLI.canonical(closed.stdout)
                    == #"{"closedOn":"2026-11-30","id":"\#(id)","note":"Schuldhulp Zaanstad","reason":"overgedragen","status":"closed"}"#)
            #expect(try CLI.run(["household", "close", id, "--reason", "verhuisd", "--store", store]).status == 64)
            let reopened = try CLI.run(["household", "reopen", id, "--store", store, "--json"])
            #expect(try CLI.canonical(reopened.stdout) == #"{"id":"\#(id)","status":"open"}"#)
            let audit = try CLI.run(["audit", "show", id, "--store", store]).stdout
            for action in ["household.intake", "household.assign", "household.close", "household.reopen"] {
                #expect(audit.contains(action), "\(action) not in the audit trail: \(audit)")
            }
        }
    }

    @Test("import warns of a family in the store already; --strict refuses it all (65)")
    func importDuplicates() throws {
        try CLI.withTemporaryDirectory { folder in
            let store = try StoreCommandTests.initStore(folder)
            #expect(try CLI.run(["import", "--store", store, CLI.sample]).status == 0)
            let copy = folder.appendingPathComponent("again.json")
            try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.sample), encoding: .utf8)
                .replacingOccurrences(of: "hh-demo-0001", with: "hh-again").replacingOccurrences(of: "\"gr-1\"", with: "\"gr-again\"")
                .write(to: copy, atomically: true, encoding: .utf8)
            let strict = try CLI.run(["import", "--strict", "--store", store, copy.path])
            #expect(strict.status == 65)
            #expect(strict.stderr.hasPrefix("Niets geïmporteerd (--strict): deze gezinnen staan mogelijk al in de opslag.\n\(copy.path): hh-demo-0001"))
            let warned = try CLI.run(["import", "--store", store, copy.path])
            #expect(warned.status == 0)
            #expect(warned.stdout == "hh-again\n")
            #expect(warned.stderr.hasPrefix("Let op: \(copy.path): dit gezin staat mogelijk al in de opslag: hh-demo-0001"))
        }
    }
}
