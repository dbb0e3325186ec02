import Foundation
import Testing
@testable import Casework

@Suite("The one clock: KEUKENTAFEL_NOW and KEUKENTAFEL_TODAY")
struct WallClockTests {
    @Test("KEUKENTAFEL_NOW fixes the moment, with its offset, and today is its local day")
    func now() throws {
        let clock = try WallClock.from(environment: ["KEUKENTAFEL_NOW": "2026-11-23T23:30:00-02:00"]).get()
        #expect(clock.now().iso == "2026-11-23T23:30:00-02:00")
        #expect(clock.now() == clock.now())
        // 01:30 UTC on the 24th, but the 23rd where the moment was written
        #expect(clock.today == CalendarDate(iso: "2026-11-23"))
    }

    @Test("KEUKENTAFEL_NOW wins over KEUKENTAFEL_TODAY")
    func nowWins() throws {
        let clock = try WallClock.from(environment: ["KEUKENTAFEL_NOW": "2027-01-02T08:00:00Z", "KEUKENTAFEL_TODAY": "2026-11-23"]).get()
        #expect(clock.now().iso == "2027-01-02T08:00:00Z")
    }

    @Test("KEUKENTAFEL_TODAY is that day at 09:00 local time")
    func today() throws {
        let clock = try WallClock.from(environment: ["KEUKENTAFEL_TODAY": "2026-11-23"]).get()
        let moment = clock.now()
        #expect(clock.today == CalendarDate(iso: "2026-11-23"))
        // 09:00 on the clock of the time zone the test runs in, whichever that is
        let offset = TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(moment.epochSeconds))) / 60
        #expect(moment.offsetMinutes == offset)
        #expect(moment.iso.hasPrefix("2026-11-23T09:00:00"))
    }

    @Test("A value that is no moment or no date is refused with what to write, never the real time")
    func refused() {
        #expect(throws: WallClockSettingError.notAMoment("morgen")) { try WallClock.from(environment: ["KEUKENTAFEL_NOW": "morgen"]).get() }
        #expect(throws: WallClockSettingError.notADate("2026-02-30")) { try WallClock.from(environment: ["KEUKENTAFEL_TODAY": "2026-02-30"]).get() }
        #expect(WallClockSettingError.notADate("23-11-2026").message(in: .nl)
                == "KEUKENTAFEL_TODAY=23-11-2026 is geen datum; schrijf bijvoorbeeld 2026-11-23.")
        #expect(WallClockSettingError.notAMoment("x").message(in: .en)
                == "KEUKENTAFEL_NOW=x is not a moment; write for example 2026-11-23T10:00:00+01:00.")
    }

    @Test("Neither set (or empty): the system clock")
    func system() throws {
        let clock = try WallClock.from(environment: ["KEUKENTAFEL_NOW": "", "KEUKENTAFEL_TODAY": ""]).get()
        let a = WallClock.system.now(), b = clock.now(), c = WallClock.system.now()
        #expect(a.epochSeconds <= b.epochSeconds && b.epochSeconds <= c.epochSeconds)
    }
}
