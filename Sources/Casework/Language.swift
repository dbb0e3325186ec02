/// The language of what people read. Dutch by default; English with `--lang en`.
public enum Language: String, CaseIterable, Sendable {
    case nl, en

    /// Picks the Dutch or the English text.
    public func pick(_ dutch: String, _ english: String) -> String { self == .nl ? dutch : english }
}
