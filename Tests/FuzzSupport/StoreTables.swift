/// The tables an import writes into, and one statement that counts the rows of each: the
/// fuzz tests count them before and after a case (nothing may change on a refusal).
public enum StoreTables {
    public static let imported = ["household", "member", "ledger_line", "signal", "life_domain_score", "plan_goal",
                                  "conversation", "agreement", "grant_request", "household_search", "audit"]

    /// One row with a column per table of `imported`, in that order.
    public static let countRows = "SELECT " + imported.map { "(SELECT COUNT(*) FROM \($0))" }.joined(separator: ", ")
}
