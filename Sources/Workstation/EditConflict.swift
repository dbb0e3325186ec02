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

    init(theirs: Version?, user: String?, at: String?, env: AppEnvironment) {
        self.theirs = theirs
        self.user = user
        self.at = at
        name = user.map { user in (try? env.store.staffMember(user).name) ?? user }
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
        let time = String(moment.iso.dropFirst(11).prefix(5))
        return moment.localDate == today ? l.pick("om \(time)", "at \(time)")
            : l.pick("op \(moment.localDate.dutch) om \(time)", "on \(moment.localDate.dutch) at \(time)")
    }
}

/// What can be done while both versions are shown. One table per screen, so the key bar
/// and the help say the same.
enum ConflictAction: Hashable, Sendable {
    case saveMine, keepTheirs, addTheirs, help
}

enum ConflictKeys {
    /// The ledger form: Enter saves the line as typed over theirs; Esc leaves theirs.
    static func ledger(_ l: Language) -> ActionTable<ConflictAction> {
        ActionTable(actions: [
            Action(id: .help, keys: [.function(1)], barLabel: l.pick("Help", "Help"), help: l.pick("Deze hulp", "This help")),
            Action(id: .saveMine, keys: [.enter], barLabel: l.pick("Mijn versie bewaren", "Save mine"),
                   help: l.pick("Bewaar de regel zoals u hem typte, bewust over de nieuwe versie heen (staat in het logboek)",
                                "Save the line as you typed it, knowingly over the new version (recorded in the audit trail)")),
            Action(id: .keepTheirs, keys: [.escape], barLabel: l.pick("Hun versie houden", "Keep theirs"),
                   help: l.pick("Sluit het formulier; de nieuwe versie blijft staan", "Close the form; the new version stays")),
        ])
    }

    /// The conversation form: F2 saves the text as typed over theirs; F6 adds their text of
    /// this field below what was typed, so two notes can be merged by hand.
    static func conversation(_ l: Language) -> ActionTable<ConflictAction> {
        ActionTable(actions: [
            Action(id: .help, keys: [.function(1)], barLabel: l.pick("Help", "Help"), help: l.pick("Deze hulp", "This help")),
            Action(id: .saveMine, keys: [.function(2), .control("s")], barLabel: l.pick("Mijn versie opslaan", "Save mine"),
                   help: l.pick("Sla het gesprek op zoals u het typte, bewust over de nieuwe versie heen (staat in het logboek)",
                                "Save the conversation as you typed it, knowingly over the new version (recorded in the audit trail)")),
            Action(id: .addTheirs, keys: [.function(6)], barLabel: l.pick("Hun tekst erbij", "Add theirs"),
                   help: l.pick("Zet hun tekst van dit veld onder de uwe, om samen te voegen", "Put their text of this field below yours, to merge")),
            Action(id: .keepTheirs, keys: [.escape], barLabel: l.pick("Sluiten", "Close"),
                   help: l.pick("Sluiten: opslaan, of uw versie weggooien zodat die van hen blijft", "Close: save, or throw away yours so theirs stays")),
        ])
    }
}
