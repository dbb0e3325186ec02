import Foundation
import Testing
@testable import Casework

@Suite("The decision letter")
struct DecisionLetterTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/letter-approved.txt")

    static func letter() -> String {
        let household = Household(id: "hh-demo-0001", name: "Huishouden Jansen",
                                  address: Address(street: "Westzijde 12", postcode: "1506 EA", city: "Zaandam"),
                                  members: [member("Sanne Jansen", born: "1991-04-12", .applicant)])
        let normTest = NormTest(category: .single21toAOW, normDate: day("2025-01-01"), norm: euros("1345.45"), percentage: 110,
                                threshold: euros("1480.00"), assessedIncome: euros("1500.00"))
        // One band from the base: (1.500,00 − 1.345,45) = 154,55 × 35 % = 54,0925 → 54,09 a month; × 12 = 649,08.
        let draagkracht = Draagkracht(base: euros("1345.45"),
                                      bands: [DraagkrachtBand(from: euros("1345.45"), upTo: nil, sharePercent: 35,
                                                              income: euros("154.55"))],
                                      periodMonths: 12)
        let grant = Grant(id: "gr-000010", route: .custom, category: .kinderopvang, amount: euros("2400.00"),
                          payee: Payee(name: "Kinderopvang De Zaan", iban: "NL91ABNA0417164300", reference: "Jansen/2026-11"),
                          goalShort: "Sanne houdt haar baan",
                          motivation: "Zonder opvang kan Sanne niet werken en verliest zij haar baan; een jaar bijstand kost ruim € 12.000. Intern: Sanne sliep slecht.",
                          status: .approved, submittedBy: "r.westra", submittedAt: Moment(iso: "2026-11-21T10:12:00+01:00"),
                          decidedBy: "j.bakker", decidedAt: Moment(iso: "2026-11-23T10:00:00+01:00"),
                          snapshot: FinancialSnapshot(normTest: normTest, draagkracht: draagkracht, grantable: euros("1750.92")),
                          // The reasons as edited for the letter: the internal note left out.
                          letterReasons: "Zonder opvang kan Sanne niet werken en verliest zij haar baan; een jaar bijstand kost ruim € 12.000.")
        return DecisionLetter.text(grant: grant, household: household,
                                   sender: DecisionLetter.Sender(municipality: "Gemeente Zaanstad", team: "Wijkteam Zaandam-Oost",
                                                                 signer: "Jeroen Bakker", signerRole: "teamleider"),
                                   sent: day("2026-11-23"))!
    }

    @Test("States amount, payee, legal ground, motivation, figures and six weeks to object")
    func content() {
        let text = Self.letter()
        #expect(text.contains("Wij kennen u € 2.400,00 bijzondere bijstand toe"))
        #expect(text.contains("Kinderopvang De Zaan (rekening NL91 ABNA 0417 1643 00)"))
        #expect(text.contains("artikel 35 van de Participatiewet"))
        #expect(text.contains("Zonder opvang kan Sanne niet werken en verliest zij haar baan; een jaar\nbijstand kost ruim € 12.000."))
        #expect(text.contains("Inkomensgrens (110% van de norm)"))
        #expect(text.contains("€ 1.750,92"))
        #expect(text.contains("binnen zes weken"))
        // 23 November 2026 + 42 days = 4 January 2027
        #expect(text.contains("uiterlijk op 4 januari 2027"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 })
        // The application date, the decision, who signs for whom, what to report.
        #expect(text.contains("Onderwerp: toekenning bijzondere bijstand"))
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("Op 21 november 2026 vroeg u bijzondere bijstand aan voor kinderopvang: € 2.400,00"))
        #expect(flat.contains("Op 23 november 2026 hebben wij op uw aanvraag beslist."))
        // An amount is never split over two lines.
        #expect(!text.contains("€\n"))
        #expect(text.contains("namens het college van burgemeester en wethouders van Zaanstad,\n\nJeroen Bakker\nteamleider\nWijkteam Zaandam-Oost\nGemeente Zaanstad\n"))
        #expect(flat.contains("artikel 17 van de Participatiewet"))
        // The internal note stays in the motivation.
        #expect(!text.contains("sliep slecht"))
    }

    @Test("The whole letter, as a golden text file")
    func golden() throws {
        let text = Self.letter()
        if ProcessInfo.processInfo.environment["KEUKENTAFEL_RECORD"] == "1" {
            try text.write(to: Self.golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.golden.lastPathComponent); run again without KEUKENTAFEL_RECORD")
            return
        }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(text == expected)
    }

    static func household() -> Household {
        Household(id: "hh-demo-0006", name: "Huishouden Dubois",
                  address: Address(street: "Vincent van Goghweg 40", postcode: "1506 JD", city: "Zaandam"),
                  members: [member("Hélène Dubois", born: "1958-02-03", .applicant)])
    }

    static func rejected(reasons: String, comment: String? = nil) -> Grant {
        Grant(id: "gr-000020", route: .custom, category: .inrichting, amount: euros("900.00"),
              payee: Payee(name: "Kringloop Zaanstreek", iban: "NL91ABNA0417164300"), goalShort: "Een bed",
              motivation: "Hélène heeft COPD en slaapt slecht; intern: de dochter helpt niet.", status: .rejected,
              submittedBy: "r.westra", submittedAt: Moment(iso: "2026-11-16T09:00:00+01:00"),
              decidedBy: "j.bakker", decidedAt: Moment(iso: "2026-11-20T11:00:00+01:00"), decisionComment: comment,
              letterReasons: reasons)
    }

    static let sender = DecisionLetter.Sender(municipality: "Gemeente Zaanstad", team: "Wijkteam Poelenburg",
                                              signer: "Jeroen Bakker", signerRole: "teamleider")

    @Test("A rejection letter gives the reviewer's reasons and none of the request's motivation")
    func rejection() throws {
        let text = try #require(DecisionLetter.text(grant: Self.rejected(reasons: "Uw vermogen van € 19.500,00 is hoger dan de vermogensgrens; u kunt het bed daarvan betalen."),
                                                    household: Self.household(), sender: Self.sender, sent: day("2026-11-20")))
        #expect(text.contains("Onderwerp: afwijzing van uw aanvraag om bijzondere bijstand"))
        #expect(text.contains("Wij wijzen uw aanvraag af."))
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("Uw vermogen van € 19.500,00 is hoger dan de vermogensgrens"))
        #expect(!text.contains("COPD") && !text.contains("intern") && !text.contains("Wij kennen u"))
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("Op 16 november 2026 vroeg u"))
        // Friday 2026-11-20 + six weeks = Friday 1 January 2027, New Year's Day; the weekend follows.
        #expect(text.contains("uiterlijk op 4 januari 2027"))
        #expect(text.contains("namens het college van burgemeester en wethouders van Zaanstad"))
        // A rejection from before reasons were their own text: the reviewer's comment, written for the letter.
        let older = try #require(DecisionLetter.text(grant: Self.rejected(reasons: "", comment: "Er is voorliggende voorziening via de Wmo."),
                                                     household: Self.household(), sender: Self.sender, sent: day("2026-11-20")))
        #expect(older.contains("Er is voorliggende voorziening via de Wmo."))
        #expect(!older.contains("COPD"))
    }

    @Test("An approval without reasons written for the letter carries no motivation at all")
    func approvalWithoutReasons() throws {
        var grant = Self.rejected(reasons: "")
        grant.status = .approved
        let text = try #require(DecisionLetter.text(grant: grant, household: Self.household(), sender: Self.sender, sent: day("2026-11-20")))
        #expect(text.contains("Wij kennen u € 900,00 bijzondere bijstand toe"))
        #expect(!text.contains("COPD"))
    }

    @Test("No letter for a request without a decision")
    func undecided() {
        for status in [GrantStatus.draft, .submitted, .returned, .withdrawn] {
            var grant = Self.rejected(reasons: "x")
            grant.status = status
            #expect(DecisionLetter.text(grant: grant, household: Self.household(), sender: Self.sender, sent: day("2026-11-20")) == nil, "\(status)")
        }
    }

    @Test("A loan's terms and the conditions attached, with their articles")
    func loanAndConditions() throws {
        var grant = Self.rejected(reasons: "Een bed is nodig voor uw gezondheid.")
        grant.status = .approved
        grant.form = .loan
        grant.amount = euros("1000.00")
        // € 1.000,00 at € 75,00 a month: 13 × 75 = 975, so 14 months, the last € 25,00;
        // January 2027 + 13 months = February 2028.
        grant.loan = LoanTerms(monthlyInstalment: euros("75.00"), firstMonth: day("2027-01-15"))
        grant.conditions = [Agreement(text: "Lever de factuur van het bed in", due: day("2027-01-31"))]
        let text = try #require(DecisionLetter.text(grant: grant, household: Self.household(), sender: Self.sender, sent: day("2026-11-20")))
        #expect(text.contains("als renteloze lening"))
        #expect(text.contains("artikel 48 van de Participatiewet"))
        #expect(text.contains("U betaalt de lening terug in 14 maanden:"))
        #expect(text.contains("Aflossing per maand") && text.contains("€ 75,00"))
        #expect(text.contains("Eerste aflossing") && text.contains("januari 2027"))
        #expect(text.contains("Laatste aflossing, februari 2028") && text.contains("€ 25,00"))
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("(artikel 55 van de Participatiewet): - Lever de factuur van het bed in, uiterlijk 31 januari 2027."))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 78 })
    }

    @Test("After an upheld objection the approval letter points to the court (beroep), not to another objection")
    func afterObjection() throws {
        var grant = Self.rejected(reasons: "De afwijzing is herroepen: het spaargeld is bestemd voor de uitvaart.")
        grant.status = .approved
        grant.objections = [Objection(decisionDate: CalendarDate(iso: "2026-11-20")!, received: CalendarDate(iso: "2026-11-27")!, grounds: "x",
                                      recordedBy: "r.westra", outcome: .upheld, decidedBy: "t.tweede", decidedAt: Moment(iso: "2026-12-07T10:00:00+01:00"))]
        let text = try #require(DecisionLetter.text(grant: grant, household: Self.household(), sender: Self.sender, sent: CalendarDate(iso: "2026-12-07")!))
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("Dit besluit nemen wij na uw bezwaar van 27 november 2026, dat wij gegrond vinden."))
        #expect(flat.contains("Bent u het niet eens met deze beslissing op uw bezwaar?"))
        // Monday 7 December 2026 + six weeks = Monday 18 January 2027.
        #expect(flat.contains("beroep instellen bij de rechtbank (bestuursrecht) binnen zes weken") && flat.contains("uiterlijk op 18 januari 2027"))
        #expect(!flat.contains("bezwaar maken binnen"))
    }

    @Test("A decision on an objection says so: its subject, the outcome with its reasons, the new decision, and the court next", arguments: [
        (ObjectionOutcome.upheld, "Wij vinden uw bezwaar gegrond: wij herroepen dat besluit en nemen een nieuw besluit."),
        (ObjectionOutcome.dismissed, "Wij vinden uw bezwaar ongegrond: het besluit blijft zoals het is."),
    ])
    func objectionDecided(outcome: ObjectionOutcome, sentence: String) throws {
        var grant = Self.rejected(reasons: "")
        grant.status = .approved
        grant.letterReasons = "Wij kennen u een renteloze lening toe."
        grant.objections = [Objection(decisionDate: CalendarDate(iso: "2026-11-20")!, received: CalendarDate(iso: "2026-11-27")!,
                                      grounds: "Een lening kan ik niet terugbetalen.", recordedBy: "r.westra", outcome: outcome,
                                      decidedBy: "t.tweede", decidedAt: Moment(iso: "2026-12-07T10:00:00+01:00"),
                                      reasons: "Uw inkomen ligt onder de norm; terugbetalen is niet redelijk.",
                                      newDecision: outcome == .upheld ? "De lening wordt een gift van € 900,00." : "")]
        let text = try #require(DecisionLetter.text(grant: grant, household: Self.household(), sender: Self.sender, sent: CalendarDate(iso: "2026-12-08")!))
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Onderwerp: beslissing op uw bezwaar tegen ons besluit van 20 november 2026"))
        #expect(flat.contains("Op 27 november 2026 ontvingen wij uw bezwaar tegen ons besluit van 20 november 2026. " + sentence))
        #expect(flat.contains("Uw inkomen ligt onder de norm; terugbetalen is niet redelijk."))
        #expect(flat.contains("Ons nieuwe besluit: De lening wordt een gift van € 900,00.") == (outcome == .upheld))
        #expect(flat.contains("Bent u het niet eens met deze beslissing op uw bezwaar?") && flat.contains("beroep instellen bij de rechtbank"))
    }

    @Test("A letter for a grant paid already says the money was paid, not that it will be")
    func paidSaysPaid() throws {
        var grant = Self.rejected(reasons: "Wij betalen het bed.")
        grant.status = .paid
        grant.paidAt = Moment(iso: "2026-11-21T10:00:00+01:00")
        let flat = try #require(DecisionLetter.text(grant: grant, household: Self.household(), sender: Self.sender, sent: CalendarDate(iso: "2026-12-08")!))
            .replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("Wij hebben het bedrag rechtstreeks betaald aan Kringloop Zaanstreek"))
        #expect(!flat.contains("binnen 24 uur rechtstreeks"))
    }
}
