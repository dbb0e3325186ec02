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
                          motivation: "Zonder opvang kan Sanne niet werken en verliest zij haar baan; een jaar bijstand kost ruim € 12.000.",
                          status: .approved, decidedBy: "j.bakker", decidedAt: Moment(iso: "2026-11-23T10:00:00+01:00"),
                          snapshot: FinancialSnapshot(normTest: normTest, draagkracht: draagkracht, grantable: euros("1750.92")))
        return DecisionLetter.text(grant: grant, household: household,
                                   sender: DecisionLetter.Sender(municipality: "Gemeente Zaanstad", team: "Wijkteam Zaandam-Oost"),
                                   sent: day("2026-11-23"))
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
}
