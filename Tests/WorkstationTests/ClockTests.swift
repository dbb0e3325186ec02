import CaseStore
import Casework
import Foundation
import Testing
@testable import Workstation

/// A wall clock a test moves by hand.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Moment
    init(_ iso: String) { moment = Moment(iso: iso)! }
    func set(_ iso: String) { lock.lock(); moment = Moment(iso: iso)!; lock.unlock() }
    func now() -> Moment { lock.lock(); defer { lock.unlock() }; return moment }
    var wallClock: WallClock { WallClock { self.now() } }
}

@Suite("The workstation's one clock")
struct ClockTests {
    /// Jansen's agreement is due 2026-12-01 and not done: overdue from 2 December.
    static func overdue(_ app: App) throws -> Int {
        try #require(app.state.caseload.rows.first { $0.id == "hh-demo-0001" }).overdueAgreements
    }

    @Test("Left open past midnight, the workstation takes the new day on its next pause")
    func midnight() throws {
        let clock = MovableClock("2026-12-01T23:59:30+01:00")
        try withDemoApp(clock: clock.wallClock) { app in
            #expect(app.env.today == CalendarDate(iso: "2026-12-01"))
            let before = try Self.overdue(app)
            #expect(before == 0)
            clock.set("2026-12-02T00:00:30+01:00")
            app.handle(.key(.down))   // a key is not a pause: the day stays until one comes
            #expect(app.env.today == CalendarDate(iso: "2026-12-01"))
            app.handle(.tick)
            #expect(app.env.today == CalendarDate(iso: "2026-12-02"))
            let after = try Self.overdue(app)
            #expect(after == 1)
        }
    }

    @Test("What the workstation writes carries the clock's moment: the view in the audit trail")
    func writesCarryTheClock() throws {
        let clock = MovableClock("2027-03-04T14:15:16+01:00")
        try withDemoApp(clock: clock.wallClock) { app in
            try open("hh-demo-0001", in: app)
            let trail = try app.env.store.auditTrail(household: "hh-demo-0001")
            #expect(trail.last?.action == "household.view")
            #expect(trail.last?.at == "2027-03-04T14:15:16+01:00")
        }
    }
}
