import Foundation
import Terminal
import Testing
@testable import Workstation

/// docs/keys.md is the program's key table: every key, its one meaning, and the commands
/// that use it. It must say exactly what the declarations say.
@Suite("docs/keys.md and the declared commands")
struct KeyTableTests {
    static let document = packageRoot.appendingPathComponent("docs/keys.md")

    /// Key → the names of the commands it triggers, from the declarations.
    static var declared: [String: [String]] {
        var keys: [String: Set<String>] = [:]
        for command in Command.all {
            for key in command.info(.nl).keys { keys[key.label, default: []].insert(command.name) }
        }
        return keys.mapValues { $0.sorted() }
    }

    /// Key → commands, from the table's rows: `| `F2` `Ctrl-S` | meaning | save |`.
    static func documented() throws -> [String: [String]] {
        let text = try String(contentsOf: document, encoding: .utf8)
        var keys: [String: [String]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            let names = cells[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.sorted()
            // every key of the first cell, written `F2` `Ctrl-S`
            for part in cells[1].split(separator: "`", omittingEmptySubsequences: true) where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                keys[String(part), default: []] = names
            }
        }
        return keys
    }

    @Test("Every declared key is in docs/keys.md with exactly its commands, and nothing else is")
    func documentMatches() throws {
        let declared = Self.declared, documented = try Self.documented()
        let expected = declared.keys.sorted().map { "| `\($0)` | … | \(declared[$0]!.joined(separator: ", ")) |" }.joined(separator: "\n")
        #expect(Set(documented.keys) == Set(declared.keys), "docs/keys.md lists other keys; the declarations give:\n\(expected)")
        for (key, names) in declared {
            #expect(documented[key] == names, "\(key): docs/keys.md says \(documented[key] ?? []), the declarations \(names)")
        }
    }

    @Test("A function key means one thing: each belongs to one command")
    func functionKeysHaveOneMeaning() {
        for (key, names) in Self.declared where key.hasPrefix("F") {
            #expect(names.count == 1, "\(key) is \(names.joined(separator: " and "))")
        }
    }

    @Test("No screen offers two commands on one key at the same moment")
    func noKeyTwiceInATable() throws {
        // Every state a golden screen shows, through the app: each table's keys are distinct.
        try withDemoApp(user: "j.bakker") { app in
            func check(_ what: String) {
                var seen: [Key: Command] = [:]
                for action in app.front.table(app.context()).actions {
                    for key in action.keys {
                        if let other = seen[key], other != action.id { Issue.record("\(what): \(key.label) is \(other.name) and \(action.id.name)") }
                        seen[key] = action.id
                    }
                }
            }
            check("caseload")
            try open("hh-demo-0001", in: app)
            for tab in ["1", "2", "3", "4"] {
                app.handle(.key(.character(Character(tab)))); check("tab \(tab)")
                app.handle(.key(.character("a"))); check("tab \(tab), a form")
                app.handle(.key(.escape)); if app.state.household?.conversations?.confirmClose == true { check("closing"); app.handle(.key(.character("d"))) }
            }
        }
    }
}
