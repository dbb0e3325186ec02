import Testing
@testable import Casework

/// Vroegsignalering: the DDAS file in, matching, zaken, the term to first contact and the
/// delivery out, with hand-worked dates.
@Suite("Early-warning signals (DDAS)")
struct SignalTests {
    static func file(_ signals: String) -> String {
        """
        { "startdatumLevering": "2026-11-01", "einddatumLevering": "2026-11-30", "aanleverdatumEnTijd": "2026-11-30T08:00:00Z",
          "codeGegevensleverancier": "inforing", "leveringen": [ { "teller": 1, "gemeentecode": "0479",
          "aanleverendeOrganisatie": { "naam": "Inforing" }, "vroegsignalen": [ \(signals) ] } ] }
        """
    }
    static let byBSN = """
        { "ID": "E-1", "crisissignaal": true, "warmeOverdracht": false, "bedrag": 412, "ontstaansdatum": "2026-09-01",
          "signaaldatum": "2026-11-27", "status": "Nog niet opgepakt", "signaalpartner": { "type": "Energie" },
          "client": { "burgerservicenummer": "111222333" } }
        """
    static let byAddress = """
        { "ID": "H-2", "bedrag": 1650, "signaaldatum": "2026-11-20", "signaalpartner": { "type": "Huur" },
          "client": { "postcode": "1506EA", "huisnummer": "12", "geboortedatum": "1991-04-12" } }
        """

