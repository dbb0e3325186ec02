/// JSON as written, for case files: objects keep their key order and numbers keep their
/// text, so a file read and written again differs in layout only. Foundation's
/// JSONSerialization would reorder keys and turn `1.10` into `1.1`.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number as written (`110`, `1.10`, `-2e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var isNull: Bool { self == .null }

    /// A short description of the value's kind, for problem messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// A JSON object with its keys in the order they were written. Equality ignores order.
public struct JSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var entries: [(key: String, value: JSONValue)]

    public init(_ entries: [(key: String, value: JSONValue)] = []) { self.entries = entries }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        entries = elements.map { (key: $0.0, value: $0.1) }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key: key, value: newValue))
            }
        }
    }

    /// The entries whose keys are not in `known`: what another tool wrote, kept for export.
    public func excluding(_ known: Set<String>) -> JSONObject {
        JSONObject(entries.filter { !known.contains($0.key) })
    }

    /// Adds the entries of `other` whose keys are not here yet. With a set of the keys, not a
    /// lookup per key: a file may carry many thousands of unknown fields, and a scan per key
    /// made reading it back quadratic.
    public mutating func append(contentsOf other: JSONObject) {
        var present = Set(keys)
        for (key, value) in other.entries where present.insert(key).inserted { entries.append((key: key, value: value)) }
    }

    /// Appends an entry whose key the caller knows is new (the parser checks with a set).
    mutating func appendNew(_ key: String, _ value: JSONValue) { entries.append((key: key, value: value)) }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { entries.makeIterator() }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.entries.count == b.entries.count else { return false }
        // The first value of each key, as the subscript reads it. A scan per key for the few
        // keys of an ordinary object; a dictionary for large ones, so comparing them stays linear.
        guard a.entries.count > 16 else { return a.entries.allSatisfy { b[$0.key] == $0.value } }
        let other = Dictionary(b.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return a.entries.allSatisfy { other[$0.key] == $0.value }
    }
}
