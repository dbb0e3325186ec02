import Foundation

/// Text that did not fit where it was drawn, for the layout check: a test renders a screen
/// with a log set (`CutText.$log.withValue(log) { … }`) and every cut made while drawing —
/// by a buffer's clip, a truncation with "…", a line cut to its column — is written into it.
/// Without a log, nothing is recorded and nothing costs more than a look at the task.
public final class CutText: @unchecked Sendable {
    public struct Cut: Equatable, Sendable {
        /// The whole text that was to be drawn.
        public let text: String
        /// What of it was shown (a mark such as "…" included).
        public let shown: String
        /// A sentence for the user (the status line): never to be cut at all.
        public let isMessage: Bool

        /// How many characters of `text` were shown before the cut (a mark such as "…" and
        /// the padding after it not counted).
        var kept: Int {
            var visible = Substring(shown)
            while let last = visible.last, last == "…" || last == "~" || last == " " { visible = visible.dropLast() }
            return zip(text, visible).prefix { $0 == $1 }.count
        }

        /// What was lost: the text after the shown part.
        public var lost: Substring { text.dropFirst(kept) }

        /// True when a figure suffered: the cut falls inside a number (`€ 24,2` for € 24,28,
        /// `tabel 01-01-20`), or a line that shows figures lost an amount or a percentage
        /// (`Draagkracht € 58,78 p/m · 12 mn` without its total). Words may be cut — a long
        /// label, a question's first line, a street — as long as no number is split.
        public var cutsAFigure: Bool {
            let characters = Array(text)
            let at = kept
            guard at < characters.count else { return false }
            // inside a number: a digit on one side of the cut and a digit, or a separator
            // followed by one, on the other
            let before = at > 0 ? characters[at - 1] : " "
            let next = characters[at]
            let after = at + 1 < characters.count ? characters[at + 1] : " "
            let splitsNumber = (before.isNumber || before == "€") && (next.isNumber || ((next == "," || next == "." || next == "-") && after.isNumber))
                || (before == "," || before == "." || before == "-") && at > 1 && characters[at - 2].isNumber && next.isNumber
            if splitsNumber { return true }
            let showsFigures = text.prefix(at).contains { $0.isNumber || $0 == "€" }
            return showsFigures && lost.contains { $0 == "€" || $0 == "%" }
        }
    }

    @TaskLocal public static var log: CutText?

    private let lock = NSLock()
    private var recorded: [Cut] = []

    public init() {}

    public var cuts: [Cut] { lock.withLock { recorded } }

    /// Records a cut into the log of the current task, if there is one.
    public static func record(_ text: some StringProtocol, shown: some StringProtocol, isMessage: Bool = false) {
        guard let log else { return }
        let cut = Cut(text: String(text), shown: String(shown), isMessage: isMessage)
        log.lock.withLock { log.recorded.append(cut) }
    }
}
