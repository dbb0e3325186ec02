import Casework

/// Places in a JSON document: to mutate one, and to check that a problem's path (such as
/// `income[2].amount`) names a place that is really in the file.
public enum JSONPath {
    public enum Step: Equatable, Sendable {
        case key(String)
        case index(Int)
    }

    /// A random place: from the root (one time in eight) into a random child, and on three
    /// times in four while there is one. Cheaper than listing every place, and most
    /// mistakes sit two to four deep.
    public static func random(in json: JSONValue, _ rng: inout SplitMix64) -> [Step] {
        var path: [Step] = [], current = json
        while path.isEmpty ? rng.chance(7, in: 8) : rng.chance(3, in: 4) {
            switch current {
            case .object(let o) where !o.isEmpty:
                let entry = o.entries[rng.below(o.entries.count)]
                path.append(.key(entry.key)); current = entry.value
            case .array(let a) where !a.isEmpty:
                let i = rng.below(a.count)
                path.append(.index(i)); current = a[i]
            default:
                return path
            }
        }
        return path
    }

    public static func value(at path: [Step], in json: JSONValue) -> JSONValue? {
        var current = json
        for step in path {
            switch (step, current) {
            case (.key(let k), .object(let o)): guard let v = o[k] else { return nil }; current = v
            case (.index(let i), .array(let a)) where a.indices.contains(i): current = a[i]
            default: return nil
            }
        }
        return current
    }

    /// `json` with the value at `path` replaced by `transform(value)`; nil removes it.
    public static func replacing(_ path: [Step], in json: JSONValue,
                                 _ transform: (JSONValue?) -> JSONValue?) -> JSONValue {
        guard let step = path.first else { return transform(json) ?? .null }
        let rest = Array(path.dropFirst())
        switch (step, json) {
        case (.key(let k), .object(var o)):
            o[k] = rest.isEmpty ? transform(o[k]) : o[k].map { replacing(rest, in: $0, transform) }
            return .object(o)
        case (.index(let i), .array(var a)) where a.indices.contains(i):
            if rest.isEmpty {
                if let new = transform(a[i]) { a[i] = new } else { a.remove(at: i) }
            } else {
                a[i] = replacing(rest, in: a[i], transform)
            }
            return .array(a)
        default:
            return json
        }
    }

    /// The household's id and its grants' ids set to `id` and `id-gN`.
    public static func renamingIds(_ json: JSONValue, to id: String) -> JSONValue {
        var out = replacing([.key("household"), .key("id")], in: json) { _ in .string(id) }
        if case .array(let grants)? = value(at: [.key("grants")], in: out) {
            for i in grants.indices {
                out = replacing([.key("grants"), .index(i), .key("id")], in: out) { _ in .string("\(id)-g\(i)") }
            }
        }
        return out
    }

    /// True when the problem path `text` (`household.members[0].bsn`, `""` for the whole
    /// file) names a place in `json`. With `allowingMissingKey`, the last key may be absent
    /// from an object that is there (a required field that is missing). Keys may themselves
    /// contain dots, brackets or combining marks, so the path is read by Unicode scalars and
    /// every key that fits is tried.
    public static func resolves(_ text: String, in json: JSONValue, allowingMissingKey: Bool = false) -> Bool {
        let dot: Unicode.Scalar = ".", open: Unicode.Scalar = "[", close: Unicode.Scalar = "]"
        func walk(_ rest: ArraySlice<Unicode.Scalar>, _ value: JSONValue, atRoot: Bool) -> Bool {
            if rest.isEmpty { return true }
            switch value {
            case .array(let items):
                guard rest.first == open, let end = rest.firstIndex(of: close),
                      let i = Int(String(String.UnicodeScalarView(rest[(rest.startIndex + 1)..<end]))),
                      items.indices.contains(i) else { return false }
                return walk(rest[(end + 1)...], items[i], atRoot: false)
            case .object(let object):
                var keyText = rest
                if !atRoot {
                    guard keyText.first == dot else { return false }
                    keyText = keyText.dropFirst()
                }
                for (key, child) in object {
                    let keyScalars = Array(key.unicodeScalars)
                    guard keyText.starts(with: keyScalars) else { continue }
                    let after = keyText.dropFirst(keyScalars.count)
                    if after.isEmpty || after.first == dot || after.first == open, walk(after, child, atRoot: false) { return true }
                }
                return allowingMissingKey && !keyText.isEmpty && !keyText.contains(dot) && !keyText.contains(open)
            default:
                return false
            }
        }
        return walk(Array(text.unicodeScalars)[...], json, atRoot: true)
    }
}
