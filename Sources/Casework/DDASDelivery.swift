/// Files in the shape of the DDAS exchange standard (Uitwisselmodel v1.2): the signals a
/// municipality receives (`leveringen[].vroegsignalen[]`), and the delivery it sends the CBS
/// for a period. docs/signals.md describes both.

/// Who a signal is about, as the partner knows the person: by BSN, or by postcode, house
/// number and (optionally) birth date.
public struct SignalClient: Equatable, Sendable {
    public var bsn: BSN?
    public var postcode: String?
    public var houseNumber: String?
    public var houseNumberSuffix: String?
    public var birthDate: CalendarDate?

    public init(bsn: BSN? = nil, postcode: String? = nil, houseNumber: String? = nil, houseNumberSuffix: String? = nil,
                birthDate: CalendarDate? = nil) {
        self.bsn = bsn; self.postcode = postcode; self.houseNumber = houseNumber
        self.houseNumberSuffix = houseNumberSuffix; self.birthDate = birthDate
    }
}

extension SignalClient {
    /// The household's applicant as the client of a signal taken in by hand, as the delivery
    /// names them: by postcode, house number and birth date when the household has an address
    /// (the BSN only where the standard needs it), else by BSN.
    public init(applicantOf household: Household) {
        let applicant = household.members.first { $0.role == .applicant } ?? household.members.first
        let house = household.address.flatMap { HouseNumber(street: $0.street) }
        let postcode = household.address.flatMap { Postcode.normalised($0.postcode) }
        if let postcode, let house, !house.number.isEmpty {
            self.init(postcode: postcode, houseNumber: house.number, houseNumberSuffix: house.suffix.isEmpty ? nil : house.suffix,
                      birthDate: applicant?.birthDate)
        } else {
            self.init(bsn: applicant?.bsn)
        }
    }

    /// Whether the delivery can name the client: by BSN, or by postcode and house number.
    public var isDeliverable: Bool { bsn != nil || (postcode != nil && houseNumber?.isEmpty == false) }
}

/// A signal as a delivery brings it in: the signal (its `id` set) and its client.
public struct IncomingSignal: Equatable, Sendable {
    public var signal: Signal
    public var client: SignalClient
    /// Where in the file it stands, for messages: `leveringen[0].vroegsignalen[2]`.
    public var path: String

    public init(signal: Signal, client: SignalClient, path: String) {
        self.signal = signal; self.client = client; self.path = path
    }
}

public enum DDASDelivery {
    /// Every signal of the file, or every problem with its JSON path: a field the schema does
    /// not have, an ID twice, an unknown partner type, a BSN that fails the 11-test, a postcode
    /// that is none, a client without BSN and without postcode and house number, a delivery
    /// for another municipality than `municipalityCode` (when given).
    public static func readSignals(_ text: String, municipalityCode: String? = nil, today: CalendarDate? = nil) -> Result<[IncomingSignal], CaseFileRejection> {
        let read = readSignalsCollecting(text, municipalityCode: municipalityCode, today: today)
        return read.problems.isEmpty ? .success(read.signals) : .failure(CaseFileRejection(read.problems))
    }

    /// The signals read whole and every problem found, so that the caller can add what only
    /// the store knows (an ID it holds already) and show everything in one run.
    /// `today`: a signal dated after it is refused.
    public static func readSignalsCollecting(_ text: String, municipalityCode: String? = nil,
                                             today: CalendarDate? = nil) -> (signals: [IncomingSignal], problems: [CaseFileProblem]) {
        let json: JSONValue
        switch JSONParser.parse(Array(text.utf8)) {
        case .failure(let e): return ([], [CaseFileProblem(path: "", kind: .syntax(line: e.line, column: e.column, reason: e.reason))])
        case .success(let value): json = value
        }
        let sink = ProblemSink()
        guard var root = Fields.object(json, path: "", sink: sink) else { return ([], sink.problems) }
        var seen: [String: String] = [:]
        let deliveries = root.objects("leveringen", required: true) { levering -> [IncomingSignal] in
            if let code = levering.string("gemeentecode"), let expected = municipalityCode, code != expected {
                sink.add(levering.childPath("gemeentecode"), .otherMunicipality(found: code, expected: expected))
            }
            _ = levering.integer("teller", in: 0...Int.max)
            if var organisation = levering.nested("aanleverendeOrganisatie") {
                _ = organisation.string("naam"); _ = organisation.string("kvk-nummer")
                _ = organisation.objects("contactpersonen") { person -> Void? in
                    for key in ["naam", "telefoonnummer", "email", "functietitel"] { _ = person.string(key) }
                    person.refuseUnknownKeys()
                    return nil
                }
                organisation.refuseUnknownKeys()
            }
            // The partners' own zaken are not taken over (the municipality makes its own), but
            // they are the standard's shape or the file is refused.
            _ = levering.objects("vroegsignaalzaken") { zaak -> Void? in
                zaak.accept("resultaat", "matchingsdatum", "startdatumMatchingperiode", "datumOpgepakt", "einddatumMatchingperiode",
                            "vroegsignalen", "contactpogingen")
                zaak.refuseUnknownKeys()
                return nil
            }
            let signals = levering.objects("vroegsignalen") { v -> IncomingSignal? in
                defer { v.refuseUnknownKeys() }
                return signal(&v, seen: &seen, sink: sink, today: today)
            }
            levering.refuseUnknownKeys()
            return signals
        }
        _ = root.date("startdatumLevering"); _ = root.date("einddatumLevering"); _ = root.moment("aanleverdatumEnTijd")
        _ = root.string("codeGegevensleverancier")
        root.refuseUnknownKeys()
        return (deliveries.flatMap { $0 }, sink.problems)
    }

