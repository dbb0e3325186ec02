import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

@Suite("Units of work: versions, conflicts and audit rows")
struct ConcurrencyTests {
    @Test("Two connections save the same line: the second is refused with who and when, nothing is lost")
    func staleVersionRefused() throws {
        try withTemporaryFolder { folder in
            let clock = TestClock()
            let first = try makeStore(in: folder, clock: clock)
            let ids = try first.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)
            // A second, independent store object on the same file: its own connections, as a
            // second workstation process would have.
            let second = try Store.open(at: first.location, clock: WallClock { clock.now() })

            let mine = try #require(try first.ledgerLines(household: ids[0]).first)
            let theirs = try #require(try second.ledgerLines(household: ids[0]).first)
            #expect(mine == theirs)
            guard case .income(var salary) = mine.entry else { Issue.record("first line is not income"); return }

            salary.amount = Money(cents: 170_000)
            let saved = try first.updateLedgerLine(mine, to: .income(salary), by: caseworker)
            #expect(saved.version == mine.version + 1)
            #expect(saved.changedBy == "r.westra")

            var theirSalary = salary
            theirSalary.amount = Money(cents: 180_000)
            do {
                _ = try second.updateLedgerLine(theirs, to: .income(theirSalary), by: otherCaseworker)
                Issue.record("the stale save went through")
            } catch let error as StoreError {
                #expect(error == .conflict(what: "Salaris", by: "r.westra", at: saved.changedAt))
                #expect(error.message(in: .nl).hasPrefix("\"Salaris\" is intussen gewijzigd door r.westra (2026-11-23T09:00:"))
            }
            // the first change is kept; the refused one left no trace but its absence
            let now = try second.ledgerLines(household: ids[0]).first
            #expect(now == saved)
            let trail = try first.auditTrail(household: ids[0]).map(\.action)
            #expect(trail == ["household.import", "ledger.update"])

            // based on the new version, the second caseworker's save goes through
            let again = try second.updateLedgerLine(try #require(now), to: .income(theirSalary), by: otherCaseworker)
            #expect(again.version == saved.version + 1)
            #expect(try first.caseFile(ids[0]).finances.income[0].amount == Money(cents: 180_000))
        }
    }

    @Test("Each change writes one audit row saying what changed")
    func auditDetail() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let ids = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)
            let lines = try store.ledgerLines(household: ids[0])
            let rent = try #require(lines.first { $0.entry.label == "Huur" })
            guard case .expense(var expense) = rent.entry else { Issue.record("Huur is not an expense"); return }
            expense.amount = Money(cents: 89_950)
            _ = try store.updateLedgerLine(rent, to: .expense(expense), by: caseworker)
            let added = try store.addLedgerLine(.expense(ExpenseLine(label: "Gas en licht", amount: Money(cents: 14_500),
                                                                     frequency: .month, category: .energieWater)),
                                                household: ids[0], by: caseworker)
            #expect(added.position == 2)
            try store.deleteLedgerLine(added, by: caseworker)
            let trail = try store.auditTrail(household: ids[0])
            #expect(trail.map(\.action) == ["household.import", "ledger.update", "ledger.add", "ledger.delete"])
            #expect(trail[1].detail == "expense 'Huur': amount: \"875.00\" → \"899.50\"")
            #expect(try store.caseFile(ids[0]).finances.expenses.map(\.label) == ["Huur", "Kinderopvang"])
            // deleting again, from the stale copy: the row is gone, and the message says so
            #expect(throws: StoreError.rowGone(what: "Gas en licht")) { try store.deleteLedgerLine(added, by: caseworker) }
        }
    }

    @Test("A change that fails inside its unit of work leaves neither the change nor an audit row")
    func rollback() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let audit = try count(store, "audit")
            struct Boom: Error {}
            #expect(throws: StoreError.self) {
                try store.change(by: caseworker, household: nil, action: "test", detail: "") { db, at in
                    try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('half', 'written')")
                    throw Boom()
                }
            }
            #expect(try count(store, "audit") == audit)
            #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'half'") } == nil)
        }
    }
}

@Suite("Two processes on one store")
struct TwoProcessTests {
    /// Another process saves the line first — here a Python process speaking to the same
    /// file with the store's own versioning protocol — and our stale save must be refused.
    @Test("A save from another process wins; ours is refused naming who and when, nothing lost")
    func otherProcessSavesFirst() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let ids = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: caseworker)
            let line = try #require(try store.ledgerLines(household: ids[0]).first)

            let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1], timeout=5)
            db.execute("PRAGMA foreign_keys = ON")
            with db:
                cur = db.execute(
                    "UPDATE ledger_line SET document = ?, version = version + 1, changedBy = 's.elidrissi', "
                    "changedAt = '2026-11-23T10:30:00+01:00' WHERE id = ? AND version = ?",
                    ('{"label":"Salaris","amount":"1725.00","frequency":"month","kind":"salary","member":"Sanne Jansen"}',
                     int(sys.argv[2]), int(sys.argv[3])))
                print(cur.rowcount)
            """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, store.location.path, String(line.id), String(line.version)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "python3 is needed for this test (.ci/run installs it)")
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(printed == "1\n")

            guard case .income(var salary) = line.entry else { Issue.record("not income"); return }
            salary.amount = Money(cents: 170_000)
            #expect(throws: StoreError.conflict(what: "Salaris", by: "s.elidrissi", at: "2026-11-23T10:30:00+01:00")) {
                _ = try store.updateLedgerLine(line, to: .income(salary), by: caseworker)
            }
            #expect(try store.caseFile(ids[0]).finances.income[0].amount == Money(cents: 172_500))
        }
    }
}
