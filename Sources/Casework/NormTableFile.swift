/// The file format of a norm table, `keukentafel-norms/1` (docs/rules.md, "The norm
/// tables"): the shipped tables are such files, and `keukentafel norms add FILE` reads one.
///
/// ```json
/// { "format": "keukentafel-norms/1", "validFrom": "2026-07-01", "source": "Participatiewet …",
///   "norms": { "single-18-20": "350.42", …every category… }, "youthRaise": "762.24" }
/// ```
public enum NormTableFile {
    public static let format = "keukentafel-norms/1"

    /// Every problem at its path: a missing category is `norms.couple-aow: is required`.
    public static func read(text: String) -> Result<NormTable, CaseFileRejection> {
        SettingsFile.read(text, format: format) { root, sink in
            let validFrom = root.date("validFrom", required: true)
            let source = root.string("source", required: true, nonEmpty: true)
            var norms: [NormCategory: Money] = [:]
            if var n = root.nested("norms", required: true) {
                for category in NormCategory.allCases {
                    if let amount = n.amount(category.rawValue) { norms[category] = amount }
                }
                for key in n.unknownFields.keys.sorted() {
                    sink.add(n.childPath(key), .unknownCode(key, allowed: NormCategory.allCases.map(\.rawValue)))
                }
            }
            let youthRaise = root.amount("youthRaise", required: false)
            // A misspelt key would silently drop a figure (a "youthraise" is no raise at all).
            for key in root.unknownFields.keys.sorted() {
                sink.add(key, .unknownCode(key, allowed: ["format", "validFrom", "source", "norms", "youthRaise"]))
            }
            guard let validFrom, let source, norms.count == NormCategory.allCases.count else { return nil }
            return NormTable(validFrom: validFrom, source: source, norms: norms, youthRaise: youthRaise)
        }
    }

    /// The problems of adding `table` to `known`: a date already there, or an amount that
    /// no indexation explains against the table in force the day before.
    public static func problemsAdding(_ table: NormTable, to known: NormTables) -> [CaseFileProblem] {
        if known.table(from: table.validFrom) != nil {
            return [CaseFileProblem(path: "validFrom", kind: .normTableExists(table.validFrom))]
        }
        guard case .success(let before) = known.table(on: table.validFrom.adding(days: -1)) else { return [] }
        var problems: [CaseFileProblem] = []
        func check(_ path: String, _ found: Money, _ previous: Money) {
            // Lower than 90% or higher than 125% of the figure before: a typo, a gross
            // figure, or a table of another kind.
            if found.cents * 10 < previous.cents * 9 || found.cents * 4 > previous.cents * 5 {
                problems.append(CaseFileProblem(path: path, kind: .implausibleNorm(found: found, previous: previous, previousFrom: before.validFrom)))
            }
        }
        for category in NormCategory.allCases {
            check("norms.\(category.rawValue)", table.norm(for: category), before.norm(for: category))
        }
        if let previous = before.youthRaise {
            // The law's raise does not disappear from one half-year to the next.
            if let raise = table.youthRaise { check("youthRaise", raise, previous) }
            else { problems.append(CaseFileProblem(path: "youthRaise", kind: .missing)) }
        }
        return problems
    }

    public static func json(_ table: NormTable) -> JSONValue {
        var norms = JSONObject()
        for category in NormCategory.allCases { norms[category.rawValue] = .string(table.norm(for: category).plain) }
        var o: JSONObject = ["format": .string(format), "validFrom": .string(table.validFrom.iso),
                             "source": .string(table.source), "norms": .object(norms)]
        o["youthRaise"] = table.youthRaise.map { .string($0.plain) }
        return .object(o)
    }
}
