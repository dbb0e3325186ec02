/// The municipality's own settings (docs/rules.md, "The municipality"): who sends the letters,
/// its CBS code for the reports, its teams, and where printouts go. Kept in the store, set by
/// a team leader (`keukentafel municipality set FILE`), never in code. Format
/// `keukentafel-municipality/1`:
///
/// ```json
/// { "format": "keukentafel-municipality/1", "name": "Gemeente Zaanstad", "code": "0479",
///   "teams": ["Oost", "West"], "signer": "M. de Vries", "signerRole": "teamleider wijkteams",
///   "outputFolder": "/srv/keukentafel/brieven" }
/// ```
public struct Municipality: Equatable, Sendable {
    public static let format = "keukentafel-municipality/1"
    /// As it heads a letter: "Gemeente Zaanstad".
    public var name: String
    /// The CBS gemeentecode, four digits.
    public var code: String
    public var teams: [String]
    /// Who signs the decision letters, and as what.
    public var signer: String
    public var signerRole: String
    /// Where the workstation writes letters and printouts for the whole team (a user's own
    /// `[output] folder` goes first); nil: the folder the program was started in.
    public var outputFolder: String?
    /// The organisation that delivers the vroegsignalering data (DDAS) on the municipality's
    /// behalf — a credit bank, a social-work foundation; nil: the municipality itself.
    public var signalsDeliveredBy: String?

    public init(name: String, code: String, teams: [String] = [], signer: String = "", signerRole: String = "",
                outputFolder: String? = nil, signalsDeliveredBy: String? = nil) {
        self.name = name; self.code = code; self.teams = teams; self.signer = signer; self.signerRole = signerRole
        self.outputFolder = outputFolder; self.signalsDeliveredBy = signalsDeliveredBy
    }

    /// "Zaanstad" of "Gemeente Zaanstad": the college the objection goes to.
    public var place: String { name.hasPrefix("Gemeente ") ? String(name.dropFirst(9)) : name }

    public static func read(text: String) -> Result<Municipality, CaseFileRejection> {
        SettingsFile.read(text, format: format) { root, sink in
            let name = root.string("name", required: true, nonEmpty: true)
            let code = root.string("code", required: true)
            if let code, code.count != 4 || !code.allSatisfy(\.isASCIIDigit) {
                sink.add("code", .wrongFormat(found: code, expected: "vier cijfers (CBS-gemeentecode) / four digits"))
            }
            let teams = root.strings("teams")
            let signer = root.text("signer"), signerRole = root.text("signerRole")
            let folder = root.string("outputFolder")
            let deliveredBy = root.string("signalsDeliveredBy")
            guard let name, let code else { return nil }
            return Municipality(name: name, code: code, teams: teams, signer: signer, signerRole: signerRole,
                                outputFolder: folder?.isEmpty == true ? nil : folder,
                                signalsDeliveredBy: deliveredBy?.trimmingWhitespace().isEmpty == true ? nil : deliveredBy)
        }
    }

    public static func json(_ m: Municipality) -> JSONValue {
        var o: JSONObject = ["format": .string(format), "name": .string(m.name), "code": .string(m.code),
                             "teams": .array(m.teams.map { .string($0) }), "signer": .string(m.signer),
                             "signerRole": .string(m.signerRole)]
        o["outputFolder"] = m.outputFolder.map { .string($0) }
        o["signalsDeliveredBy"] = m.signalsDeliveredBy.map { .string($0) }
        return .object(o)
    }
}
