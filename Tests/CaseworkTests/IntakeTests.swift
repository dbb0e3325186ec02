import Testing
@testable import Casework

/// The intake as typed at the kitchen table: one line per person, one for the address,
/// each read into checked parts. Dates are on 2026-11-23 (the fixtures' reference day).
@Suite("Intake lines: persons, addresses, postcodes, the household they make")
struct IntakeTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)!

    @Test("A person line: name, birth date and BSN in any order, each checked")
    func personLine() {
        let sanne = PersonLine.read("Sanne Jansen 12-04-1991 111222333", today: today)
        #expect(sanne.name == "Sanne Jansen")
        #expect(sanne.birthDate?.iso == "1991-04-12")
        #expect(sanne.bsn?.digits == "111222333")
        #expect(sanne.problems.isEmpty)
        // Order is free, separators vary, commas are left out, eight digits are a date.
        let kees = PersonLine.read("123456782, Kees van der Berg, 3/7/1985", today: today)
        #expect(kees.name == "Kees van der Berg" && kees.birthDate?.iso == "1985-07-03" && kees.bsn?.digits == "123456782")
        #expect(PersonLine.read("Mila 01092021", today: today).birthDate?.iso == "2021-09-01")
        #expect(PersonLine.read("Zoë 2019-02-28", today: today).birthDate?.iso == "2019-02-28")
        // A BSN may be left out; the name and birth date may not.
        #expect(PersonLine.read("Zoë Çelik 1-1-2000", today: today).problems.isEmpty)
        #expect(PersonLine.read("12-04-1991", today: today).problems == [.nameMissing])
        #expect(PersonLine.read("Sanne Jansen", today: today).problems == [.birthDateMissing])
    }

    @Test("A mistake in a person line is named, with what to do")
    func personMistakes() {
        // 9+16+21+24+25+24+21+16 − 9 = 147, not a multiple of 11.
        #expect(PersonLine.read("Sanne 12-04-1991 123456789", today: today).problems == [.bsnFailsElevenTest("123456789")])
        #expect(PersonLine.read("Sanne 31-02-1991", today: today).problems == [.notADate("31-02-1991")])
        #expect(PersonLine.read("Sanne 12-04-2027", today: today).problems
                == [.bornInFuture(CalendarDate(year: 2027, month: 4, day: 12)!)])
        #expect(PersonLine.read("Sanne 12-04-1991 1234", today: today).problems == [.unclearNumber("1234")])
        #expect(PersonLine.read("Sanne 12-04-1991 1-1-1990", today: today).problems == [.twoDates])
        #expect(IntakeProblem.Kind.bsnFailsElevenTest("123456789").message(in: .nl)
                == "123456789 is geen geldig BSN (de 11-proef klopt niet); kijk de cijfers na of laat het BSN weg.")
    }

    @Test("Postcodes: four digits not starting with 0, two letters but SA, SD and SS")
    func postcodes() {
        #expect(Postcode.normalised("1506ea") == "1506 EA")
        #expect(Postcode.normalised(" 1506  EA ") == "1506 EA")
        #expect(Postcode.normalised("0506 EA") == nil)
        #expect(Postcode.normalised("1506 SS") == nil)
        #expect(Postcode.normalised("1506 E") == nil)
        #expect(Postcode.normalised("15067 EA") == nil)
        #expect(Postcode.problem("1506 SS", in: .nl).contains("SA, SD en SS"))
        #expect(Postcode.problem("0506 EA", in: .en).contains("does not start with 0"))
    }

    @Test("An address line: street, number and addition before the postcode, the city after")
    func addressLine() {
        let a = AddressLine.read("Westzijde 12 a, 1506ea Zaandam")
        #expect(a.street == "Westzijde" && a.houseNumber == "12" && a.addition == "A")
        #expect(a.postcode == "1506 EA" && a.city == "Zaandam" && a.problems.isEmpty)
        #expect(a.address == Address(street: "Westzijde 12A", postcode: "1506 EA", city: "Zaandam"))
        // A street that starts with a number; an addition that is not a letter.
        let b = AddressLine.read("2e Hugo de Grootstraat 5-III 1052 LA Amsterdam")
        #expect(b.street == "2e Hugo de Grootstraat" && b.houseNumber == "5" && b.addition == "III")
        #expect(b.address.street == "2e Hugo de Grootstraat 5-III")
        // Read back from what it wrote: the same parts.
        #expect(AddressLine.read(AddressLine.line(a.address)) == a)
        #expect(AddressLine.read(AddressLine.line(b.address)).address == b.address)
        // What is missing or wrong.
        #expect(AddressLine.read("Westzijde, 1506 EA Zaandam").problems == [.houseNumberMissing])
        #expect(AddressLine.read("Westzijde 12, Zaandam").problems == [.postcodeMissing])
        #expect(AddressLine.read("Westzijde 12 1506 SS Zaandam").problems == [.notAPostcode("1506 SS")])
        #expect(AddressLine.read("Westzijde 12 1506 EA").problems == [.cityMissing])
        #expect(AddressLine.read("1506 EA Zaandam").problems == [.streetMissing])
    }

    @Test("The household of an intake: roles by age, the name from the applicant, order partner–children–others")
    func household() {
        let intake = Intake(applicant: "Sanne Jansen 12-04-1991 111222333", address: "Westzijde 12, 1506 EA Zaandam",
                            others: [.init(line: "Mila Jansen 01-09-2021"), .init(line: "Ahmed El Amrani 02-02-1989 123456782"),
                                     .init(line: ""), .init(line: "Oma Jansen 05-05-1950")])
        #expect(intake.roles(today: today) == [.child, .partner, .other, .other])
        let h = intake.household(caseworker: "r.westra", today: today)
        #expect(h?.name == "Huishouden Jansen")
        #expect(h?.caseworker == "r.westra")
        #expect(h?.members.map(\.name) == ["Sanne Jansen", "Ahmed El Amrani", "Mila Jansen", "Oma Jansen"])
        #expect(h?.members.map(\.role) == [.applicant, .partner, .child, .other])
        #expect(h?.address?.street == "Westzijde 12")
        // A role chosen by hand stands, and the others follow: the adult next in line is
        // then another resident. Two partners chosen by hand are a problem.
        var chosen = intake
        chosen.others[3].role = .partner
        #expect(chosen.roles(today: today) == [.child, .other, .other, .partner])
        var two = chosen
        two.others[1].role = .partner
        #expect(two.problems(today: today) == [IntakeProblem(row: .person(3), kind: .secondPartner)])
        #expect(two.household(caseworker: nil, today: today) == nil)
        // A typed name stands; a surname alone starts with a capital.
        #expect(Intake.defaultName(applicant: "Kees van der Berg") == "Huishouden Van der Berg")
        #expect(Intake.defaultName(applicant: "Zoë") == "Huishouden Zoë")
        var named = intake
        named.name = "Fam. Jansen-El Amrani"
        #expect(named.household(caseworker: nil, today: today)?.name == "Fam. Jansen-El Amrani")
    }

    @Test("An intake needs an applicant and an address, and no BSN twice")
    func intakeProblems() {
        #expect(Intake().problems(today: today) == [IntakeProblem(row: .applicant, kind: .applicantMissing),
                                                      IntakeProblem(row: .address, kind: .addressMissing)])
        let twice = Intake(applicant: "Sanne Jansen 12-04-1991 111222333", address: "Westzijde 12, 1506 EA Zaandam",
                           others: [.init(line: "Piet Jansen 12-04-1990 111222333")])
        #expect(twice.problems(today: today) == [IntakeProblem(row: .person(0), kind: .sameBSNTwice("111222333"))])
    }

    @Test("What was typed survives as a draft document, roles chosen by hand included")
    func draftDocument() {
        let intake = Intake(applicant: "Sanne", address: "Westzijde", others: [.init(line: "Mila", role: .child), .init(line: "x")],
                            name: "Jansen")
        #expect(Intake(document: intake.document) == intake)
        #expect(Intake(document: .string("no")) == nil)
    }
}
