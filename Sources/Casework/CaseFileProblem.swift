/// Why a case file is refused: every problem found, in file order.
public struct CaseFileRejection: Error, Equatable, Sendable {
    public let problems: [CaseFileProblem]
    public init(_ problems: [CaseFileProblem]) { self.problems = problems }
}

/// One thing wrong with a case file, at a JSON path such as `income[2].amount`.
public struct CaseFileProblem: Equatable, Sendable {
    public let path: String
    public let kind: Kind

    public init(path: String, kind: Kind) { self.path = path; self.kind = kind }

    public enum Kind: Equatable, Sendable {
        case syntax(line: Int, column: Int, reason: JSONParser.Reason)
        case missing
        case wrongType(expected: String, found: String)
        case notAnAmount(String)
        case notADate(String)
        case notAMoment(String)
        case unknownCode(String, allowed: [String])
        case wrongFormat(found: String, expected: String)
        case bsnFailsElevenTest(String)
        case ibanInvalid(String, IBANError)
        case notAnInteger(String)
        case outOfRange(String, lowest: Int, highest: Int)
        case applicantCount(Int)
        case partnerCount(Int)
        case unknownMember(String)
        case duplicateMember(String)
        case unknownPlanGoal(String)
        case duplicateGoal(String)
        /// A practice case's checkpoint id used twice.
        case duplicateCheckpoint(String)
        case emptyText
        /// A field the format does not have (a standard whose schema allows no others, DDAS):
        /// a misspelt `crisisSignaal` would otherwise read as "no crisis".
        case unknownField
        /// A day after today where a day that has been is meant (a signal's date).
        case dateAfterToday(CalendarDate)
        /// Arrears that arose after the signal about them came in.
        case arisenAfterSignal(arisen: CalendarDate, signal: CalendarDate)
        /// A DDAS client identified by BSN with other fields beside it (the schema's oneOf).
        case bsnWithOtherFields
        /// A DDAS delivery for another municipality than the store's.
        case otherMunicipality(found: String, expected: String)
        /// A grant in `status` must carry the field at `path`.
        case requiredForStatus(status: String)
        /// On import: the id is already used in the store.
        case idInStore(String)
        /// On import: two files of one import use the same id.
        case idTwiceInImport(String)
        /// A ledger section with more lines than `CaseFile.maximumLinesPerSection`.
        case tooManyLines(count: Int, maximum: Int)
        /// A grant past draft whose household was above the norm (or had none) at submission,
        /// on the maatwerk route with a motivation shorter than the rule asks.
        case recordedMotivationTooShort(status: String, length: Int, required: Int)
        /// A grant past draft on the central route while the household was not within the norm.
        case recordedCentralRouteOutsideNorm(status: String, noNorm: Bool)
        /// An approved grant decided by the one who submitted it (not under the mandate).
        case recordedOwnApproval(user: String)
        /// A norm (or the youth raise) of a new table far from the same figure in the table
        /// before it: more than 10% lower or 25% higher, which no indexation does.
        case implausibleNorm(found: Money, previous: Money, previousFrom: CalendarDate)
        /// Two draagkracht tiers from the same percentage.
        case duplicateTier
        /// A norm table for this date is already there.
        case normTableExists(CalendarDate)
        /// A loan's terms that do not hold for its amount.
        case loanTerms(LoanProblem)
    }

    /// `path: problem`, in the chosen language.
    public func message(in language: Language) -> String {
        // Path and values come from the file: cut and made printable (ShownText).
        ShownText.printable("\(path.isEmpty ? "(file)" : ShownText.cut(path)): \(kind.message(in: language))")
    }
}

