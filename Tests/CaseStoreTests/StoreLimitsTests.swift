import Casework
import Foundation
import GRDB
import Testing
@testable import CaseStore

/// A store that cannot be written (read-only) or cannot grow (a full disk): it says so in a
/// sentence, writes nothing half, and works again when the cause is gone.
@Suite("The store when it cannot be written")
struct StoreLimitsTests {
    /// A store with the sample households, and the same file opened as a user without write
    /// access would (forced: the tests may run as root, whom no permission stops).
    func withReadOnlyCopy<T>(_ body: (_ writable: Store, _ readOnly: Store) throws -> T) throws -> T {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            _ = try store.importCaseFiles(try sampleFileNames().map(sampleSource), by: leader.actor)
            let readOnly = try Store.open(at: store.location, clock: store.clock, forceReadOnly: true)
            return try body(store, readOnly)
        }
    }

    @Test("Read-only: everything reads; every write is refused with a sentence, and SQLite itself writes nothing")
    func readOnly() throws {
        try withReadOnlyCopy { store, readOnly in
            #expect(readOnly.isReadOnly)
            let audit = try count(store, "audit")
            #expect(try readOnly.staff().count == 4)
            #expect(try readOnly.caseFile("hh-demo-0001").household.members.first?.name == "Sanne Jansen")
            #expect(try readOnly.ledgerLines(household: "hh-demo-0001").count > 0)

            let view = StoreError.viewNotRecordable(path: store.location.path)
            #expect(throws: view) { try readOnly.recordView(by: caseworker, household: "hh-demo-0001") }
            #expect(throws: view) { try readOnly.viewCaseFile("hh-demo-0001", by: caseworker, action: "household.view") }
            #expect(view.message(in: .nl).hasPrefix("Dit huishouden kan niet open: elke inzage moet in het auditlog, en de opslag "))
            #expect(view.message(in: .en).contains("ask the administrator for write access"))

            let refused = StoreError.readOnly(path: store.location.path)
            let line = LedgerEntry.expense(ExpenseLine(label: "Huur", amount: Money(cents: 80_000), frequency: .month, category: .wonen))
            #expect(throws: refused) { _ = try readOnly.addLedgerLine(line, household: "hh-demo-0001", by: caseworker) }
            #expect(throws: refused) {
                try readOnly.saveDraft(Conversation(date: CalendarDate(iso: "2026-11-23"), question: "x"), conversationId: nil, household: "hh-demo-0001", by: caseworker)
            }
            #expect(throws: refused) { try readOnly.discardDraft(household: "hh-demo-0001", by: caseworker) }
            // Past our own guard, the connection itself refuses: it is opened read-only.
            let direct = #expect(throws: DatabaseError.self) {
                try readOnly.writer.write { db in try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('x', 'y')") }
            }
            #expect(direct?.resultCode == .SQLITE_READONLY)
            #expect(try count(store, "audit") == audit)
        }
    }

    @Test("Read-only and of an older schema: refused with the way out, not a failure later")
    func readOnlyNeedsUpgrade() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            let last = try #require(Schema.migrator.migrations.last)
            try store.writer.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last]) }
            #expect(throws: StoreError.readOnlyNeedsUpgrade(path: store.location.path)) {
                _ = try Store.open(at: store.location, clock: store.clock, forceReadOnly: true)
            }
            #expect(StoreError.readOnlyNeedsUpgrade(path: "/s").message(in: .nl).contains("eenmaal met schrijfrechten"))
        }
    }

    @Test func immutableURIEncodesWhatSQLiteWouldReadAsSyntax() {
        #expect(ReadOnlyOpening.immutableURI("/tmp/a b/c%d?e#f.sqlite") == "file:/tmp/a%20b/c%25d%3Fe%23f.sqlite?immutable=1")
        #expect(ReadOnlyOpening.immutableURI("/srv/zoë.sqlite") == "file:/srv/zo%C3%AB.sqlite?immutable=1")
    }

    @Test("A full disk: the write is refused whole with a sentence; with room again it goes through")
    func fullDisk() throws {
        try withTemporaryFolder { folder in
            let store = try makeStore(in: folder)
            _ = try store.importCaseFiles([try sampleSource("hh-demo-0001.json")], by: leader.actor)
            let audit = try count(store, "audit"), drafts = try count(store, "draft")
            try store.simulateFullDisk(true)
            let note = String(repeating: "Sanne vertelt over de schulden en de opvang. ", count: 400)   // 18 kB: new pages
            let full = StoreError.full(path: store.location.path)
            #expect(throws: full) {
                try store.saveDraft(Conversation(date: CalendarDate(iso: "2026-11-23"), question: note), conversationId: nil, household: "hh-demo-0001", by: caseworker)
            }
            #expect(throws: full) {
                _ = try store.addConversation(Conversation(date: CalendarDate(iso: "2026-11-23"), question: note), household: "hh-demo-0001", by: caseworker)
            }
            #expect(full.message(in: .nl) == "De schijf is vol: er is niets opgeslagen in \(store.location.path). Maak ruimte vrij en probeer het opnieuw.")
            #expect(try count(store, "audit") == audit)
            #expect(try count(store, "draft") == drafts)
            #expect(try store.caseFile("hh-demo-0001").household.members.count > 0)   // reading goes on

            try store.simulateFullDisk(false)
            try store.saveDraft(Conversation(date: CalendarDate(iso: "2026-11-23"), question: note), conversationId: nil, household: "hh-demo-0001", by: caseworker)
            #expect(try store.draft(household: "hh-demo-0001", user: caseworker.user)?.conversation.question == note)
        }
    }
}
