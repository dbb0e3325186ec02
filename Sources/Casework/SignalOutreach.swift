/// Outreach on early-warning signals (vroegsignalering): signals matched to a household, grouped
/// into a vroegsignaalzaak, the term to first contact, contact attempts and the result — the
/// rules of docs/signals.md as pure functions.

/// One attempt to reach the resident (contactpoging).
public struct ContactAttempt: Equatable, Sendable {
    public var kind: ContactKind
    public var reached: Bool
    public var date: CalendarDate
    public var partOfDay: PartOfDay
    public var by: String

    public init(kind: ContactKind, reached: Bool, date: CalendarDate, partOfDay: PartOfDay, by: String = "") {
        self.kind = kind; self.reached = reached; self.date = date; self.partOfDay = partOfDay; self.by = by
    }
}

/// A vroegsignaalzaak: the signals about one household within a matching period of six
/// months, the attempts to reach them, when it was picked up and how it ended.
public struct SignalCase: Equatable, Sendable {
    public var id: String
    /// The day the signals were matched to the household (matchingsdatum): the first one.
    public var matched: CalendarDate
    /// The matching period: from the first signal's date, six months.
    public var periodStart: CalendarDate
    public var attempts: [ContactAttempt]
    /// The day the municipality picked it up: the first attempt (datumOpgepakt).
    public var pickedUp: CalendarDate?
    public var result: SignalCaseResult?

    public init(id: String, matched: CalendarDate, periodStart: CalendarDate, attempts: [ContactAttempt] = [],
                pickedUp: CalendarDate? = nil, result: SignalCaseResult? = nil) {
        self.id = id; self.matched = matched; self.periodStart = periodStart; self.attempts = attempts
        self.pickedUp = pickedUp; self.result = result
    }

    public var periodEnd: CalendarDate { periodStart.adding(months: SignalOutreach.matchingMonths).adding(days: -1) }
    public var isOpen: Bool { result == nil }
    /// Whether a signal of `day` falls in this zaak's matching period.
    public func covers(_ day: CalendarDate) -> Bool { day >= periodStart && day <= periodEnd }
}

public enum SignalOutreach {
    /// Signals about one household within this many months form one zaak.
    public static let matchingMonths = 6
    /// First contact on a crisis signal (eviction, cut-off) within this many working days.
    public static let crisisWorkingDays = 3

    /// The last day for a first contact: `workingDays` working days after the signal came in
    /// (weekends and the holidays of the Algemene termijnenwet do not count). A crisis signal
    /// received on a Friday is due on the Wednesday after.
    public static func contactDue(received: CalendarDate, crisis: Bool, policy: Policy) -> CalendarDate {
        var day = received
        var left = crisis ? crisisWorkingDays : policy.signalContactWorkingDays
        while left > 0 {
            day = day.adding(days: 1)
            if LegalTerm.isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Overdue: no attempt yet and `today` past the last day.
    public static func isOverdue(due: CalendarDate, attempts: [ContactAttempt], today: CalendarDate) -> Bool {
        attempts.isEmpty && today > due
    }

    /// Records an attempt; the first one picks the zaak up (datumOpgepakt).
    public static func attempt(_ zaak: SignalCase, _ attempt: ContactAttempt) -> SignalCase {
        var next = zaak
        next.attempts.append(attempt)
        if next.pickedUp == nil || attempt.date < next.pickedUp! { next.pickedUp = next.attempts.map(\.date).min() }
        return next
    }

    /// The open household a client is matched to: by BSN on a member, else by postcode, house
    /// number (and suffix) and the birth date of a member. An address alone matches nobody:
    /// the household there may be the one that moved in after the resident the signal is about.
    public static func match(_ client: SignalClient, in households: [Household]) -> Household? {
        if let bsn = client.bsn {
            if let h = households.first(where: { $0.members.contains { $0.bsn == bsn } }) { return h }
        }
        guard let postcode = client.postcode, let number = client.houseNumber else { return nil }
        return households.first { h in
            guard let address = h.address, Postcode.normalised(address.postcode) == postcode,
                  let house = HouseNumber(street: address.street),
                  house.number == number.trimmingWhitespace(),
                  house.suffix.lowercased() == (client.houseNumberSuffix ?? "").trimmingWhitespace().lowercased()
            else { return false }
            guard let birth = client.birthDate else { return false }
            return h.members.contains { $0.birthDate == birth }
        }
    }
}

/// The house number at the end of a street line: "Westzijde 12" → 12, "Dorpsstraat 4-A" and
/// "Dorpsstraat 4 A" → 4 with suffix A, "Kade 7bis" → 7 with suffix bis.
public struct HouseNumber: Equatable, Sendable {
    public var number: String
    public var suffix: String

    public init(number: String, suffix: String = "") { self.number = number; self.suffix = suffix }

    public init?(street: String) {
        let words = street.split(separator: " ").map(String.init)
        guard let index = words.lastIndex(where: { $0.first?.isASCIIDigit == true }) else { return nil }
        let word = words[index]
        let digits = String(word.prefix { $0.isASCIIDigit })
        var rest = String(word.dropFirst(digits.count))
        if rest.hasPrefix("-") { rest.removeFirst() }
        if rest.isEmpty, index + 1 < words.count { rest = words[(index + 1)...].joined(separator: " ") }
        self.init(number: digits, suffix: rest)
    }
}
