/// One element of a case file on its own — a ledger line, a conversation, a grant — read
/// and written with exactly the rules of the whole file. The store keeps each element as
/// its case-file JSON beside the columns it queries, so import and export cannot drift
/// apart from the format and unknown fields survive every edit.
extension CaseFileReader {
    public static func household(_ json: JSONValue) -> Result<Household, CaseFileRejection> {
        element(json) { f in readHousehold(&f) }
    }
    public static func member(_ json: JSONValue) -> Result<Member, CaseFileRejection> {
        element(json) { f in readMember(&f) }
    }
    /// `memberNames`: when given, a `member` that is not among them is a problem.
    public static func incomeLine(_ json: JSONValue, memberNames: Set<String>? = nil) -> Result<IncomeLine, CaseFileRejection> {
        element(json) { f in readIncome(&f, memberNames: memberNames) }
    }
    public static func expenseLine(_ json: JSONValue) -> Result<ExpenseLine, CaseFileRejection> {
        element(json) { f in readExpense(&f) }
    }
    public static func debt(_ json: JSONValue) -> Result<Debt, CaseFileRejection> {
        element(json) { f in readDebt(&f) }
    }
    public static func deduction(_ json: JSONValue) -> Result<Deduction, CaseFileRejection> {
        element(json) { f in readDeduction(&f) }
    }
    public static func asset(_ json: JSONValue) -> Result<AssetLine, CaseFileRejection> {
        element(json) { f in readAsset(&f) }
    }
    public static func signal(_ json: JSONValue) -> Result<Signal, CaseFileRejection> {
        element(json) { f in readSignal(&f) }
    }
    public static func lifeDomainScore(_ json: JSONValue) -> Result<LifeDomainScore, CaseFileRejection> {
        element(json) { f in readLifeDomain(&f) }
    }
    public static func policy(_ json: JSONValue) -> Result<PolicyOverride, CaseFileRejection> {
        element(json) { f in readPolicy(&f) }
    }
    public static func plan(_ json: JSONValue) -> Result<Plan, CaseFileRejection> {
        element(json) { f in readPlan(&f) }
    }
    public static func goal(_ json: JSONValue) -> Result<Goal, CaseFileRejection> {
        element(json) { f in readGoal(&f) }
    }
    public static func agreement(_ json: JSONValue) -> Result<Agreement, CaseFileRejection> {
        element(json) { f in readAgreement(&f) }
    }
    public static func conversation(_ json: JSONValue) -> Result<Conversation, CaseFileRejection> {
        element(json) { f in readConversation(&f) }
    }
    public static func grant(_ json: JSONValue) -> Result<Grant, CaseFileRejection> {
        element(json) { f in readGrant(&f) }
    }

    private static func element<T>(_ json: JSONValue, _ read: (inout Fields) -> T?) -> Result<T, CaseFileRejection> {
        let sink = ProblemSink()
        guard var fields = Fields.object(json, path: "", sink: sink) else { return .failure(CaseFileRejection(sink.problems)) }
        let value = read(&fields)
        if let value, sink.problems.isEmpty { return .success(value) }
        return .failure(CaseFileRejection(sink.problems))
    }
}