    /// One element of `vroegsignalen`.
    private static func signal(_ v: inout Fields, seen: inout [String: String], sink: ProblemSink, today: CalendarDate?) -> IncomingSignal? {
        let path = v.path
        let id = v.string("ID", required: true, nonEmpty: true)
        if let id {
            if seen[id] != nil { sink.add(v.childPath("ID"), .idTwiceInImport(id)) } else { seen[id] = path }
        }
        let crisis = v.bool("crisissignaal") ?? false, warm = v.bool("warmeOverdracht") ?? false
        let euros = v.integer("bedrag", in: 0...1_000_000_000)
        let since = v.date("ontstaansdatum"), received = v.date("signaaldatum", required: true)
        if let received, let today, received > today { sink.add(v.childPath("signaaldatum"), .dateAfterToday(received)) }
        if let since, let received, since > received { sink.add(v.childPath("ontstaansdatum"), .arisenAfterSignal(arisen: since, signal: received)) }
        let status = v.string("status").flatMap { text -> SignalStatus? in
            guard let s = SignalStatus(ddas: text) else {
                sink.add(v.childPath("status"), .unknownCode(text, allowed: SignalStatus.allCases.map(\.ddas))); return nil
            }
            return s
        }
        let partner = v.nested("signaalpartner", required: true).flatMap { p -> SignalPartner? in
            var p = p
            defer { p.refuseUnknownKeys() }
            guard let type = p.string("type", required: true) else { return nil }
            guard let partner = SignalPartner(ddas: type) else {
                sink.add(p.childPath("type"), .unknownCode(type, allowed: SignalPartner.allCases.map(\.ddas))); return nil
            }
            return partner
        }
        let client = v.nested("client", required: true).flatMap { c -> SignalClient? in
            var c = c
            defer { c.refuseUnknownKeys() }
            let bsnText = c.string("burgerservicenummer")
            var bsn: BSN?
            if let bsnText {
                bsn = BSN(bsnText)
                if bsn == nil { sink.add(c.childPath("burgerservicenummer"), .bsnFailsElevenTest(bsnText)) }
            }
            if let sex = c.string("geslachtsaanduiding"), !["Man", "Vrouw", "Onbekend", "Leeg"].contains(sex) {
                sink.add(c.childPath("geslachtsaanduiding"), .unknownCode(sex, allowed: ["Man", "Vrouw", "Onbekend", "Leeg"]))
            }
            let birth = c.date("geboortedatum")
            let postcodeText = c.string("postcode"), number = c.string("huisnummer"), suffix = c.string("huisnummertoevoeging")
            var postcode: String?
            if let postcodeText {
                postcode = Postcode.normalised(postcodeText)
                if postcode == nil { sink.add(c.childPath("postcode"), .wrongFormat(found: postcodeText, expected: "1234 AB")) }
            }
            if bsnText != nil && c.object.keys.contains(where: { $0 != "burgerservicenummer" }) {
                sink.add(c.path, .bsnWithOtherFields)
            }
            if bsnText == nil && (postcodeText == nil || number == nil) {
                sink.add(c.path, .wrongFormat(found: "{…}", expected: "burgerservicenummer, of postcode en huisnummer / a BSN, or postcode and house number"))
            }
            return SignalClient(bsn: bsn, postcode: postcode, houseNumber: number, houseNumberSuffix: suffix, birthDate: birth)
        }
        guard let id, let partner, let client, let received else { return nil }
        let signal = Signal(id: id, partner: partner, creditor: partner.ddas, amount: Money(euros: euros ?? 0),
                            since: since, received: received, status: status ?? .notYetPickedUp,
                            crisis: crisis, warmHandover: warm)
        return IncomingSignal(signal: signal, client: client, path: path)
    }

    /// Who delivers, for the delivery's header.
    public struct Sender: Equatable, Sendable {
        /// The CBS municipality code, four digits.
        public var municipalityCode: String
        /// The organisation that delivers (the municipality, or who works for it).
        public var organisation: String
        /// The code of the software supplier (codeGegevensleverancier).
        public var supplierCode: String
        public init(municipalityCode: String, organisation: String, supplierCode: String = "keukentafel") {
            self.municipalityCode = municipalityCode; self.organisation = organisation; self.supplierCode = supplierCode
        }
    }

