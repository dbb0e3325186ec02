/// A practice case (`training/*.json`, format `keukentafel-practice/1`, docs/training.md):
/// a household as a case file, the situation told to the trainee, the tasks, and the
/// checkpoints the program checks against what the trainee did in the store.
public struct PracticeCase: Equatable, Sendable {
    public static let format = "keukentafel-practice/1"

    public let id: String
    /// 1 easy … 3 hard.
    public let level: Int
    public let title: LocalText
    public let situation: LocalText
    public let tasks: [LocalText]
    /// The household as the trainee finds it.
    public let caseFile: CaseFile
    public let checkpoints: [Checkpoint]
    /// What the team learned, for a case made from a real one (the casuïstiekoverleg).
    public let lesson: LocalText?

    public init(id: String, level: Int, title: LocalText, situation: LocalText, tasks: [LocalText], caseFile: CaseFile,
                checkpoints: [Checkpoint], lesson: LocalText? = nil) {
        self.id = id; self.level = level; self.title = title; self.situation = situation; self.tasks = tasks
        self.caseFile = caseFile; self.checkpoints = checkpoints; self.lesson = lesson
    }

    /// The document the checkpoints look at: the case file as exported, with the overview
    /// the program computes for it (`overview --json`) under `overview`.
    public static func document(caseFile: JSONValue, overview: JSONValue?) -> JSONValue {
        guard case .object(var o) = caseFile else { return caseFile }
        o["overview"] = overview ?? .null
        return .object(o)
    }

    /// Which checkpoints hold for `document` (see `document(caseFile:overview:)`), in order.
    public func results(for document: JSONValue) -> [(checkpoint: Checkpoint, holds: Bool)] {
        checkpoints.map { ($0, $0.holds.holds(for: document, root: document)) }
    }
}

/// Reads a practice case; every problem at its JSON path, as for case files.
public enum PracticeCaseReader {
    public static func read(text: String) -> Result<PracticeCase, CaseFileRejection> {
        switch JSONParser.parse(text) {
        case .failure(let error):
            return .failure(CaseFileRejection([CaseFileProblem(path: "", kind: .syntax(line: error.line, column: error.column, reason: error.reason))]))
        case .success(let json): return read(json)
        }
    }

