import Foundation
import GRDB
import Testing

/// Two workstation processes in two tmux servers on one store
/// file, as two caseworkers of a shared practice store (`demo --store PATH --as USER`; a real
/// store knows people by their OS user, and the test has only one). Both edit the same
/// ledger line and the same conversation; the store is checked after both have quit.
@Suite("Two caseworkers at once under tmux", .serialized)
struct ConcurrentCaseworkersTests {
    /// hh-demo-0001 from all households, by search.
    static func openJansen(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        tmux.waitFor("Mijn huishoudens", sourceLocation: sourceLocation)
        try tmux.keys("F4")
        tmux.waitFor("Alle huishoudens", sourceLocation: sourceLocation)
        try tmux.keys("/")
        try tmux.type("jansen")
        tmux.waitFor("1 huishouden ", sourceLocation: sourceLocation)
        try tmux.keys("Enter", "Enter")
        tmux.waitFor("Leefgebieden (ZRM)", sourceLocation: sourceLocation)
    }

    /// The moment both workstations live in (KEUKENTAFEL_NOW): every save, audit row and
    /// message carries it, whatever day the test runs.
    static let now = "2026-11-23T10:00:00+01:00"

    @Test("Same ledger line, same conversation: the second save is refused, both versions shown, nothing lost, both saves audited at the program's clock")
    func sameLineSameConversation() throws {
        let binary = try Tmux.requireBinary()
        try CLI.withTemporaryDirectory { folder in
            let store = folder.appendingPathComponent("oefen/demo.sqlite").path
            let environment = Tmux.sampleData.merging(["KEUKENTAFEL_NOW": Self.now]) { $1 }
            let roos = try Tmux(folder: folder, width: 120, height: 40, environment: environment)
            let samira = try Tmux(folder: folder, width: 120, height: 40, environment: environment)
            try roos.shell("\(Tmux.quote(binary.path)) demo --store \(Tmux.quote(store)) --as r.westra; echo EXIT=$?")
            roos.waitFor("Roos Westra")
            try samira.shell("\(Tmux.quote(binary.path)) demo --store \(Tmux.quote(store)) --as s.elidrissi; echo EXIT=$?")
            samira.waitFor("Samira El Idrissi")
            try Self.openJansen(roos)
            try Self.openJansen(samira)

            // The ledger: both edit Salaris; Samira saves first.
            for (tmux, amount) in [(roos, "1800"), (samira, "1700")] {
                try tmux.keys("2")
                tmux.waitFor("Salaris")
                try tmux.keys("Enter", "Tab")
                try tmux.run(["send-keys", "-t", tmux.session] + Array(repeating: "BSpace", count: 12))
                try tmux.type(amount)
                tmux.waitFor("€ 1.\(amount.dropFirst()),00 per maand")
            }
            try samira.keys("Enter")
            samira.waitFor("Bewaard: Salaris.")
            try roos.keys("Enter")
            roos.waitFor("Niet bewaard: Samira El Idrissi wijzigde \"Salaris\" om 10:00.")
            let refused = roos.screen
            #expect(refused.contains("Nu opgeslagen door Samira El Idrissi om 10:00:"))
            #expect(refused.contains("Samira: € 1.700,00"))
            #expect(refused.contains("Bedrag        1800"), "Roos's typed amount left the form")
            try roos.keys("Enter")
            roos.waitFor("Bewaard: Salaris, over de versie van Samira El Idrissi heen.")

            // The conversation: both add to the Financiën note; Samira saves first.
            for (tmux, note) in [(roos, " Roos: budgetplan gemaakt."), (samira, " Samira: schuldhulp gebeld.")] {
                try tmux.keys("3")
                tmux.waitFor("Nieuw gesprek")
                try tmux.keys("Enter")
                tmux.waitFor("Eigen kracht")
                try tmux.keys("Tab")
                try tmux.type(note)
                tmux.waitFor(String(note.dropFirst()))
            }
            try samira.keys("F2")
            samira.waitFor("Gesprek opgeslagen.")
            try roos.keys("F2")
            roos.waitFor("Niet opgeslagen: Samira El Idrissi sloeg dit gesprek om 10:00")
            let both = roos.screen
            #expect(both.contains("Versie van Samira El Idrissi, opgeslagen om 10:00"))
            #expect(both.contains("Roos: budgetplan gemaakt.") && both.contains("Samira: schuldhulp gebeld."), "not both versions in view")
            try roos.keys("C-o")
            roos.waitFor("staat onder de uwe")
            try roos.keys("F2")
            roos.waitFor("Gesprek opgeslagen, over de versie van Samira El Idrissi heen.")

            for tmux in [roos, samira] {
                try tmux.keys("Escape")
                tmux.waitFor("Alle huishoudens")
                try tmux.keys("F10")
                tmux.waitFor("EXIT=0")
            }

            // Both changes are accounted for: Roos's line is the one in force, Samira's is in
            // the trail it replaced; the note holds both texts; every save has its audit row.
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: store, configuration: configuration)
            try queue.read { db in
                #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
                let salary = try String.fetchOne(db, sql: """
                    SELECT json_extract(document, '$.amount') FROM ledger_line
                    WHERE householdId = 'hh-demo-0001' AND json_extract(document, '$.label') = 'Salaris'
                    """)
                #expect(salary == "1800.00")
                let note = try String.fetchOne(db, sql: """
                    SELECT json_extract(document, '$.domains.financien') FROM conversation WHERE householdId = 'hh-demo-0001'
                    """) ?? ""
                #expect(note.contains("Roos: budgetplan gemaakt.") && note.contains("Samira: schuldhulp gebeld."), "the note is \(note)")
                let trail = try Row.fetchAll(db, sql: """
                    SELECT at, user, action, detail FROM audit WHERE householdId = 'hh-demo-0001'
                    AND action IN ('ledger.update', 'conversation.update') ORDER BY id
                    """).map { (at: $0["at"] as String, user: $0["user"] as String, action: $0["action"] as String,
                                detail: $0["detail"] as String) }
                #expect(trail.map(\.at) == Array(repeating: Self.now, count: 4), "saves stamped with another clock")
                // Every row either program wrote carries the fixed moment: the store creation, the import, the views.
                let moments = try String.fetchAll(db, sql: "SELECT DISTINCT at FROM audit")
                #expect(moments == [Self.now])
                #expect(trail.map { "\($0.user) \($0.action)" } == ["s.elidrissi ledger.update", "r.westra ledger.update",
                                                                     "s.elidrissi conversation.update", "r.westra conversation.update"])
                #expect(trail.first?.detail == "income 'Salaris': amount: \"1750.00\" → \"1700.00\"")
                #expect(trail.count == 4 && trail[1].detail.hasPrefix("income 'Salaris': amount: \"1700.00\" → \"1800.00\"; saved knowingly over version 2 by s.elidrissi"))
                #expect(trail.count == 4 && trail[3].detail.contains("; saved knowingly over version 2 by s.elidrissi"))
            }
        }
    }

    @Test("demo --store refuses a real store, and --as only takes a member of the demo staff")
    func practiceStoreGuards() throws {
        try CLI.withTemporaryDirectory { folder in
            let real = folder.appendingPathComponent("echt/k.sqlite").path
            #expect(try CLI.run(["init", "--store", real, "--name", "Test Teamleider", "--team", "Wijkteam Oost"]).status == 0)
            let refused = try CLI.run(["demo", "--store", real, "--as", "r.westra"])
            #expect(refused.status == 74)
            #expect(refused.stderr.contains("is een echte opslag en kan niet als oefenopslag (demo) worden geopend"))

            let practice = folder.appendingPathComponent("oefen/demo.sqlite").path
            let stranger = try CLI.run(["demo", "--store", practice, "--as", "mallory"])
            #expect(stranger.status == 64)
            #expect(stranger.stderr.contains("mallory hoort niet bij de demostaf (a.dekker, j.bakker, r.westra, s.elidrissi)"))
            // The practice store was made, and stays, private like a real one.
            let mode = try FileManager.default.attributesOfItem(atPath: practice)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            // A real workstation does not open it.
            let asReal = try CLI.run(["staff", "list", "--store", practice])
            #expect(asReal.status == 74)
        }
    }
}
