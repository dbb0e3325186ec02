/// Reading keys when the locale is not UTF-8 (`LANG=C`). ncurses' wide reader then cannot
/// decode a byte above 127: it dropped the accented letter *and the key typed after it*
/// ("verbeëk" arrived as "verbe"). So in that locale the backend reads bytes (`wgetch`) and
/// assembles UTF-8 itself. A terminal that sends UTF-8 under a C locale is the usual case
/// (ssh to a server without LANG): "ë" then arrives whole and is stored as typed, though the
/// screen shows "e". Bytes that are not UTF-8 (a Latin-1 terminal) are dropped, never stored
/// as mojibake.
public enum ByteInput {
    /// How many bytes the UTF-8 sequence that `lead` starts has (2…4); 0 when `lead` cannot
    /// start one (a continuation byte, or 0xC0, 0xC1, 0xF5… which UTF-8 never uses).
    public static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    public static func isContinuation(_ byte: Int32) -> Bool { (0x80...0xBF).contains(byte) }

    /// The scalar `bytes` spell in UTF-8, or nil when they are not one whole, valid sequence
    /// (overlong forms and surrogates are refused by the standard library's validation).
    public static func scalar(_ bytes: [UInt8]) -> UInt32? {
        guard !bytes.isEmpty, let text = String(validating: bytes, as: UTF8.self),
              text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else { return nil }
        return scalar.value
    }
}