    public static func read(_ json: JSONValue) -> Result<PracticeCase, CaseFileRejection> {
        var problems: [CaseFileProblem] = []
        guard let root = json.objectValue else {
            return .failure(CaseFileRejection([CaseFileProblem(path: "", kind: .wrongType(expected: "an object", found: json.kindName))]))
        }
        let known: Set<String> = ["format", "id", "level", "title", "situation", "tasks", "caseFile", "checkpoints", "lesson"]
        for key in root.keys where !known.contains(key) {
            problems.append(CaseFileProblem(path: key, kind: .unknownCode(key, allowed: known.sorted())))
        }
        if root["format"]?.stringValue != PracticeCase.format {
            problems.append(CaseFileProblem(path: "format", kind: .wrongFormat(found: root["format"]?.stringValue ?? "", expected: PracticeCase.format)))
        }
        let id = text(root["id"], "id", &problems)
        var level = 1
        if case .number(let n)? = root["level"], let l = Int(n), (1...3).contains(l) { level = l } else {
            problems.append(CaseFileProblem(path: "level", kind: .outOfRange(root["level"].map { ValueTest.text($0) ?? $0.kindName } ?? "", lowest: 1, highest: 3)))
        }
        let title = local(root["title"], "title", &problems)
        let situation = local(root["situation"], "situation", &problems)
        var tasks: [LocalText] = []
        if let list = root["tasks"]?.arrayValue, !list.isEmpty {
            tasks = list.enumerated().map { local($1, "tasks[\($0)]", &problems) }
        } else {
            problems.append(CaseFileProblem(path: "tasks", kind: .missing))
        }
        let lesson = root["lesson"].map { local($0, "lesson", &problems) }
        var caseFile: CaseFile?
        if let file = root["caseFile"] {
            switch CaseFileReader.read(file) {
            case .success(let f): caseFile = f
            case .failure(let rejection):
                problems += rejection.problems.map { CaseFileProblem(path: "caseFile" + ($0.path.isEmpty || $0.path.hasPrefix("[") ? "" : ".") + $0.path, kind: $0.kind) }
            }
        } else {
            problems.append(CaseFileProblem(path: "caseFile", kind: .missing))
        }
        var checkpoints: [Checkpoint] = []
        if let list = root["checkpoints"]?.arrayValue, !list.isEmpty {
            var ids = Set<String>()
            for (i, item) in list.enumerated() {
                let path = "checkpoints[\(i)]"
                guard let o = item.objectValue else {
                    problems.append(CaseFileProblem(path: path, kind: .wrongType(expected: "an object", found: item.kindName)))
                    continue
                }
                for key in o.keys where !["id", "text", "holds"].contains(key) {
                    problems.append(CaseFileProblem(path: "\(path).\(key)", kind: .unknownCode(key, allowed: ["holds", "id", "text"])))
                }
                let cid = text(o["id"], "\(path).id", &problems)
                if !cid.isEmpty && !ids.insert(cid).inserted { problems.append(CaseFileProblem(path: "\(path).id", kind: .duplicateCheckpoint(cid))) }
                let label = local(o["text"], "\(path).text", &problems)
                guard let holds = o["holds"] else {
                    problems.append(CaseFileProblem(path: "\(path).holds", kind: .missing))
                    continue
                }
                if let condition = ConditionReader.read(holds, at: "\(path).holds", &problems) {
                    checkpoints.append(Checkpoint(id: cid, text: label, holds: condition))
                }
            }
        } else {
            problems.append(CaseFileProblem(path: "checkpoints", kind: .missing))
        }
        guard problems.isEmpty, let caseFile else { return .failure(CaseFileRejection(problems)) }
        return .success(PracticeCase(id: id, level: level, title: title, situation: situation, tasks: tasks, caseFile: caseFile,
                                     checkpoints: checkpoints, lesson: lesson))
    }

    static func text(_ value: JSONValue?, _ path: String, _ problems: inout [CaseFileProblem]) -> String {
        guard let value else { problems.append(CaseFileProblem(path: path, kind: .missing)); return "" }
        guard let s = value.stringValue else {
            problems.append(CaseFileProblem(path: path, kind: .wrongType(expected: "a string", found: value.kindName)))
            return ""
        }
        if s.trimmingWhitespace().isEmpty { problems.append(CaseFileProblem(path: path, kind: .emptyText)) }
        return s
    }

    /// `{"nl": "…", "en": "…"}`: both languages, never one without the other.
    static func local(_ value: JSONValue?, _ path: String, _ problems: inout [CaseFileProblem]) -> LocalText {
        guard let value else { problems.append(CaseFileProblem(path: path, kind: .missing)); return LocalText(nl: "", en: "") }
        guard let o = value.objectValue else {
            problems.append(CaseFileProblem(path: path, kind: .wrongType(expected: "an object with nl and en", found: value.kindName)))
            return LocalText(nl: "", en: "")
        }
        return LocalText(nl: text(o["nl"], "\(path).nl", &problems), en: text(o["en"], "\(path).en", &problems))
    }
}

/// Reads a condition of the checkpoint language (see `Condition`).
enum ConditionReader {
    static let tests = ["above", "among", "atLeast", "atMost", "below", "contains", "equals", "exists", "minLength", "notAmong"]
    static let forms = ["all", "any", "none", "not", "path", "some"]