extension CaseFileProblem.Kind {
    public func message(in l: Language) -> String {
        switch self {
        case .syntax(let line, let column, let reason):
            return l.pick("geen geldige JSON op regel \(line), kolom \(column): \(reason.message(in: l))",
                          "not valid JSON at line \(line), column \(column): \(reason.message(in: l))")
        case .missing:
            return l.pick("ontbreekt, maar is verplicht", "is missing but required")
        case .wrongType(let expected, let found):
            return l.pick("moet \(dutchKind(expected)) zijn, maar is \(dutchKind(found))",
                          "must be \(expected), but is \(found)")
        case .notAnAmount(let text):
            return l.pick("\"\(ShownText.cut(text))\" is geen bedrag (verwacht een tekst als \"1234.56\": cijfers, een punt en hoogstens twee decimalen)",
                          "\"\(ShownText.cut(text))\" is not an amount (expected a string like \"1234.56\": digits, a dot and at most two decimals)")
        case .notADate(let text):
            return l.pick("\"\(ShownText.cut(text))\" is geen bestaande datum (verwacht JJJJ-MM-DD, bijvoorbeeld 2026-11-23)",
                          "\"\(ShownText.cut(text))\" is not a valid date (expected YYYY-MM-DD, for example 2026-11-23)")
        case .notAMoment(let text):
            return l.pick("\"\(ShownText.cut(text))\" is geen tijdstip (verwacht ISO 8601 met tijdzone, bijvoorbeeld 2026-11-21T10:12:00+01:00)",
                          "\"\(ShownText.cut(text))\" is not a moment (expected ISO 8601 with an offset, for example 2026-11-21T10:12:00+01:00)")
        case .unknownCode(let text, let allowed):
            return l.pick("\"\(ShownText.cut(text))\" is geen toegestane waarde (kies uit: \(allowed.joined(separator: ", ")))",
                          "\"\(ShownText.cut(text))\" is not an allowed value (one of: \(allowed.joined(separator: ", ")))")
        case .wrongFormat(let found, let expected):
            return l.pick("\"\(ShownText.cut(found))\" is niet het bekende formaat (verwacht \"\(expected)\")",
                          "\"\(ShownText.cut(found))\" is not a known format (expected \"\(expected)\")")
        case .bsnFailsElevenTest(let text):
            return l.pick("\"\(ShownText.cut(text))\" is geen geldig BSN (negen cijfers die de elfproef doorstaan)",
                          "\"\(ShownText.cut(text))\" is not a valid BSN (nine digits that pass the 11-test)")
        case .ibanInvalid(let text, let error):
            return "\"\(ShownText.cut(text))\" " + error.message(in: l)
        case .notAnInteger(let text):
            return l.pick("\(ShownText.cut(text)) is geen geheel getal", "\(ShownText.cut(text)) is not a whole number")
        case .outOfRange(let text, let lowest, let highest):
            return l.pick("\(ShownText.cut(text)) ligt niet tussen \(lowest) en \(highest)", "\(ShownText.cut(text)) is not between \(lowest) and \(highest)")
        case .applicantCount(let n):
            return l.pick("een huishouden heeft precies één aanvrager (role \"applicant\"), dit heeft er \(n)",
                          "a household has exactly one applicant (role \"applicant\"), this one has \(n)")
        case .partnerCount(let n):
            return l.pick("een huishouden heeft hoogstens één partner, dit heeft er \(n)",
                          "a household has at most one partner, this one has \(n)")
        case .unknownMember(let name):
            return l.pick("\"\(ShownText.cut(name))\" is geen lid van het huishouden (household.members)",
                          "\"\(ShownText.cut(name))\" is not a member of the household (household.members)")
        case .duplicateMember(let name):
            return l.pick("twee leden heten \"\(ShownText.cut(name))\"; geef ze verschillende namen",
                          "two members are called \"\(ShownText.cut(name))\"; give them different names")
        case .unknownPlanGoal(let id):
            return l.pick("\"\(ShownText.cut(id))\" is geen doel in plan.goals", "\"\(ShownText.cut(id))\" is not a goal in plan.goals")
        case .duplicateGoal(let id):
            return l.pick("het doel-id \"\(ShownText.cut(id))\" komt twee keer voor", "the goal id \"\(ShownText.cut(id))\" appears twice")
        case .duplicateCheckpoint(let id):
            return l.pick("het controlepunt \"\(ShownText.cut(id))\" komt twee keer voor", "the checkpoint \"\(ShownText.cut(id))\" appears twice")
        case .emptyText:
            return l.pick("mag niet leeg zijn", "must not be empty")
        case .unknownField:
            return l.pick("is geen veld van dit formaat; controleer de spelling (het schema kent geen andere velden)",
                          "is not a field of this format; check its spelling (the schema allows no other fields)")
        case .dateAfterToday(let day):
            return l.pick("\(day.dutch) ligt na vandaag; een signaal komt niet uit de toekomst", "\(day.dutch) lies after today; a signal does not come from the future")
        case .arisenAfterSignal(let arisen, let signal):
            return l.pick("de achterstand ontstond op \(arisen.dutch), na het signaal van \(signal.dutch)",
                          "the arrears arose on \(arisen.dutch), after the signal of \(signal.dutch)")
        case .bsnWithOtherFields:
            return l.pick("een cliënt met een BSN heeft volgens het schema niets anders erbij (geen postcode, huisnummer, geboortedatum of geslacht)",
                          "a client with a BSN has nothing else beside it in the schema (no postcode, house number, birth date or sex)")
        case .otherMunicipality(let found, let expected):
            return l.pick("gemeentecode \"\(ShownText.cut(found))\" is niet die van deze opslag (\(expected)); lees alleen leveringen voor deze gemeente in",
                          "municipality code \"\(ShownText.cut(found))\" is not this store's (\(expected)); import only deliveries for this municipality")
        case .requiredForStatus(let status):
            return l.pick("is verplicht bij status \"\(status)\"", "is required for status \"\(status)\"")
        case .idInStore(let id):
            return l.pick("\"\(ShownText.cut(id))\" staat al in de opslag; geef een ander id of laat het weg",
                          "\"\(ShownText.cut(id))\" is already in the store; give another id or leave it out")
        case .idTwiceInImport(let id):
            return l.pick("\"\(ShownText.cut(id))\" komt in deze import twee keer voor", "\"\(ShownText.cut(id))\" appears twice in this import")
        case .tooManyLines(let count, let maximum):
            return l.pick("bevat \(count) regels; een huishouden heeft er hoogstens \(maximum) per onderdeel",
                          "holds \(count) lines; a household has at most \(maximum) per section")
        case .recordedMotivationTooShort(let status, let length, let required):
            return l.pick("een maatwerkaanvraag met status \"\(status)\" lag bij indiening boven de norm en heeft een motivering van \(length) tekens; dan zijn er minstens \(required) nodig. Schrijf de motivering uit, of zet de aanvraag terug op \"draft\"",
                          "a maatwerk request with status \"\(status)\" was above the norm when submitted and has a motivation of \(length) characters; at least \(required) are required. Write the motivation out, or set the request back to \"draft\"")
        case .recordedCentralRouteOutsideNorm(let status, let noNorm):
            return noNorm
                ? l.pick("een aanvraag met status \"\(status)\" volgt de centrale route, maar bij indiening gold voor dit huishouden geen norm; kies \"custom\" (maatwerk) met een motivering",
                         "a request with status \"\(status)\" takes the central route, but no norm applied to this household when it was submitted; choose \"custom\" (maatwerk) with a motivation")
                : l.pick("een aanvraag met status \"\(status)\" volgt de centrale route, maar het huishouden lag bij indiening boven de norm; kies \"custom\" (maatwerk) met een motivering",
                         "a request with status \"\(status)\" takes the central route, but the household was above the norm when it was submitted; choose \"custom\" (maatwerk) with a motivation")
        case .implausibleNorm(let found, let previous, let from):
            return l.pick("\(found.dutch) wijkt te veel af van \(previous.dutch) in de tabel van \(from.dutch) (meer dan 10% lager of 25% hoger); controleer het bedrag",
                          "\(found.dutch) differs too much from \(previous.dutch) in the table of \(from.iso) (more than 10% lower or 25% higher); check the amount")
        case .duplicateTier:
            return l.pick("twee schijven beginnen bij hetzelfde percentage; geef elke schijf een eigen fromPercent",
                          "two tiers start at the same percentage; give each tier its own fromPercent")
        case .loanTerms(let problem):
            return problem.message(in: l)
        case .normTableExists(let date):
            return l.pick("er is al een normtabel vanaf \(date.dutch); een tabel wordt nooit vervangen, geef een tabel met een latere datum",
                          "there already is a norm table from \(date.iso); a table is never replaced, give one with a later date")
        case .recordedOwnApproval(let user):
            return l.pick("\"\(ShownText.cut(user))\" keurde een aanvraag goed die hij of zij zelf indiende; dat mag niet (vier ogen). Laat een andere teamleider beslissen",
                          "\"\(ShownText.cut(user))\" approved a request they submitted themselves, which is not allowed (four eyes). Let another team leader decide")
        }
    }

