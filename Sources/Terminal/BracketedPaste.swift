/// Bracketed paste (xterm, tmux, most modern terminals): after `ESC [?2004h` the terminal
/// wraps pasted text in `ESC [200~` … `ESC [201~`. Curses knows neither marker as a key, so
/// they arrive as Escape and plain characters; this recognises them, so a pasted address or
/// IBAN becomes one `.paste(String)` instead of keys that could trigger actions.
public enum BracketedPaste {
    public static let enable = "\u{1B}[?2004h"
    public static let disable = "\u{1B}[?2004l"

    /// The end marker. (The start marker, `ESC [200~`, is recognised by
    /// `KeyDecoding.escapeSequence`.)
    static let end: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    /// The most text one paste may hold; the rest is dropped (a runaway paste must not
    /// exhaust memory).
    public static let limit = 1 << 20

    /// Collects the pasted characters until the end marker. Line ends become "\n" (a
    /// terminal pastes them as "\r"); tabs stay; other control characters are dropped so a
    /// paste cannot smuggle escape sequences into a field.
    public struct Collector: Sendable {
        private var scalars: [UInt32] = []
        /// The part of the end marker seen so far.
        private var marker: [UInt32] = []
        public private(set) var isComplete = false

        public init() {}

        /// Takes one character; returns true when the end marker is complete.
        @discardableResult
        public mutating func feed(_ value: UInt32) -> Bool {
            guard !isComplete else { return true }
            if value == end[marker.count] {
                marker.append(value)
                if marker.count == end.count { isComplete = true }
                return isComplete
            }
            // Not the marker after all: what looked like its start was text.
            if scalars.count < limit { scalars += marker }
            marker = value == end[0] ? [value] : []
            if marker.isEmpty, scalars.count < limit { scalars.append(value) }
            return false
        }

        /// The text so far, cleaned as described above.
        public var text: String {
            var out = String.UnicodeScalarView()
            var previousWasCR = false
            for value in scalars {
                defer { previousWasCR = value == 13 }
                switch value {
                case 13: out.append("\n")
                case 10: if !previousWasCR { out.append("\n") }
                case 9: out.append("\t")
                case 0..<32, 127, 0x80...0x9F: continue
                default: if let scalar = Unicode.Scalar(value) { out.append(scalar) }
                }
            }
            return String(out)
        }
    }
}
