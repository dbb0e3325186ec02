/// What a request's motivation says only for colleagues: from "Intern:" (or "Internal:") to the
/// end of its line. The letter's reasons are prefilled from the motivation for the reviewer to
/// edit; what is marked internal is left out of that prefill, so it never reaches a resident's
/// letter by itself (docs/rules.md, the decision letter).
import Foundation

public enum InternalNotes {
    static let markers = ["intern:", "internal:"]

    /// `text` without its internal notes; lines left empty by that go too.
    public static func removed(from text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let cut = start(in: line) else { lines.append(String(line)); continue }
            var kept = line[..<cut]
            while kept.last?.isWhitespace == true { kept.removeLast() }
            if !kept.isEmpty { lines.append(String(kept)) }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Where a marker starts a word in `line`, in any case.
    static func start(in line: Substring) -> Substring.Index? {
        var i = line.startIndex
        while i < line.endIndex {
            if i == line.startIndex || line[line.index(before: i)].isWhitespace {
                let head = line[i...].prefix(9).lowercased()
                if markers.contains(where: { head.hasPrefix($0) }) { return i }
            }
            i = line.index(after: i)
        }
        return nil
    }
}
