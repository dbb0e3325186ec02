import GRDB

/// What the search index makes of a typed word: lower case, diacritics removed ("Zoë" →
/// "zoe"), as SQLite's `unicode61 remove_diacritics 2` tokenizer does it. The prefix cache
/// is keyed by the index's own words, so a typed word is looked up by this form.
enum SearchFolding {
    /// The folded form of each letter with diacritics (U+00C0…U+024F), asked of SQLite
    /// itself once — a table of our own could disagree with the tokenizer on some letter
    /// and find the wrong households.
    static let folded: [UInt32: String] = probe()

    /// `word` as the index holds it, or nil when it holds a character whose folding is
    /// not known: then the search asks the index, which folds it itself.
    static func key(_ word: String) -> String? {
        var key = ""
        key.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: key.unicodeScalars.append(scalar)
            case 0x41...0x5A: key.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            default:
                guard let folded = folded[scalar.value] else { return nil }
                key += folded
            }
        }
        return key.isEmpty ? nil : key
    }

    /// One document per letter in an in-memory index with the same tokenizer as the
    /// household search (Schema.v5); its words are the folded letters.
    private static func probe() -> [UInt32: String] {
        do {
            let db = try DatabaseQueue()
            return try db.write { db in
                try db.execute(sql: "CREATE VIRTUAL TABLE probe USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2')")
                let insert = try db.makeStatement(sql: "INSERT INTO probe (rowid, text) VALUES (?, ?)")
                for value in UInt32(0xC0)...0x24F {
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    try insert.execute(arguments: [Int64(value), String(Character(scalar))])
                }
                try db.execute(sql: "CREATE VIRTUAL TABLE probe_terms USING fts5vocab (probe, 'instance')")
                var map: [UInt32: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT term, doc FROM probe_terms") {
                    map[UInt32(row["doc"] as Int64)] = row["term"] as String
                }
                return map
            }
        } catch {
            return [:]  // no folding known: every word with such a letter goes to the index
        }
    }
}