    private func dutchKind(_ english: String) -> String {
        switch english {
        case "a string": "een tekst"
        case "a number": "een getal"
        case "a boolean": "true of false"
        case "a list": "een lijst"
        case "an object": "een object"
        case "null": "null"
        default: english
        }
    }
}

extension IBANError {
    public func message(in l: Language) -> String {
        switch self {
        case .empty:
            return l.pick("ontbreekt", "is missing")
        case .invalidCharacters:
            return l.pick("is geen IBAN: alleen letters en cijfers", "is not an IBAN: letters and digits only")
        case .badStart:
            return l.pick("is geen IBAN: begint met landcode en twee controlecijfers, zoals NL91",
                          "is not an IBAN: it starts with a country code and two check digits, like NL91")
        case .wrongLength(let country, let expected?, let actual):
            return l.pick("is geen geldig IBAN: een \(country)-IBAN heeft \(expected) tekens, dit heeft er \(actual)",
                          "is not a valid IBAN: an \(country) IBAN has \(expected) characters, this one has \(actual)")
        case .wrongLength(_, nil, let actual):
            return l.pick("is geen geldig IBAN: \(actual) tekens, verwacht 15 tot 34",
                          "is not a valid IBAN: \(actual) characters, expected 15 to 34")
        case .checksum:
            return l.pick("is geen geldig IBAN: de controle (mod 97) klopt niet; controleer op een tikfout",
                          "is not a valid IBAN: the mod-97 check fails; look for a typing error")
        }
    }
}

