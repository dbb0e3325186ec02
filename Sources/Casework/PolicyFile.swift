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
        SettingsFile.read(text, format: format) { root, sink in
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
        SettingsFile.read(text, format: nil) { root, _ in CaseFileReader.readPolicy(&root) }
    }

    /// What `policy show --json` prints: a file `policy set` takes back.
    public static func json(_ version: PolicyVersion) -> JSONValue {
        var o: JSONObject = ["format": .string(format), "validFrom": .string(version.validFrom.iso)]
        if case .object(let fields) = CaseFileWriter.policy(version.policy.asOverride) { o.append(contentsOf: fields) }
        return .object(o)
    }

    static let knownFields = ["format", "validFrom", "normPercentage", "draagkrachtTiers", "freeUpToPercent", "sharePercent",
                              "periodMonths", "noDraagkrachtInDebtArrangement", "assetLimitSingle", "assetLimitFamily",
                              "minimumCost", "pensionAge", "pensionAges", "mandateLimit", "signalContactDays"]
}
