import Foundation

/// The language of what people read. Dutch by default; English with `--lang en`. Every text
/// a person reads is written in both, side by side where it is used (`l.pick("…", "…")`):
/// the two languages' catalogues, kept together so neither can be forgotten.
public enum Language: String, CaseIterable, Sendable {
    case nl, en

    /// Picks the Dutch or the English text.
    public func pick(_ dutch: String, _ english: String) -> String {
        if let catalogue = Self.catalogue { catalogue.record(dutch: dutch, english: english) }
        return self == .nl ? dutch : english
    }

    /// Collects the texts of both languages as they are used, while a test asks for it
    /// (`Language.$catalogue.withValue(…)`): the English catalogue of what a screen said, to
    /// look for in its Dutch render.
    @TaskLocal public static var catalogue: TextCatalogue?
}

/// The Dutch and English texts picked while it was set (see `Language.catalogue`).
public final class TextCatalogue: @unchecked Sendable {
    private let lock = NSLock()
    private var pairs: [(dutch: String, english: String)] = []

    public init() {}

    func record(dutch: String, english: String) { lock.withLock { pairs.append((dutch, english)) } }

    public var dutch: [String] { lock.withLock { pairs.map(\.dutch) } }
    public var english: [String] { lock.withLock { pairs.map(\.english) } }
}