    /// One zaak as the delivery reports it: its signals, each with its client.
    public struct ReportedCase: Equatable, Sendable {
        public var signals: [(signal: Signal, client: SignalClient)]
        public var outreach: SignalCase?
        public init(signals: [(signal: Signal, client: SignalClient)], outreach: SignalCase?) {
            self.signals = signals; self.outreach = outreach
        }
        public static func == (a: ReportedCase, b: ReportedCase) -> Bool {
            a.outreach == b.outreach && a.signals.elementsEqual(b.signals) { $0.signal == $1.signal && $0.client == $1.client }
        }
    }

    /// The delivery for `from`…`to`: every signal received in the period and the zaken they
    /// belong to, with their contact attempts and result. The client by BSN when it is known
    /// (the standard then allows nothing else), else by postcode, house number and birth date.
    public static func report(_ cases: [ReportedCase], from: CalendarDate, to: CalendarDate, sender: Sender, at moment: Moment) -> JSONValue {
        var signals: [JSONValue] = [], zaken: [JSONValue] = []
        for c in deliverable(cases) {
            for (s, client) in c.signals {
                var o: JSONObject = ["ID": .string(s.id ?? "")]
                o["crisissignaal"] = .bool(s.crisis)
                o["warmeOverdracht"] = .bool(s.warmHandover)
                o["bedrag"] = .number(String(wholeEuros(s.amount)))
                o["ontstaansdatum"] = s.since.map { .string($0.iso) }
                o["signaaldatum"] = s.received.map { .string($0.iso) }
                o["status"] = .string(s.status.ddas)
                o["signaalpartner"] = .object(["type": .string(s.partner.ddas)])
                o["client"] = .object(clientJSON(client))
                signals.append(.object(o))
            }
            guard let z = c.outreach else { continue }
            var o = JSONObject()
            o["resultaat"] = z.result.map { .string($0.ddas) }
            o["matchingsdatum"] = .string(z.matched.iso)
            o["startdatumMatchingperiode"] = .string(z.periodStart.iso)
            o["einddatumMatchingperiode"] = .string(z.periodEnd.iso)
            o["datumOpgepakt"] = z.pickedUp.map { .string($0.iso) }
            o["vroegsignalen"] = .array(c.signals.compactMap { $0.signal.id }.map { .object(["ID": .string($0)]) })
            o["contactpogingen"] = .array(z.attempts.map { a in
                .object(["soort": .string(a.kind.ddas), "bereikt": .bool(a.reached), "datum": .string(a.date.iso), "dagdeel": .string(a.partOfDay.ddas)])
            })
            zaken.append(.object(o))
        }
        var levering: JSONObject = ["teller": .number("1"), "gemeentecode": .string(sender.municipalityCode),
                                    "aanleverendeOrganisatie": .object(["naam": .string(sender.organisation)])]
        if !signals.isEmpty { levering["vroegsignalen"] = .array(signals) }
        if !zaken.isEmpty { levering["vroegsignaalzaken"] = .array(zaken) }
        return .object(["startdatumLevering": .string(from.iso), "einddatumLevering": .string(to.iso),
                        "aanleverdatumEnTijd": .string(Moment(epochSeconds: moment.epochSeconds).iso), "codeGegevensleverancier": .string(sender.supplierCode),
                        "leveringen": .array([.object(levering)])])
    }

    /// What `report` delivers: a signal whose person can be named neither by BSN nor by address
    /// is left out (`undeliverable` says which), and a zaak with none left with it.
    public static func deliverable(_ cases: [ReportedCase]) -> [ReportedCase] {
        cases.map { ReportedCase(signals: $0.signals.filter { $0.client.isDeliverable }, outreach: $0.outreach) }.filter { !$0.signals.isEmpty }
    }

    /// The signals `report` leaves out: no BSN, no postcode and house number to name the person by.
    public static func undeliverable(_ cases: [ReportedCase]) -> [String] {
        cases.flatMap { $0.signals.filter { !$0.client.isDeliverable }.map { $0.signal.id ?? "?" } }
    }

    static func clientJSON(_ c: SignalClient) -> JSONObject {
        if let bsn = c.bsn { return ["burgerservicenummer": .string(bsn.digits)] }
        var o = JSONObject()
        o["postcode"] = c.postcode.map { .string($0.replacingOccurrences(of: " ", with: "")) }
        o["huisnummer"] = c.houseNumber.map { .string($0) }
        o["huisnummertoevoeging"] = c.houseNumberSuffix.map { .string($0) }
        o["geboortedatum"] = c.birthDate.map { .string($0.iso) }
        return o
    }

    /// The standard counts in whole euros: half a euro and more rounds up.
    public static func wholeEuros(_ m: Money) -> Int { Rounding.divideHalfAwayFromZero(m.cents, by: 100) }
}
