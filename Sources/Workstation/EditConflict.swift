import CaseStore
import Casework
import Terminal

/// Someone else saved what is being edited after it was read, so the save was refused. The
/// form keeps what was typed and holds their version beside it — both stay in view — and
/// is now based on their version: saving again goes over theirs on purpose, and the audit
/// trail says so. `theirs` is nil when they deleted it.
struct EditConflict<Version: Equatable>: Equatable {
    let theirs: Version?
    /// Their login and name (from the staff list), and when they saved (ISO); unknown for a
    /// deletion, which leaves no row to ask.
    let user: String?
    let name: String?
    let at: String?

    init(theirs: Version?, user: String?, at: String?, ctx: ScreenContext) {
        self.theirs = theirs
        self.user = user
        self.at = at
        name = user.map { user in (try? ctx.reads.staff().first { $0.user == user }?.name) ?? user }
    }

    /// "Samira El Idrissi", or "iemand anders" when it is not known.
    func who(_ l: Language) -> String { name ?? l.pick("iemand anders", "someone else") }

    /// The first name, for short notes beside a field ("Samira: € 1.700,00").
    func firstName(_ l: Language) -> String {
        name.flatMap { $0.split(separator: " ").first.map(String.init) } ?? l.pick("ander", "other")
    }

    /// "om 09:00" today, "op 22-11-2026 om 09:00" another day, in the moment's own offset.
    func when(_ l: Language, today: CalendarDate) -> String {
        guard let at, let moment = Moment(iso: at) else { return "" }
        let time = moment.localTime
        return moment.localDate == today ? l.pick("om \(time)", "at \(time)")
            : l.pick("op \(moment.localDate.dutch) om \(time)", "on \(moment.localDate.dutch) at \(time)")
    }
}
