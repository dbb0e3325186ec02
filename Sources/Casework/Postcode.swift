/// A Dutch postcode: four digits, the first not 0, and two letters, written `1506 EA`.
/// PostNL never hands out the letter pairs SA, SD and SS, so those are no postcode either.
public enum Postcode {
    static let unusedLetters: Set<String> = ["SA", "SD", "SS"]

    /// The postcode in its written form (`1506 EA`), from `1506ea`, `1506 ea` or `1506  EA`;
    /// nil when it is no postcode.
    public static func normalised(_ text: String) -> String? {
        let compact = text.filter { !$0.isWhitespace }
        let chars = Array(compact)
        guard chars.count == 6, chars[0] != "0", chars[..<4].allSatisfy(\.isASCIIDigit),
              chars[4...].allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let letters = String(chars[4...]).uppercased()
        guard !unusedLetters.contains(letters) else { return nil }
        return String(chars[..<4]) + " " + letters
    }

    /// Why `text` is no postcode, in words, with what to write instead.
    public static func problem(_ text: String, in l: Language) -> String {
        let compact = text.filter { !$0.isWhitespace }
        if compact.count == 6, compact.first == "0" {
            return l.pick("\(text) is geen postcode: een postcode begint niet met 0. Schrijf vier cijfers en twee letters, zoals 1506 EA.",
                          "\(text) is not a postcode: a postcode does not start with 0. Write four digits and two letters, like 1506 EA.")
        }
        if compact.count == 6, unusedLetters.contains(String(compact.suffix(2)).uppercased()) {
            return l.pick("\(text) is geen postcode: de letters SA, SD en SS komen in postcodes niet voor. Kijk de letters na.",
                          "\(text) is not a postcode: the letters SA, SD and SS are not used in postcodes. Check the letters.")
        }
        return l.pick("\(text) is geen postcode. Schrijf vier cijfers en twee letters, zoals 1506 EA.",
                      "\(text) is not a postcode. Write four digits and two letters, like 1506 EA.")
    }
}
