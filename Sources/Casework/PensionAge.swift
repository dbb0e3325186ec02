/// The pension age (AOW-leeftijd) in years and months, by the date on which people reach it
/// (docs/rules.md, "The pension age"): 67 years through 2027, 67 years and 3 months from 2028.
/// Data, like the norm tables: `Sources/Casework/Norms/pension-age.json`.
public struct PensionAge: Equatable, Sendable {
    /// From this date on, people reach the pension age at `years` and `months`.
    public let from: CalendarDate
    public let years: Int
    public let months: Int

    public init(from: CalendarDate, years: Int, months: Int) {
        self.from = from; self.years = years; self.months = months
    }

    public func text(in l: Language) -> String {
        months == 0 ? l.pick("\(years) jaar", "\(years) years")
            : l.pick("\(years) jaar en \(months) \(months == 1 ? "maand" : "maanden")",
                     "\(years) years and \(months) \(months == 1 ? "month" : "months")")
    }
}

public struct PensionAges: Equatable, Sendable {
    /// Equal when the ages are: the source is a note, not a rule.
    public static func == (a: PensionAges, b: PensionAges) -> Bool { a.ages == b.ages }

    public static let format = "keukentafel-pension-age/1"
    /// Oldest first.
    public let ages: [PensionAge]
    public let source: String

    public init(_ ages: [PensionAge], source: String) {
        precondition(!ages.isEmpty, "at least one pension age")
        self.ages = ages.sorted { $0.from < $1.from }; self.source = source
    }

    /// One pension age for everyone (a case file's `pensionAge` for training).
    public static func fixed(years: Int) -> PensionAges {
        PensionAges([PensionAge(from: CalendarDate(year: 1900, month: 1, day: 1)!, years: years, months: 0)],
                    source: "vaste leeftijd")
    }

    /// The day someone born on `birth` reaches the pension age: the first entry whose age,
    /// counted from the birth date, falls on or after that entry's start and before the next
    /// one's. (Born on 1960-12-20: 67 years on 2027-12-20, in 2027's rule. Born 1961-01-10:
    /// 67 years would be 2028-01-10, when 67 years and 3 months applies: 2028-04-10.) Someone
    /// born on 29 February reaches it on 1 March in a year without one, as `age(on:)` counts.
    public func reached(bornOn birth: CalendarDate) -> (date: CalendarDate, age: PensionAge) {
        func after(_ months: Int) -> CalendarDate {
            let date = birth.adding(months: months)
            return date.day < birth.day ? date.adding(days: 1) : date
        }
        for (i, age) in ages.enumerated() {
            let date = after(age.years * 12 + age.months)
            let next = i + 1 < ages.count ? ages[i + 1].from : nil
            if (i == 0 || date >= age.from), next.map({ date < $0 }) ?? true { return (date, age) }
        }
        let last = ages[ages.count - 1]
        return (after(last.years * 12 + last.months), last)
    }

    /// Whether someone born on `birth` has reached the pension age on `date`.
    public func hasReached(bornOn birth: CalendarDate, on date: CalendarDate) -> Bool {
        reached(bornOn: birth).date <= date
    }

    public static func read(text: String) -> Result<PensionAges, CaseFileRejection> {
        SettingsFile.read(text, format: format) { root, _ in
            let source = root.string("source", required: true, nonEmpty: true)
            let ages = root.objects("ages", required: true) { f in readAge(&f) }
            guard let source, !ages.isEmpty else { return nil }
            return PensionAges(ages, source: source)
        }
    }

    static func readAge(_ f: inout Fields) -> PensionAge? {
        let from = f.date("from", required: true)
        let years = f.integer("years", in: 50...100, required: true)
        let months = f.integer("months", in: 0...11, required: true)
        guard let from, let years, let months else { return nil }
        return PensionAge(from: from, years: years, months: months)
    }

    static func readList(_ f: inout Fields, key: String) -> PensionAges? {
        let ages = f.objects(key) { a in readAge(&a) }
        return ages.isEmpty ? nil : PensionAges(ages, source: "beleid")
    }

    public static func json(_ a: PensionAges) -> JSONValue {
        .array(a.ages.map { .object(["from": .string($0.from.iso), "years": .number(String($0.years)),
                                     "months": .number(String($0.months))]) })
    }
}
