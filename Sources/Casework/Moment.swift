/// A moment in time as written in case files: ISO 8601 with an offset
/// (`2026-11-21T10:12:00+01:00`). Keeps the offset it was written with, so a file that is
/// read and written again shows the same text.
public struct Moment: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Int
    /// Offset from UTC in minutes, as written.
    public let offsetMinutes: Int

    public init(epochSeconds: Int, offsetMinutes: Int = 0) {
        self.epochSeconds = epochSeconds; self.offsetMinutes = offsetMinutes
    }

    /// `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm)`; fractions of a second are dropped. Read as
    /// UTF-8 bytes, not Characters: the store reads three moments of every grant a report
    /// counts, and splitting text into Characters made this half of the report's time. Any
    /// byte that is not of the format (a non-ASCII one included) refuses the text, as before.
    public init?(iso text: String) {
        var text = text
        guard let (local, offset) = text.withUTF8({ Self.parse($0) }) else { return nil }
        self.init(epochSeconds: local - offset * 60, offsetMinutes: offset)
    }

    /// The local seconds since the epoch and the offset in minutes, or nil.
    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var value = 0
            for k in i..<(i + n) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                value = value * 10 + Int(b[k] - 0x30)
            }
            i += n
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < b.count && b[i] == byte else { return false }
            i += 1
            return true
        }
        guard b.count >= 17, let year = digits(4), take(0x2D), let month = digits(2), take(0x2D), let day = digits(2),
              let date = CalendarDate(year: year, month: month, day: day), take(0x54) || take(0x74) else { return nil } // "T" or "t"
        guard let hour = digits(2), hour < 24, take(0x3A), let minute = digits(2), minute < 60 else { return nil }
        var second = 0
        if take(0x3A) {
            guard let s = digits(2), s < 60 else { return nil }
            second = s
            if take(0x2E) { // ".fff": dropped
                let start = i
                while i < b.count && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        let offset: Int
        if take(0x5A) || take(0x7A) { // "Z" or "z"
            offset = 0
        } else if i < b.count && (b[i] == 0x2B || b[i] == 0x2D) {
            let negative = b[i] == 0x2D
            i += 1
            guard let oh = digits(2), oh <= 14, take(0x3A), let om = digits(2), om < 60 else { return nil }
            offset = (negative ? -1 : 1) * (oh * 60 + om)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        return (date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second, offset)
    }

    public static func < (a: Moment, b: Moment) -> Bool { a.epochSeconds < b.epochSeconds }

    /// The local day and time at this moment's own offset.
    public var localDate: CalendarDate { CalendarDate(daysSinceEpoch: floorDiv(localSeconds, 86_400)) }
    /// The hour of the day at this moment's own offset, 0…23.
    public var localHour: Int { (localSeconds - floorDiv(localSeconds, 86_400) * 86_400) / 3600 }
    private var localSeconds: Int { epochSeconds + offsetMinutes * 60 }
    /// The time of day at this moment's own offset, "09:05".
    public var localTime: String { String(iso.dropFirst(11).prefix(5)) }

    public var iso: String {
        let secondsOfDay = localSeconds - floorDiv(localSeconds, 86_400) * 86_400
        let time = pad(secondsOfDay / 3600, 2) + ":" + pad(secondsOfDay / 60 % 60, 2) + ":" + pad(secondsOfDay % 60, 2)
        let zone = offsetMinutes == 0 ? "Z"
            : (offsetMinutes < 0 ? "-" : "+") + pad(abs(offsetMinutes) / 60, 2) + ":" + pad(abs(offsetMinutes) % 60, 2)
        return localDate.iso + "T" + time + zone
    }

    public var description: String { iso }

    /// Whole hours from `self` to `later` (rounded down), e.g. approval to payment.
    public func hours(until later: Moment) -> Int { floorDiv(later.epochSeconds - epochSeconds, 3600) }
}

func floorDiv(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
