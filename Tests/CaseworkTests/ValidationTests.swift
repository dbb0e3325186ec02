import Testing
@testable import Casework

@Suite("Validation: BSN 11-test and IBAN mod-97")
struct ValidationTests {
    // 111222333: 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 = 9+8+7+12+10+8+9+6 = 69; 69 − 3 = 66 = 6·11 ✓
    // 123456782: 9+16+21+24+25+24+21+16 = 156; 156 − 2 = 154 = 14·11 ✓
    // 123456789: 156 − 9 = 147 = 13·11 + 4 ✗
    // 012345672 (8 digits given): 0+8+14+18+20+20+18+14 = 112; 112 − 2 = 110 ✓
    @Test("The 11-test on numbers computed by hand", arguments: [
        ("111222333", true), ("123456782", true), ("123456789", false), ("12345672", true),
        ("000000000", false), ("1234 56 782", true), ("123.456.782", true),
        ("12345678", false), ("1234567820", false), ("12345678a", false), ("", false),
    ])
    func elevenTest(text: String, valid: Bool) {
        #expect((BSN(text) != nil) == valid, "\(text)")
    }

    // Found by the parser fuzz test: "Y\u{FE0F}" (a letter and a variation selector) is one
    // Character that sorts between "A" and "Z", so it passed the character check, and the
    // mod-97 step crashed unwrapping its ASCII value.
    @Test("An IBAN letter or digit with something attached is refused, not a crash", arguments: [
        "FR79Z7031823155Y\u{FE0F}4IL8B6879D2", "NL91ABNA0417164300\u{301}", "NL91ABNA\u{30A}0417164300",
        "NL9\u{200D}1ABNA0417164300",
    ])
    func joinedCharactersInIBAN(text: String) {
        #expect(IBAN.check(text) == .failure(.invalidCharacters))
    }

    @Test("Eight digits are padded back to nine; lists show only the last four")
    func bsnForms() {
        #expect(BSN("12345672")?.digits == "012345672")
        #expect(BSN("111222333")?.masked == "*****2333")
    }

    @Test("Property: changing one digit of a valid BSN breaks the 11-test")
    func oneDigitChange() {
        // weights 9…2 and −1 are all non-zero modulo 11, so every single-digit change is caught
        forAll(count: 5_000, { rng -> (String, Int, Int) in
            var digits: [Int]
            repeat {
                digits = (0..<9).map { _ in Int.random(in: 0...9, using: &rng) }
            } while !BSN.passesElevenTest(digits.map(String.init).joined())
            let position = Int.random(in: 0..<9, using: &rng)
            let change = Int.random(in: 1...9, using: &rng)
            return (digits.map(String.init).joined(), position, change)
        }) { valid, position, change in
            var digits = valid.compactMap(\.wholeNumberValue)
            digits[position] = (digits[position] + change) % 10
            let changed = digits.map(String.init).joined()
            return changed.allSatisfy { $0 == "0" } || !BSN.passesElevenTest(changed)
        }
    }

    @Test("IBANs of several countries pass mod-97", arguments: [
        "NL91ABNA0417164300", "DE89370400440532013000", "GB82WEST12345698765432", "BE68539007547034",
        "XK051212012345678906", "FR1420041010050500013M02606",
    ])
    func validIBANs(iban: String) {
        #expect(IBAN(iban)?.electronic == iban)
    }

    @Test("Spaces and lower case are accepted and normalised; printed in groups of four")
    func ibanForms() {
        let iban = IBAN("nl91 abna 0417 1643 00")
        #expect(iban?.electronic == "NL91ABNA0417164300")
        #expect(iban?.formatted == "NL91 ABNA 0417 1643 00")
        #expect(iban?.countryCode == "NL")
    }

    @Test("Each way an IBAN can be wrong has its own reason", arguments: [
        ("", IBANError.empty),
        ("   ", .empty),
        ("NL91-ABNA-0417-1643-00", .invalidCharacters),
        ("NLÄ1ABNA0417164300", .invalidCharacters),
        ("9191ABNA0417164300", .badStart),
        ("NLX1ABNA0417164300", .badStart),
        ("NL91ABNA041716430", .wrongLength(country: "NL", expected: 18, actual: 17)),
        ("DE8937040044053201300", .wrongLength(country: "DE", expected: 22, actual: 21)),
        ("XK05121201234", .wrongLength(country: "XK", expected: nil, actual: 13)),
        ("NL91ABNA0417164301", .checksum),
        ("NL19ABNA0417164300", .checksum),
    ])
    func invalidIBANs(text: String, error: IBANError) {
        #expect(IBAN.check(text) == .failure(error))
    }

    @Test("Property: any single changed digit or swapped pair of neighbours is caught")
    func ibanErrorDetection() {
        let valid = Array("NL91ABNA0417164300")
        forAll(count: 2_000, { rng -> (Int, Int, Bool) in
            (Int.random(in: 4..<18, using: &rng), Int.random(in: 1...9, using: &rng), Bool.random(using: &rng))
        }) { position, change, swap in
            var chars = valid
            if swap {
                let next = position == 17 ? 16 : position + 1
                guard chars[position] != chars[next] else { return true }
                chars.swapAt(position, next)
            } else if let d = chars[position].wholeNumberValue {
                chars[position] = Character(String((d + change) % 10))
            } else {
                return true // a letter of the bank code; covered by the fixed cases
            }
            return IBAN(String(chars)) == nil
        }
    }

    @Test("Reasons read as sentences")
    func messages() {
        #expect(IBANError.checksum.message(in: .nl) == "is geen geldig IBAN: de controle (mod 97) klopt niet; controleer op een tikfout")
        #expect(IBANError.wrongLength(country: "NL", expected: 18, actual: 17).message(in: .en)
                == "is not a valid IBAN: an NL IBAN has 18 characters, this one has 17")
    }
}