extension AmountError {
    /// What was wrong and what is expected, for the field as the user types.
    public func message(in l: Language) -> String {
        switch self {
        case .empty:
            return l.pick("Vul een bedrag in, bijvoorbeeld 1.234,56.", "Enter an amount, for example 1.234,56.")
        case .notANumber(let t):
            return l.pick("\"\(t)\" is geen bedrag: gebruik cijfers, bijvoorbeeld 1.234,56.",
                          "\"\(t)\" is not an amount: use digits, for example 1.234,56.")
        case .tooManyDecimals(let t):
            return l.pick("\"\(t)\" heeft meer dan twee decimalen; een bedrag heeft hoogstens centen, bijvoorbeeld 12,50.",
                          "\"\(t)\" has more than two decimals; an amount has cents at most, for example 12,50.")
        case .misplacedSeparator(let t):
            return l.pick("\"\(t)\" heeft punten of komma's op de verkeerde plaats; schrijf 1.234,56 of 1234,56.",
                          "\"\(t)\" has dots or commas in the wrong place; write 1.234,56 or 1234,56.")
        case .tooLarge(let t):
            return l.pick("\"\(t)\" is te groot; het hoogste bedrag is € 1.000.000.000,00.",
                          "\"\(t)\" is too large; the highest amount is € 1.000.000.000,00.")
        }
    }
}

