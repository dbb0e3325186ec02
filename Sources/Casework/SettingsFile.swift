/// The small JSON files a team leader hands the program — a norm table, a policy version, the
/// municipality, the pension ages — read alike: a syntax error with its line and column, the
/// root an object, `format` exactly the expected one (when given), and every problem at its
/// path, all at once, nothing taken unless there are none.
enum SettingsFile {
    static func read<T>(_ text: String, format: String?, _ body: (inout Fields, ProblemSink) -> T?) -> Result<T, CaseFileRejection> {
        switch JSONParser.parse(Array(text.utf8)) {
        case .failure(let e):
            return .failure(CaseFileRejection([CaseFileProblem(path: "", kind: .syntax(line: e.line, column: e.column, reason: e.reason))]))
        case .success(let json):
            let sink = ProblemSink()
            guard var root = Fields.object(json, path: "", sink: sink) else { return .failure(CaseFileRejection(sink.problems)) }
            if let format, let found = root.string("format", required: true), found != format {
                sink.add("format", .wrongFormat(found: found, expected: format))
            }
            let value = body(&root, sink)
            if let value, sink.problems.isEmpty { return .success(value) }
            return .failure(CaseFileRejection(sink.problems))
        }
    }
}
