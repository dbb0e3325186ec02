/// One household as exchanged between tools: format `keukentafel-case/1`
/// (docs/case-file.md). Read with `CaseFileReader`, written with `CaseFileWriter`;
/// fields this version does not know are kept in `unknownFields` at every level.
public struct CaseFile: Equatable, Sendable {
    public static let format = "keukentafel-case/1"

    /// Lines a ledger section (income, expenses, debts, deductions) may hold. Far above any
    /// household, and low enough that no computation of the overview can overflow: with
    /// every line at the amount limit, weekly, and the policy at its extremes (share 100 %,
    /// 120 months), the largest figure is about 5 × 10¹⁷ cents, under Int's 9.2 × 10¹⁸.
    /// Without it, an 11 MB case file made the draagkracht overflow, which ends the program.
    public static let maximumLinesPerSection = 10_000

    /// Nil means "today" for whoever computes with the file.
    public var referenceDate: CalendarDate?
    public var household: Household
    public var finances: Finances
    public var signals: [Signal]
    /// Nil when the file carries no policy; fields it leaves out take the installation's.
    public var policy: PolicyOverride?
    public var lifeDomains: [LifeDomainScore]
    public var plan: Plan?
    public var conversations: [Conversation]
    public var grants: [Grant]
    public var unknownFields: JSONObject

    public init(referenceDate: CalendarDate? = nil, household: Household, finances: Finances = Finances(),
                signals: [Signal] = [], policy: PolicyOverride? = nil, lifeDomains: [LifeDomainScore] = [],
                plan: Plan? = nil, conversations: [Conversation] = [], grants: [Grant] = [],
                unknownFields: JSONObject = [:]) {
        self.referenceDate = referenceDate; self.household = household; self.finances = finances
        self.signals = signals; self.policy = policy; self.lifeDomains = lifeDomains; self.plan = plan
        self.conversations = conversations; self.grants = grants; self.unknownFields = unknownFields
    }

    /// The financial overview of this file as a file: on its own reference date (`today`
    /// when it has none), with the rules in force then and the file's own policy fields.
    /// In the store a household computes on today instead (`CaseRules.overview(of:on:)`).
    public func overview(today: CalendarDate, rules: CaseRules = .shipped) -> Result<FinancialOverview, NormTableError> {
        rules.overview(of: self, on: referenceDate ?? today)
    }
}

/// Codable, for code that works with `Codable` (Foundation's coders). The JSON goes through
/// `JSONValue` and the same reader, so every rule and problem is the same; note that
/// Foundation's decoder does not keep key order or number text as `CaseFileReader.read(text:)` does.
extension CaseFile: Codable {
    public init(from decoder: Decoder) throws {
        let json = try JSONValue(from: decoder)
        switch CaseFileReader.read(json) {
        case .success(let file): self = file
        case .failure(let rejection):
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: rejection.problems.map { $0.message(in: .en) }.joined(separator: "\n")))
        }
    }

    public func encode(to encoder: Encoder) throws {
        try CaseFileWriter.json(self).encode(to: encoder)
    }
}

extension JSONValue: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var result = JSONObject()
            for key in object.allKeys { result[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(result)
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let b = try? single.decode(Bool.self) { self = .bool(b) }
            else if let i = try? single.decode(Int.self) { self = .number(String(i)) }
            else if let d = try? single.decode(Double.self) { self = .number(String(d)) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer(); try c.encode(b)
        case .number(let n):
            var c = encoder.singleValueContainer()
            if let i = Int(n) { try c.encode(i) } else { try c.encode(Double(n) ?? 0) }
        case .string(let s):
            var c = encoder.singleValueContainer(); try c.encode(s)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let object):
            var c = encoder.container(keyedBy: Key.self)
            for (key, value) in object { try c.encode(value, forKey: Key(stringValue: key)) }
        }
    }
}
