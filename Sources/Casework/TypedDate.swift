import Foundation

extension CalendarDate {
    /// A date as people type it: `dd-mm-jjjj`, `d-m-jjjj` (also with / or .) or
    /// `jjjj-mm-dd`. Each part digits only, day and month one or two, the year four from
    /// 1000: what does not fit is no date. (Parts that were no number used to be dropped and
    /// `Int` took signs and any number of zeros, so `1-1-x-2026`, `+1-+1-2026` and
    /// `19-1-01988` were read as days.)
    public init?(typed text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let iso = CalendarDate(iso: t) { self = iso; return }
        let parts = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3,
              zip(parts, [1...2, 1...2, 4...4]).allSatisfy({ part, length in
                  length.contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber }
              }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), year >= 1000 else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
