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

    /// `YYYY-MM-DDThh:mm[:ss[.fff]](Z|±hh:mm)`; fractions of a second are dropped.
    public init?(iso text: String) {
        let chars = Array(text)
        guard chars.count >= 17, chars[10] == "T" || chars[10] == "t",
              let date = CalendarDate(iso: String(chars[0..<10])) else { return nil }
        var rest = chars[11...]
        func number(_ n: Int) -> Int? {
            guard rest.count >= n, rest.prefix(n).allSatisfy(\.isASCIIDigit) else { return nil }
            defer { rest = rest.dropFirst(n) }
            return Int(String(rest.prefix(n)))
        }
        guard let hour = number(2), hour < 24, rest.first == ":" else { return nil }
        rest = rest.dropFirst()
        guard let minute = number(2), minute < 60 else { return nil }
        var second = 0
        if rest.first == ":" {
            rest = rest.dropFirst()
            guard let s = number(2), s < 60 else { return nil }
            second = s
            if rest.first == "." {
                rest = rest.dropFirst()
                let digits = rest.prefix(while: \.isASCIIDigit)
                guard !digits.isEmpty else { return nil }
                rest = rest.dropFirst(digits.count)
            }
        }
        let offset: Int
        if rest.first == "Z" || rest.first == "z" {
            rest = rest.dropFirst(); offset = 0
        } else if let sign = rest.first, sign == "+" || sign == "-" {
            rest = rest.dropFirst()
            guard let oh = number(2), oh <= 14, rest.first == ":" else { return nil }
            rest = rest.dropFirst()
            guard let om = number(2), om < 60 else { return nil }
            offset = (sign == "-" ? -1 : 1) * (oh * 60 + om)
        } else { return nil }
        guard rest.isEmpty else { return nil }
        let local = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
        self.init(epochSeconds: local - offset * 60, offsetMinutes: offset)
    }

    public static func < (a: Moment, b: Moment) -> Bool { a.epochSeconds < b.epochSeconds }

    /// The local day and time at this moment's own offset.
    public var localDate: CalendarDate { CalendarDate(daysSinceEpoch: floorDiv(localSeconds, 86_400)) }
    /// The hour of the day at this moment's own offset, 0…23.
    public var localHour: Int { (localSeconds - floorDiv(localSeconds, 86_400) * 86_400) / 3600 }
    private var localSeconds: Int { epochSeconds + offsetMinutes * 60 }

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
