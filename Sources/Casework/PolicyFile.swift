/// The file a team leader gives to `keukentafel policy set FILE`, format
/// `keukentafel-policy/1` (docs/rules.md, "The municipality's policy"): the date from which
/// it holds and the fields that change; fields left out keep the version before.
///
/// ```json
/// { "format": "keukentafel-policy/1", "validFrom": "2027-01-01",
///   "draagkrachtTiers": [ { "fromPercent": 100, "sharePercent": 35 }, { "fromPercent": 150, "sharePercent": 100 } ],
///   "noDraagkrachtInDebtArrangement": true, "minimumCost": "176.00" }
/// ```
public struct PolicyChange: Equatable, Sendable {
    public let validFrom: CalendarDate
    public let fields: PolicyOverride
    public init(validFrom: CalendarDate, fields: PolicyOverride) { self.validFrom = validFrom; self.fields = fields }
}

public enum PolicyFile {
    public static let format = "keukentafel-policy/1"

    public static func read(text: String) -> Result<PolicyChange, CaseFileRejection> {
        parse(text) { root, sink in
            if let found = root.string("format", required: true), found != format {
                sink.add("format", .wrongFormat(found: found, expected: format))
            }
            let validFrom = root.date("validFrom", required: true)
            let fields = CaseFileReader.readPolicy(&root)
            for key in fields.unknownFields.keys {
                sink.add(key, .unknownCode(key, allowed: knownFields))
            }
            return validFrom.map { PolicyChange(validFrom: $0, fields: fields) }
        }
    }

    /// A stored version: the policy object alone, every field set.
    public static func readStored(text: String) -> Result<PolicyOverride, CaseFileRejection> {
        parse(text) { root, _ in CaseFileReader.readPolicy(&root) }
    }

    /// What `policy show --json` prints: a file `policy set` takes back.
    public static func json(_ version: PolicyVersion) -> JSONValue {
        var o: JSONObject = ["format": .string(format), "validFrom": .string(version.validFrom.iso)]
        if case .object(let fields) = CaseFileWriter.policy(version.policy.asOverride) { o.append(contentsOf: fields) }
        return .object(o)
    }

    static let knownFields = ["format", "validFrom", "normPercentage", "draagkrachtTiers", "freeUpToPercent", "sharePercent",
                              "periodMonths", "noDraagkrachtInDebtArrangement", "assetLimitSingle", "assetLimitFamily",
                              "minimumCost", "pensionAge", "pensionAges", "mandateLimit"]

    private static func parse<T>(_ text: String, _ read: (inout Fields, ProblemSink) -> T?) -> Result<T, CaseFileRejection> {
        switch JSONParser.parse(Array(text.utf8)) {
        case .failure(let e):
            return .failure(CaseFileRejection([CaseFileProblem(path: "", kind: .syntax(line: e.line, column: e.column, reason: e.reason))]))
        case .success(let json):
            let sink = ProblemSink()
            guard var root = Fields.object(json, path: "", sink: sink) else { return .failure(CaseFileRejection(sink.problems)) }
            let value = read(&root, sink)
            if let value, sink.problems.isEmpty { return .success(value) }
            return .failure(CaseFileRejection(sink.problems))
        }
    }
}
