/// Finds the word beginnings that more than `threshold` households may share, from the
/// search index's words in sorted order, in one pass: the beginnings of the current word
/// are a stack, and a beginning is complete when a word no longer starts with it.
///
/// A beginning's count is the sum of its words' counts, an upper bound of its households (a
/// household with "jan" and "jansen" counts twice for "jan"): a beginning is never missed,
/// at worst one is kept that did not need it.
///
/// A beginning whose words are exactly those of its one longer beginning ("rosm" and
/// "rosmo" both only "rosmolenstraat") gets no bitmap of its own but an alias.
struct PrefixSweep: Sendable {
    let threshold: Int
    /// The beginnings that need a bitmap, and the ones that share another's.
    private(set) var planned: [String] = []
    private(set) var aliases: [String: String] = [:]

    /// The current word's bytes; level i is its beginning of i + 1 bytes.
    private var word: [UInt8] = []
    private var levels: [Level] = []

    private struct Level: Sendable {
        var count = 0
        /// Whether the beginning ends where a character ends (not inside its UTF-8 bytes).
        var whole: Bool
        var children = 0
        var childrenCount = 0
        /// The beginning whose bitmap stands for the last child's words.
        var childStandIn: String?
    }

    init(threshold: Int) { self.threshold = threshold }

    /// The next word of the index (sorted after the previous one) and its households.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>, docs: Int) {
        var shared = 0
        while shared < word.count && shared < term.count && word[shared] == term[shared] { shared += 1 }
        close(downTo: shared)
        for i in shared..<term.count {
            word.append(term[i])
            levels.append(Level(whole: i + 1 == term.count || term[i + 1] & 0xC0 != 0x80))
        }
        for i in 0..<levels.count { levels[i].count += docs }
    }

    /// After the last word.
    mutating func finish() { close(downTo: 0) }

    /// Completes the beginnings longer than `length` bytes, longest first.
    private mutating func close(downTo length: Int) {
        while levels.count > length {
            let level = levels.removeLast()
            let prefix = word
            word.removeLast()
            var standIn: String?
            if level.count > threshold {
                if level.children == 1 && level.childrenCount == level.count, let child = level.childStandIn {
                    // Not a word itself and one longer beginning: the same households.
                    standIn = child
                    if level.whole { aliases[String(decoding: prefix, as: UTF8.self)] = child }
                } else if level.whole {
                    let key = String(decoding: prefix, as: UTF8.self)
                    planned.append(key)
                    standIn = key
                }
            }
            if !levels.isEmpty {
                levels[levels.count - 1].children += 1
                levels[levels.count - 1].childrenCount += level.count
                levels[levels.count - 1].childStandIn = standIn
            }
        }
    }
}
