import Casework
import Foundation
import GRDB
import Terminal
import Testing
@testable import CaseStore
@testable import Workstation

/// The workstation on a store it may not write: lists, search and the dashboard work;
/// opening a household would be a view the audit trail cannot record, so it is refused with
/// the reason and what to do; nothing is written.
@Suite("The workstation on a read-only store")
struct ReadOnlyStoreTests {
    /// The demo store opened read-only (as a user without write access: forced, since the
    /// tests may run as root), beside the writable store to check that nothing changed.
    func withReadOnlyApp<T>(user: String = "r.westra", _ body: (App, Store) throws -> T) throws -> T {
        try withDemoApp(user: user) { writable in
            let store = try Store.open(at: writable.env.store.location, kind: .demo, clock: writable.env.store.clock, forceReadOnly: true)
            let env = AppEnvironment(store: store, staff: try store.staffMember(user), language: .nl,
                                     outputFolder: writable.env.outputFolder)
            return try body(try App(env: env, size: writable.state.size), writable.env.store)
        }
    }

    static let refusal = "Dit huishouden kan niet open: elke inzage moet in het auditlog, en de opslag"

    /// The status line's words, wherever it wrapped them.
    static func words(_ screen: ScreenBuffer) -> String {
        screen.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("Caseload, search and dashboard work; opening a household is refused with why and what to do; nothing written")
    func listsWorkOpeningIsRefused() throws {
        try withReadOnlyApp { app, writable in
            let audit = try writable.auditTrail().count
            #expect(app.env.store.isReadOnly)
            #expect(app.state.caseload.count == 5)
            #expect(app.render().lines[0].contains(" alleen lezen "))
            app.handle(.resize(Size(width: 80, height: 24)))       // the mark stays when room is short
            #expect(app.render().lines[0].contains(" alleen lezen "))
            app.handle(.resize(Size(width: 100, height: 30)))
            app.handle(.key(.function(4)))
            #expect(app.state.caseload.count == 9)
            // the pause reads the order, but makes no search beginnings: the store cannot be
            // written (and its one connection would keep the keystrokes' reads waiting)
            #expect(app.pause())
            #expect(app.state.caseload.order?.count == 9)
            #expect(app.state.caseload.searchBeginningsBuild == nil)
            app.handle(.key(.character("/")))
            for c in "zoë" { app.handle(.key(.character(c))) }
            #expect(app.state.caseload.count == 1)
            app.handle(.key(.escape))
            app.handle(.key(.function(7)))
            #expect(app.state.screen == .dashboard)
            #expect(app.state.dashboard?.report.grants.count == 7)
            #expect(app.state.message == nil)
            app.handle(.key(.escape))

            app.handle(.key(.enter))
            #expect(app.state.screen == .caseload)
            #expect(app.state.household == nil)
            let message = try #require(app.state.message)
            #expect(message.isError)
            #expect(message.text.hasPrefix(Self.refusal))
            #expect(message.text.hasSuffix("Lijsten, zoeken en het dashboard werken wel; vraag de beheerder om schrijfrechten."))
            // The whole sentence is on the screen (over three lines at 100 columns), not cut.
            #expect(Self.words(app.render()).contains(message.text))
            app.handle(.key(.down))
            #expect(app.state.message == nil)
            #expect(try writable.auditTrail().count == audit)
        }
    }

    @Test("A team leader's review queue lists; opening a request is refused the same way")
    func reviewQueue() throws {
        try withReadOnlyApp(user: "j.bakker") { app, writable in
            let audit = try writable.auditTrail().count
            app.handle(.key(.function(6)))
            #expect(app.state.screen == .review)
            #expect((app.state.review?.count ?? 0) > 0)
            app.handle(.key(.enter))
            #expect(app.state.review?.open == nil)
            #expect(app.state.message?.text.hasPrefix(Self.refusal) == true)
            #expect(try writable.auditTrail().count == audit)
        }
    }
}
