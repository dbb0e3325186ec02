/// Store step 25: the figures of a caseload row from indexes alone.
///
/// Why: every search keystroke shows households the list did not show a moment ago, so the
/// 25 rows of its page are read cold (`Store.caseloadRowsSQL`): for each household its row,
/// and per figure an index probe and then the rows it points to — the members' rows for the
/// adults' names (about three per household), the conversations' for the last date, the
/// grants' for what waits. Measured at 100,000 households with SQLite's cache cold and the
/// file in the system's cache, a page took 1–5 ms and half of that was those rows; at a
/// million, with less of the file in memory, it was the slowest part of a keystroke (up to
/// 13 ms). Each index below holds the columns its subquery reads, so a figure is one probe.
/// The adults' and the waiting grants' indexes hold only the rows they are for.
enum CaseloadRowIndexes {
    static let v25 = """
    CREATE INDEX member_adults_by_household ON member (householdId, role, position, name)
        WHERE role IN ('applicant', 'partner');
    CREATE INDEX conversation_dates_by_household ON conversation (householdId, date);
    CREATE INDEX grant_request_waiting_by_household ON grant_request (householdId, status, amountCents)
        WHERE status = 'submitted';
    CREATE INDEX signal_state_by_household ON signal (householdId, status, caseId);
    """
}
