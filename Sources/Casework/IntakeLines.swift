/// The intake is typed the way people write on paper: one line per person, one line for
/// the address. These read such a line into its parts, each checked, so the form can show
/// what it understood (the read-back) and what is wrong, in words.

/// One person on one line: `Sanne Jansen 12-04-1991 111222333`. The words are the name, a
/// date is the birth date (`dd-mm-jjjj`, `d-m-jjjj`, with - / or ., `jjjj-mm-dd`, or eight
/// digits `ddmmjjjj`), nine digits are the BSN (checked with the 11-test). Order is free.
public struct PersonLine: Equatable, Sendable {
    public var name: String
    public var birthDate: CalendarDate?
    public var bsn: BSN?
    public var problems: [IntakeProblem.Kind]

    public init(name: String, birthDate: CalendarDate?, bsn: BSN? = nil) {
        self.name = name; self.birthDate = birthDate; self.bsn = bsn; problems = []
    }

    public static func read(_ text: String, today: CalendarDate) -> PersonLine {
        var person = PersonLine(name: "", birthDate: nil)
        var words: [String] = []
        for raw in text.split(whereSeparator: \.isWhitespace) {
            let token = String(raw).trimmingCharacters(",;")
            guard !token.isEmpty else { continue }
            let digits = token.filter(\.isASCIIDigit)
            let onlyNumbers = token.allSatisfy { $0.isASCIIDigit || "-/.".contains($0) }
            guard onlyNumbers, !digits.isEmpty else { words.append(token); continue }
            if let date = CalendarDate(typed: token) ?? eightDigitDate(token) {
                if person.birthDate != nil { person.problems.append(.twoDates) }
                if date > today { person.problems.append(.bornInFuture(date)) }
                person.birthDate = date
            } else if digits.count == 9 && token.allSatisfy({ $0.isASCIIDigit || $0 == "." }) {
                if let bsn = BSN(digits) {
                    if person.bsn != nil { person.problems.append(.twoBSNs) }
                    person.bsn = bsn
                } else {
                    person.problems.append(.bsnFailsElevenTest(token))
                }
            } else if token.contains(where: { "-/.".contains($0) }) {
                person.problems.append(.notADate(token))
            } else {
                person.problems.append(.unclearNumber(token))
            }
        }
        person.name = words.joined(separator: " ")
        if person.name.isEmpty { person.problems.insert(.nameMissing, at: 0) }
        if person.birthDate == nil && !person.problems.contains(where: { if case .notADate = $0 { true } else { false } }) {
            person.problems.append(.birthDateMissing)
        }
        return person
    }

    /// `12041991`: a day typed without separators, when it is one.
    static func eightDigitDate(_ token: String) -> CalendarDate? {
        guard token.count == 8, token.allSatisfy(\.isASCIIDigit) else { return nil }
        let d = Array(token)
        guard let day = Int(String(d[0..<2])), let month = Int(String(d[2..<4])), let year = Int(String(d[4..<8])),
              year >= 1000 else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The line as it would be typed: what the form starts from when a member is edited.
    public static func line(_ member: Member) -> String {
        ([member.name, member.birthDate?.dutch, member.bsn?.digits] as [String?]).compactMap { $0 }.joined(separator: " ")
    }
}

/// The address on one line: `Westzijde 12 A, 1506 EA Zaandam`. The postcode divides it: the
/// street and house number (with a letter or addition) before it, the city after it.
public struct AddressLine: Equatable, Sendable {
    public var street: String
    public var houseNumber: String
    public var addition: String
    public var postcode: String
    public var city: String
    public var problems: [IntakeProblem.Kind]

    public init(street: String, houseNumber: String, addition: String = "", postcode: String, city: String) {
        self.street = street; self.houseNumber = houseNumber; self.addition = addition
        self.postcode = postcode; self.city = city; problems = []
    }

    public static func read(_ text: String) -> AddressLine {
        var line = AddressLine(street: "", houseNumber: "", postcode: "", city: "")
        var tokens = text.split(whereSeparator: \.isWhitespace).map { String($0) }
        // The postcode: the last `1234AB`, or `1234` followed by two letters.
        var found: (start: Int, count: Int, text: String)?
        for i in tokens.indices.reversed() {
            let one = tokens[i].trimmingCharacters(",;")
            if looksLikePostcode(one) { found = (i, 1, one); break }
            if i + 1 < tokens.count {
                let two = one + tokens[i + 1].trimmingCharacters(",;")
                if one.count == 4, looksLikePostcode(two) { found = (i, 2, one + " " + tokens[i + 1].trimmingCharacters(",;")); break }
            }
        }
        var streetTokens: [String]
        if let found {
            if let postcode = Postcode.normalised(found.text) { line.postcode = postcode } else { line.problems.append(.notAPostcode(found.text)) }
            streetTokens = Array(tokens[..<found.start])
            line.city = tokens[(found.start + found.count)...].joined(separator: " ").trimmingCharacters(",; ")
        } else {
            line.problems.append(.postcodeMissing)
            // Without a postcode a comma may still part the street from the city.
            let parts = text.split(separator: ",", maxSplits: 1)
            tokens = parts.first.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? []
            streetTokens = tokens
            if parts.count > 1 { line.city = String(parts[1]).trimmingCharacters(",; ") }
        }
        streetTokens = streetTokens.map { $0.trimmingCharacters(",;") }.filter { !$0.isEmpty }
        // The house number: the last word after the street's first that starts with a digit
        // ("2e Hugo de Grootstraat 5": the street may start with one).
        if let i = streetTokens.indices.dropFirst().last(where: { streetTokens[$0].first?.isASCIIDigit == true }) {
            let token = streetTokens[i]
            line.houseNumber = String(token.prefix(while: \.isASCIIDigit))
            let rest = [String(token.drop(while: \.isASCIIDigit))] + streetTokens[(i + 1)...]
            line.addition = rest.joined(separator: " ").trimmingCharacters("-/ ")
            if line.addition.count == 1 { line.addition = line.addition.uppercased() }
            line.street = streetTokens[..<i].joined(separator: " ")
        } else {
            line.street = streetTokens.joined(separator: " ")
            if !line.street.isEmpty { line.problems.insert(.houseNumberMissing, at: 0) }
        }
        if line.street.isEmpty { line.problems.insert(.streetMissing, at: 0) }
        if line.city.isEmpty && found != nil { line.problems.append(.cityMissing) }
        return line
    }

    static func looksLikePostcode(_ text: String) -> Bool {
        let c = Array(text)
        return c.count == 6 && c[..<4].allSatisfy(\.isASCIIDigit) && c[4...].allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// The street line as the case file keeps it: `Westzijde 12A`, `Westzijde 12-2`.
    public var streetLine: String {
        guard !houseNumber.isEmpty else { return street }
        let suffix = addition.isEmpty ? "" : addition.count == 1 && addition.first!.isLetter ? addition : "-" + addition
        return street + " " + houseNumber + suffix
    }

    public var address: Address { Address(street: streetLine, postcode: postcode, city: city) }

    /// The line as it would be typed, for an address being edited.
    public static func line(_ address: Address) -> String {
        let place = [address.postcode, address.city].filter { !$0.isEmpty }.joined(separator: " ")
        return [address.street, place].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

extension String {
    /// Without the given characters at either end.
    func trimmingCharacters(_ set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