    static func read(_ json: JSONValue, at path: String, _ problems: inout [CaseFileProblem]) -> Condition? {
        guard let o = json.objectValue else {
            problems.append(CaseFileProblem(path: path, kind: .wrongType(expected: "a condition (an object)", found: json.kindName)))
            return nil
        }
        let form = o.keys.filter(forms.contains)
        guard form.count == 1 else {
            problems.append(CaseFileProblem(path: path, kind: .unknownCode(o.keys.joined(separator: ", "), allowed: forms)))
            return nil
        }
        func list(_ key: String) -> [Condition]? {
            guard let items = o[key]?.arrayValue, !items.isEmpty else {
                problems.append(CaseFileProblem(path: "\(path).\(key)", kind: .wrongType(expected: "a list of conditions", found: o[key]?.kindName ?? "nothing")))
                return nil
            }
            let read = items.enumerated().map { Self.read($1, at: "\(path).\(key)[\($0)]", &problems) }
            return read.contains(nil) ? nil : read.compactMap { $0 }
        }
        func allowOnly(_ keys: Set<String>) {
            for key in o.keys where !keys.contains(key) {
                problems.append(CaseFileProblem(path: "\(path).\(key)", kind: .unknownCode(key, allowed: keys.sorted())))
            }
        }
        switch form[0] {
        case "all": allowOnly(["all"]); return list("all").map(Condition.all)
        case "any": allowOnly(["any"]); return list("any").map(Condition.any)
        case "not":
            allowOnly(["not"])
            return o["not"].flatMap { read($0, at: "\(path).not", &problems) }.map(Condition.not)
        case "some", "none":
            let key = form[0]
            allowOnly(key == "some" ? [key, "where", "atLeast"] : [key, "where"])
            guard let target = o[key]?.stringValue else {
                problems.append(CaseFileProblem(path: "\(path).\(key)", kind: .wrongType(expected: "a path", found: o[key]?.kindName ?? "nothing")))
                return nil
            }
            let conditions = o["where"] == nil ? [] : list("where")
            guard let conditions else { return nil }
            var atLeast = 1
            if let n = o["atLeast"] {
                guard case .number(let text) = n, let value = Int(text), value >= 1 else {
                    problems.append(CaseFileProblem(path: "\(path).atLeast", kind: .notAnInteger(ValueTest.text(n) ?? n.kindName)))
                    return nil
                }
                atLeast = value
            }
            return key == "some" ? .some(path: target, where: conditions, atLeast: atLeast) : .none(path: target, where: conditions)
        default:
            guard let target = o["path"]?.stringValue else {
                problems.append(CaseFileProblem(path: "\(path).path", kind: .wrongType(expected: "a path", found: o["path"]?.kindName ?? "nothing")))
                return nil
            }
            let given = o.keys.filter { $0 != "path" }
            guard given.count == 1, tests.contains(given[0]), let argument = o[given[0]] else {
                problems.append(CaseFileProblem(path: path, kind: .unknownCode(given.joined(separator: ", "), allowed: tests)))
                return nil
            }
            guard let test = test(given[0], argument) else {
                problems.append(CaseFileProblem(path: "\(path).\(given[0])", kind: .wrongType(expected: expected(given[0]), found: argument.kindName)))
                return nil
            }
            return .value(path: target, test: test)
        }
    }

    static func test(_ name: String, _ a: JSONValue) -> ValueTest? {
        switch name {
        case "equals": return .equals(a)
        case "among": return a.arrayValue.map(ValueTest.among)
        case "contains": return a.stringValue.map(ValueTest.contains)
        case "minLength": if case .number(let n) = a, let v = Int(n) { return .minLength(v) } else { return nil }
        case "atLeast", "above", "atMost", "below":
            guard case .number(let n) = a, let v = Double(n) else { return nil }
            return ["atLeast": ValueTest.atLeast(v), "above": .above(v), "atMost": .atMost(v), "below": .below(v)][name]
        case "exists": return a.boolValue.map(ValueTest.exists)
        case "notAmong": return a.stringValue.map { ValueTest.notAmong(path: $0) }
        default: return nil
        }
    }

    static func expected(_ name: String) -> String {
        switch name {
        case "among": "a list"
        case "contains", "notAmong": "a string"
        case "minLength": "a whole number"
        case "exists": "true or false"
        case "equals": "a value"
        default: "a number"
        }
    }
}
