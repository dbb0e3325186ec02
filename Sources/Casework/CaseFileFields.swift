/// Reading typed fields out of a JSON object while collecting every problem with its path.
/// The reader never stops at the first problem: a caseworker or script fixing a file wants
/// the whole list at once.
final class ProblemSink {
    var problems: [CaseFileProblem] = []
    func add(_ path: String, _ kind: CaseFileProblem.Kind) { problems.append(CaseFileProblem(path: path, kind: kind)) }
}

struct Fields {
    let object: JSONObject
    let path: String
    let sink: ProblemSink
    /// The keys this version knows at this level; the rest are kept as unknown fields.
    private(set) var known: Set<String> = []

    init(_ object: JSONObject, path: String, sink: ProblemSink) {
        self.object = object; self.path = path; self.sink = sink
    }

    /// Reads `value` at `path` as an object, or reports what it is instead.
    static func object(_ value: JSONValue, path: String, sink: ProblemSink) -> Fields? {
        guard let object = value.objectValue else {
            sink.add(path, .wrongType(expected: "an object", found: value.kindName)); return nil
        }
        return Fields(object, path: path, sink: sink)
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    var unknownFields: JSONObject { object.excluding(known) }

    /// Every key not read so far is a problem at its path: for a standard whose schema allows
    /// no other fields (DDAS), where a misspelt key would otherwise be silently ignored.
    func refuseUnknownKeys() {
        for key in object.keys where !known.contains(key) { sink.add(childPath(key), .unknownField) }
    }

    /// Marks keys as read without reading them (their content is not used).
    mutating func accept(_ keys: String...) { known.formUnion(keys) }

    /// The raw value; a missing key or `null` count as absent. Reports a missing required field.
    mutating func raw(_ key: String, required: Bool) -> JSONValue? {
        known.insert(key)
        guard let value = object[key], !value.isNull else {
            if required { sink.add(childPath(key), .missing) }
            return nil
        }
        return value
    }

    mutating func string(_ key: String, required: Bool = false, nonEmpty: Bool = false) -> String? {
        guard let value = raw(key, required: required) else { return nil }
        guard let s = value.stringValue else {
            sink.add(childPath(key), .wrongType(expected: "a string", found: value.kindName)); return nil
        }
        if nonEmpty && s.trimmingWhitespace().isEmpty { sink.add(childPath(key), .emptyText); return nil }
        return s
    }

    mutating func text(_ key: String) -> String { string(key) ?? "" }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = raw(key, required: false) else { return nil }
        guard let b = value.boolValue else {
            sink.add(childPath(key), .wrongType(expected: "a boolean", found: value.kindName)); return nil
        }
        return b
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let value = raw(key, required: required) else { return nil }
        guard case .number(let text) = value else {
            sink.add(childPath(key), .wrongType(expected: "a number", found: value.kindName)); return nil
        }
        guard let n = Int(text) else { sink.add(childPath(key), .notAnInteger(text)); return nil }
        guard range.contains(n) else {
            sink.add(childPath(key), .outOfRange(text, lowest: range.lowerBound, highest: range.upperBound)); return nil
        }
        return n
    }

    mutating func amount(_ key: String, required: Bool = true) -> Money? {
        guard let s = string(key, required: required) else { return nil }
        guard let money = AmountParser.parseCaseFile(s) else { sink.add(childPath(key), .notAnAmount(s)); return nil }
        return money
    }

    mutating func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let s = string(key, required: required) else { return nil }
        guard let date = CalendarDate(iso: s) else { sink.add(childPath(key), .notADate(s)); return nil }
        return date
    }

    mutating func moment(_ key: String) -> Moment? {
        guard let s = string(key) else { return nil }
        guard let moment = Moment(iso: s) else { sink.add(childPath(key), .notAMoment(s)); return nil }
        return moment
    }

    /// `aliases`: codes of an earlier version of the format that still read, as what they became.
    mutating func code<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = true, aliases: [String: T] = [:]) -> T?
    where T.RawValue == String {
        guard let s = string(key, required: required) else { return nil }
        guard let value = T(rawValue: s) ?? aliases[s] else {
            sink.add(childPath(key), .unknownCode(s, allowed: T.allCases.map(\.rawValue))); return nil
        }
        return value
    }

    mutating func nested(_ key: String, required: Bool = false) -> Fields? {
        guard let value = raw(key, required: required) else { return nil }
        return Fields.object(value, path: childPath(key), sink: sink)
    }

    /// Each element of a list that is missing, null or empty gives no elements. A list longer
    /// than `maximum` is one problem, and its elements are not read.
    mutating func list<T>(_ key: String, required: Bool = false, maximum: Int = .max,
                          _ read: (JSONValue, String) -> T?) -> [T] {
        guard let value = raw(key, required: required) else { return [] }
        guard let items = value.arrayValue else {
            sink.add(childPath(key), .wrongType(expected: "a list", found: value.kindName)); return []
        }
        guard items.count <= maximum else {
            sink.add(childPath(key), .tooManyLines(count: items.count, maximum: maximum)); return []
        }
        return items.enumerated().compactMap { read($0.element, "\(childPath(key))[\($0.offset)]") }
    }

    mutating func objects<T>(_ key: String, required: Bool = false, maximum: Int = .max,
                             _ read: (inout Fields) -> T?) -> [T] {
        let sink = self.sink
        return list(key, required: required, maximum: maximum) { value, path in
            guard var fields = Fields.object(value, path: path, sink: sink) else { return nil }
            return read(&fields)
        }
    }

    mutating func strings(_ key: String) -> [String] {
        let sink = self.sink
        return list(key) { value, path in
            guard let s = value.stringValue else {
                sink.add(path, .wrongType(expected: "a string", found: value.kindName)); return nil
            }
            return s
        }
    }
}
