import CaseStore

/// Reads the household under the cursor ahead, in the caseload's pauses: what opening it
/// reads (`Store.readAhead`), on a thread of its own, kept by nobody.
///
/// Why: on a store of 100,000 households and more, the pages of a household nobody opened
/// for a while are no longer in the system's file cache (this machine's kernel drops file
/// pages unread for a minute), and an opening that read them from the disk took 30–100 ms
/// instead of 4 (docs/performance.md). Between arriving on a row and pressing Enter a person
/// takes longer than that read, so Enter finds the pages in memory. At most one read runs;
/// a cursor that moves on while it runs has the row it rests on read next.
struct HouseholdReadAhead {
    /// A reference: copies of the caseload's state share the read under way.
    private let reader = BackgroundRead<Void>()
    /// The household read ahead last (or being read, or passed over): not read again.
    private(set) var lastRead: String?
    /// How many reads were started (what a test can see of them).
    private(set) var started = 0

    /// Takes a finished read over (an error only means Enter reads the pages itself), and
    /// starts one for `selected` when it was not read last and none runs. A household the
    /// user may not open is passed over: nothing of it is read into this program. Not on a
    /// read-only store: its one connection would keep the keys' reads waiting, and it opens
    /// no household (a view that cannot be recorded is refused). True when there was
    /// something to do.
    mutating func idle(_ store: any ScreenReads, selected: String?, mayOpen: Bool) -> Bool {
        let took = reader.take() != nil
        guard let selected, selected != lastRead, !reader.isBusy else { return took }
        lastRead = selected
        guard mayOpen && !store.isReadOnly else { return took }
        reader.start { try store.readAhead(household: selected) }
        started += 1
        return true
    }

    /// How long the loop may wait before the next `idle`: 20 ms once the cursor rests on a
    /// household not read ahead (shorter than anyone takes to press Enter), 20 ms while a
    /// read runs (to take it over), else nil.
    func wait(selected: String?) -> Double? {
        reader.isBusy || (selected != nil && selected != lastRead) ? 0.02 : nil
    }
}
