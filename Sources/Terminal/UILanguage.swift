/// The language of the few sentences the terminal layer itself says (a broken theme file,
/// an unknown theme). Terminal cannot import Casework's `Language`, so the workstation
/// passes its choice down as one of these.
public enum UILanguage: Sendable {
    case nl, en

    /// The Dutch or the English text.
    func pick(_ dutch: String, _ english: String) -> String { self == .nl ? dutch : english }
}