    @Test("A DDAS file reads into signals with their clients")
    func reads() throws {
        let signals = try DDASDelivery.readSignals(Self.file(Self.byBSN + "," + Self.byAddress)).get()
        #expect(signals.count == 2)
        let e = signals[0]
        #expect(e.signal == Signal(id: "E-1", partner: .energie, creditor: "Energie", amount: Money(euros: 412),
                                   since: CalendarDate(iso: "2026-09-01"), received: CalendarDate(iso: "2026-11-27"), crisis: true))
        #expect(e.client == SignalClient(bsn: BSN("111222333")))
        #expect(e.path == "leveringen[0].vroegsignalen[0]")
        #expect(signals[1].client == SignalClient(postcode: "1506 EA", houseNumber: "12", birthDate: CalendarDate(iso: "1991-04-12")))
    }

    @Test("A duplicate ID, an unknown partner type, a bad BSN and a client without identity are refused at their paths")
    func refuses() {
        let bad = """
            { "ID": "E-1", "signaaldatum": "2026-11-27", "signaalpartner": { "type": "Telecom" }, "client": { "burgerservicenummer": "123456789" } },
            { "ID": "X", "signaaldatum": "2026-11-27", "signaalpartner": { "type": "Water" }, "client": { "geboortedatum": "1990-01-01" } }
            """
        guard case .failure(let rejection) = DDASDelivery.readSignals(Self.file(Self.byBSN + "," + bad)) else {
            Issue.record("accepted"); return
        }
        let paths = rejection.problems.map(\.path)
        #expect(paths == ["leveringen[0].vroegsignalen[1].ID", "leveringen[0].vroegsignalen[1].signaalpartner.type",
                          "leveringen[0].vroegsignalen[1].client.burgerservicenummer", "leveringen[0].vroegsignalen[2].client"])
        #expect(rejection.problems[1].kind == .unknownCode("Telecom", allowed: SignalPartner.allCases.map(\.ddas)))
        #expect(rejection.problems[2].kind == .bsnFailsElevenTest("123456789"))
    }

    @Test("The four older partner codes and three statuses still read, as the standard's")
    func olderCodes() throws {
        let old = try CaseFileReader.signal(.object(["partner": .string("zorgverzekering"), "creditor": .string("Zilveren Kruis"),
                                                     "amount": .string("312.00"), "status": .string("closed")])).get()
        #expect(old.partner == .zorg && old.status == .pickedUp)
        for (code, partner) in [("huur", SignalPartner.huur), ("energie", .energie), ("water", .water)] {
            let s = try CaseFileReader.signal(.object(["partner": .string(code), "amount": .string("1.00"), "status": .string("open")])).get()
            #expect(s.partner == partner && s.status == .notYetPickedUp)
        }
        let contact = try CaseFileReader.signal(.object(["partner": .string("water"), "amount": .string("1.00"), "status": .string("contact")])).get()
        #expect(contact.status == .pickedUp)
        // Written again, the standard's codes.
        #expect(CaseFileWriter.signal(old).objectValue?["partner"] == .string("zorg"))
    }

    @Test("First contact: a crisis within three working days, else the policy's term; holidays do not count")
    func contactTerm() {
        let policy = Policy.defaults
        // Friday 27 November 2026: Monday 1, Tuesday 2, Wednesday 3 → due Wednesday 2 December.
        let friday = CalendarDate(iso: "2026-11-27")!
        let due = SignalOutreach.contactDue(received: friday, crisis: true, policy: policy)
        #expect(due == CalendarDate(iso: "2026-12-02"))
        #expect(!SignalOutreach.isOverdue(due: due, attempts: [], today: CalendarDate(iso: "2026-12-02")!))
        #expect(SignalOutreach.isOverdue(due: due, attempts: [], today: CalendarDate(iso: "2026-12-03")!))
        let attempt = ContactAttempt(kind: .telefoon, reached: false, date: CalendarDate(iso: "2026-12-01")!, partOfDay: .ochtend)
        #expect(!SignalOutreach.isOverdue(due: due, attempts: [attempt], today: CalendarDate(iso: "2026-12-03")!))
        // Not a crisis: ten working days → Friday 11 December.
        #expect(SignalOutreach.contactDue(received: friday, crisis: false, policy: policy) == CalendarDate(iso: "2026-12-11"))
        // Wednesday 23 December: Thursday 24 (1), Christmas and the weekend, Monday 28 (2), Tuesday 29 (3).
        #expect(SignalOutreach.contactDue(received: CalendarDate(iso: "2026-12-23")!, crisis: true, policy: policy) == CalendarDate(iso: "2026-12-29"))
        var five = policy
        five.signalContactWorkingDays = 5
        #expect(SignalOutreach.contactDue(received: friday, crisis: false, policy: five) == CalendarDate(iso: "2026-12-04"))
    }

    @Test("Matching: BSN first, else postcode, house number (and suffix) and birth date, never the address alone")
    func matching() {
        let jansen = Household(id: "hh-1", name: "Jansen", address: Address(street: "Westzijde 12", postcode: "1506 EA", city: "Zaandam"),
                               members: [Member(name: "Sanne", birthDate: CalendarDate(iso: "1991-04-12"), role: .applicant, bsn: BSN("111222333"))])
        let boven = Household(id: "hh-2", name: "Boven", address: Address(street: "Westzijde 12-A", postcode: "1506 EA", city: "Zaandam"),
                              members: [Member(name: "Piet", birthDate: CalendarDate(iso: "1970-01-01"), role: .applicant)])
        let all = [jansen, boven]
        #expect(SignalOutreach.match(SignalClient(bsn: BSN("111222333")), in: all)?.id == "hh-1")
        #expect(SignalOutreach.match(SignalClient(postcode: "1506 EA", houseNumber: "12", birthDate: CalendarDate(iso: "1991-04-12")), in: all)?.id == "hh-1")
        // An address alone is nobody: the household there may have moved in after the resident left.
        #expect(SignalOutreach.match(SignalClient(postcode: "1506 EA", houseNumber: "12"), in: all) == nil)
        #expect(SignalOutreach.match(SignalClient(postcode: "1506 EA", houseNumber: "12", houseNumberSuffix: "a",
                                                  birthDate: CalendarDate(iso: "1970-01-01")), in: all)?.id == "hh-2")
        #expect(SignalOutreach.match(SignalClient(postcode: "1506 EA", houseNumber: "12", birthDate: CalendarDate(iso: "1970-01-01")), in: all) == nil)
        #expect(SignalOutreach.match(SignalClient(postcode: "1506 EA", houseNumber: "12", birthDate: CalendarDate(iso: "1980-01-01")), in: all) == nil)
        #expect(SignalOutreach.match(SignalClient(postcode: "1506 EB", houseNumber: "12"), in: all) == nil)
        #expect(HouseNumber(street: "Dorpsstraat 4 bis") == HouseNumber(number: "4", suffix: "bis"))
        #expect(HouseNumber(street: "Kade 7B") == HouseNumber(number: "7", suffix: "B"))
        #expect(HouseNumber(street: "Postbus") == nil)
    }

    @Test("A zaak covers six months from its first signal; the first attempt picks it up")
    func zaak() {
        let z = SignalCase(id: "vz-1", matched: CalendarDate(iso: "2026-11-30")!, periodStart: CalendarDate(iso: "2026-11-27")!)
        #expect(z.periodEnd == CalendarDate(iso: "2027-05-26"))
        #expect(z.covers(CalendarDate(iso: "2027-05-26")!) && !z.covers(CalendarDate(iso: "2027-05-27")!))
        let later = ContactAttempt(kind: .huisbezoek, reached: true, date: CalendarDate(iso: "2026-12-02")!, partOfDay: .middag)
        let earlier = ContactAttempt(kind: .telefoon, reached: false, date: CalendarDate(iso: "2026-11-30")!, partOfDay: .ochtend)
        let picked = SignalOutreach.attempt(SignalOutreach.attempt(z, later), earlier)
        #expect(picked.pickedUp == CalendarDate(iso: "2026-11-30") && picked.attempts.count == 2)
        #expect(PartOfDay(hour: 11) == .ochtend && PartOfDay(hour: 12) == .middag && PartOfDay(hour: 18) == .avond)
    }

    @Test("The delivery: the client by BSN alone when known, whole euros, the zaak with its attempts")
    func delivery() {
        let s = Signal(id: "E-1", partner: .energie, creditor: "Energie", amount: Money(cents: 41_250), received: CalendarDate(iso: "2026-11-27"), crisis: true)
        var z = SignalCase(id: "vz-1", matched: CalendarDate(iso: "2026-11-30")!, periodStart: CalendarDate(iso: "2026-11-27")!)
        z = SignalOutreach.attempt(z, ContactAttempt(kind: .sms, reached: true, date: CalendarDate(iso: "2026-11-30")!, partOfDay: .avond))
        z.result = .adviceOrQuickFix
        let json = DDASDelivery.report([.init(signals: [(s, SignalClient(bsn: BSN("111222333"), postcode: "1506 EA", houseNumber: "12"))], outreach: z)],
                                       from: CalendarDate(iso: "2026-11-01")!, to: CalendarDate(iso: "2026-11-30")!,
                                       sender: .init(municipalityCode: "0479", organisation: "Gemeente Zaanstad"),
                                       at: Moment(iso: "2026-12-01T09:00:00+01:00")!)
        let text = JSONWriter.compact(json)
        #expect(text.contains(#""client":{"burgerservicenummer":"111222333"}"#))
        #expect(text.contains(#""bedrag":413"#))          // € 412,50 rounds up to 413
        #expect(text.contains(#""aanleverdatumEnTijd":"2026-12-01T08:00:00Z""#))
        #expect(text.contains(#""contactpogingen":[{"soort":"SMS/Whatsapp","bereikt":true,"datum":"2026-11-30","dagdeel":"Avond"}]"#))
        #expect(text.contains(#""resultaat":"(Budget)advies en/of quick fix""#))
        #expect(text.contains(#""startdatumMatchingperiode":"2026-11-27""#) && text.contains(#""einddatumMatchingperiode":"2027-05-26""#))
        #expect(DDASDelivery.wholeEuros(Money(cents: 41_249)) == 412)
    }

    @Test("The figures: received by partner, share reached, median days to first contact, results")
    func figures() {
        func day(_ d: String) -> CalendarDate { CalendarDate(iso: d)! }
        func signal(_ id: String, _ p: SignalPartner, _ received: String, crisis: Bool = false) -> (signal: Signal, client: SignalClient) {
            (Signal(id: id, partner: p, creditor: "", amount: Money(euros: 10), received: day(received), crisis: crisis), SignalClient())
        }
        func zaak(from start: String, _ attempts: [(String, Bool)], result: SignalCaseResult?) -> SignalCase {
            var z = SignalCase(id: "vz", matched: day(start), periodStart: day(start))
            for (d, reached) in attempts { z = SignalOutreach.attempt(z, ContactAttempt(kind: .telefoon, reached: reached, date: day(d), partOfDay: .middag)) }
            z.result = result
            return z
        }
        // Zaak A: first signal 2 Nov, first attempt 4 Nov (2 days), reached. Zaak B: 10 Nov → 17 Nov
        // (7 days), not reached. Zaak C: 12 Nov → 13 Nov (1 day), reached. Zaak E: its first signal
        // came on 20 Oct, before the period; November's signal 3 Nov; first attempt 5 Nov: 16 days,
        // counted from the zaak's first signal. Median of 1, 2, 7, 16: 4.5.
        let f = SignalFigures.compute([
            .init(signals: [signal("a1", .huur, "2026-11-02", crisis: true), signal("a2", .energie, "2026-11-05")],
                  outreach: zaak(from: "2026-11-02", [("2026-11-04", false), ("2026-11-06", true)], result: .adviceOrQuickFix)),
            .init(signals: [signal("b1", .huur, "2026-11-10")], outreach: zaak(from: "2026-11-10", [("2026-11-17", false)], result: .noContact)),
            .init(signals: [signal("c1", .water, "2026-11-12")], outreach: zaak(from: "2026-11-12", [("2026-11-13", true)], result: nil)),
            .init(signals: [signal("d1", .zorg, "2026-11-20")], outreach: nil),
            .init(signals: [signal("e2", .energie, "2026-11-03")], outreach: zaak(from: "2026-10-20", [("2026-11-05", false)], result: nil)),
        ])
        #expect(f.received == 6 && f.crisis == 1 && f.unmatched == 1 && f.cases == 4 && f.reached == 2)
        #expect(f.byPartner == [.huur: 2, .energie: 2, .water: 1, .zorg: 1])
        #expect(f.daysToFirstContact == [1, 2, 7, 16] && f.medianDaysToFirstContact == 4.5)
        #expect(f.reachedShare == 0.5)
        #expect(f.results == [.adviceOrQuickFix: 1, .noContact: 1])
    }
}
