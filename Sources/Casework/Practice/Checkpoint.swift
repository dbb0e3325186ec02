import Foundation

/// A checkpoint of a practice case: a sentence for the trainee and a condition on the
/// household as the store would export it (its case file), with the financial overview the
/// program computes for it under `overview`. Data, not code: every practice case states its
/// checkpoints in its own file (docs/training.md).
public struct Checkpoint: Equatable, Sendable {
    public let id: String
    /// What holds when the checkpoint holds — shown to the trainee without the answer.
    public let text: LocalText
    public let holds: Condition

    public init(id: String, text: LocalText, holds: Condition) {
        self.id = id; self.text = text; self.holds = holds
    }
}

/// A condition on a JSON document. Paths are dotted field names from where the condition
/// stands (the document, or an element of a list in `some`/`none`); a step into a list
/// takes every element, so `grants.payee.name` is the payee of any grant.
public indirect enum Condition: Equatable, Sendable {
    /// Some value at `path` passes `test` (for `.exists(false)`: there is none).
    case value(path: String, test: ValueTest)
    /// At least `atLeast` elements of the list at `path` meet every condition of `where`.
    case some(path: String, where: [Condition], atLeast: Int)
    /// No element of the list at `path` meets every condition of `where`.
    case none(path: String, where: [Condition])
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// Whether the condition holds for `value`; `root` is the whole document (for
    /// `notAmong`, which compares with values elsewhere in it).
    public func holds(for value: JSONValue, root: JSONValue) -> Bool {
        switch self {
        case .value(let path, let test):
            let found = Self.values(at: path, in: value)
            if case .exists(let wanted) = test { return found.contains { !$0.isNull } == wanted }
            return found.contains { test.passes($0, root: root) }
        case .some(let path, let conditions, let atLeast):
            let matching = Self.values(at: path, in: value).filter { element in conditions.allSatisfy { $0.holds(for: element, root: root) } }
            return matching.count >= atLeast
        case .none(let path, let conditions):
            return !Self.values(at: path, in: value).contains { element in conditions.allSatisfy { $0.holds(for: element, root: root) } }
        case .all(let conditions): return conditions.allSatisfy { $0.holds(for: value, root: root) }
        case .any(let conditions): return conditions.contains { $0.holds(for: value, root: root) }
        case .not(let condition): return !condition.holds(for: value, root: root)
        }
    }

    /// Every value at the dotted `path` (`""`: the value itself); lists are entered.
    public static func values(at path: String, in value: JSONValue) -> [JSONValue] {
        var current: [JSONValue] = [value]
        for step in path.split(separator: ".", omittingEmptySubsequences: true) {
            current = current.flatMap { v -> [JSONValue] in
                switch v {
                case .array(let items): return items.compactMap { $0.objectValue?[String(step)] }
                case .object(let o): return o[String(step)].map { [$0] } ?? []
                default: return []
                }
            }
        }
        // A list at the end stands for its elements.
        return current.flatMap { v -> [JSONValue] in if case .array(let items) = v { items } else { [v] } }
    }
}

/// A test of one value. Amounts are texts (`"150.00"`) in a case file and compare as numbers.
public enum ValueTest: Equatable, Sendable {
    case equals(JSONValue)
    case among([JSONValue])
    /// A text that contains this, in any case and with or without diacritics.
    case contains(String)
    /// A text of at least this many characters, spaces at the ends not counted.
    case minLength(Int)
    case atLeast(Double), above(Double), atMost(Double), below(Double)
    case exists(Bool)
    /// Not equal to any value at this path of the whole document (a payee who is not a member).
    case notAmong(path: String)

    func passes(_ value: JSONValue, root: JSONValue) -> Bool {
        switch self {
        case .equals(let wanted): return Self.same(value, wanted)
        case .among(let wanted): return wanted.contains { Self.same(value, $0) }
        case .contains(let part):
            guard let text = Self.text(value) else { return false }
            return Self.folded(text).contains(Self.folded(part))
        case .minLength(let n):
            guard let text = value.stringValue else { return false }
            return text.trimmingWhitespace().count >= n
        case .atLeast(let n): return Self.number(value).map { $0 >= n } ?? false
        case .above(let n): return Self.number(value).map { $0 > n } ?? false
        case .atMost(let n): return Self.number(value).map { $0 <= n } ?? false
        case .below(let n): return Self.number(value).map { $0 < n } ?? false
        case .exists(let wanted): return !value.isNull == wanted
        case .notAmong(let path):
            return !Condition.values(at: path, in: root).contains { other in
                guard let a = Self.text(value), let b = Self.text(other) else { return false }
                return Self.folded(a).trimmingWhitespace() == Self.folded(b).trimmingWhitespace()
            }
        }
    }

    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        default: nil
        }
    }

    static func number(_ value: JSONValue) -> Double? { text(value).flatMap(Double.init) }

    /// Texts and numbers compare by their text, numbers also by value (`150` is `"150.00"`).
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        if let x = text(a), let y = text(b) { return x == y }
        return a == b
    }

    /// Lower case without diacritics: `Zoë` contains `zoe`.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// A text in both languages; one is shown at a time.
public struct LocalText: Equatable, Sendable {
    public let nl: String
    public let en: String
    public init(nl: String, en: String) { self.nl = nl; self.en = en }
    public func text(_ l: Language) -> String { l == .nl ? nl : en }
}
