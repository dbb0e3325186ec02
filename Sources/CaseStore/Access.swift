import Casework
import GRDB

/// Who may look at which household (the roles). A caseworker sees the households of
/// their own team, those assigned to them, and those that belong to no team and no one (a
/// file imported without a caseworker); a household another team holds stays closed to
/// them. Team leaders review grants of any team and see every household. Trainers work in
/// demo stores only: a real store shows them nothing. A household belongs to the team of
/// the caseworker it was assigned to (the `team` column, set on intake, import and
/// assignment), and stays with that team while nobody holds it.
extension Store {
    /// Refuses, with a sentence, a view that the rules above do not allow. Runs inside the
    /// transaction that would record the view, so a reassignment cannot slip between the
    /// check and the view.
    func requireMayView(_ db: Database, household: String, by actor: Actor) throws {
        try requireMayOpen(as: actor)
        guard actor.role == .caseworker else { return }
        let row = try Row.fetchOne(db, sql: """
            SELECT h.caseworker, h.team,
                   (SELECT s.team FROM staff s WHERE s.user = ?) AS myTeam
            FROM household h WHERE h.id = ?
            """, arguments: [actor.user, household])
        guard let row else { return }  // not found: the caller says so
        if !Self.mayView(actor, myTeam: row["myTeam"], caseworker: row["caseworker"], householdTeam: row["team"]) {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .openOtherTeamsHousehold)
        }
    }

    /// The rule itself, for the store's check and for lists that mark what cannot be opened:
    /// `caseworker` and `householdTeam` are the household's.
    public static func mayView(_ actor: Actor, myTeam: String?, caseworker: String?, householdTeam: String?) -> Bool {
        guard actor.role == .caseworker else { return true }
        let holder = caseworker ?? ""
        if holder == actor.user { return true }
        if let householdTeam { return householdTeam == myTeam }
        return holder.isEmpty
    }

    /// Whether `actor` may look at the household, without recording anything (for lists
    /// that mark what cannot be opened).
    public func mayView(household: String, by actor: Actor) throws -> Bool {
        do {
            try read { db in try self.requireMayView(db, household: household, by: actor) }
            return true
        } catch StoreError.notAllowed {
            return false
        }
    }

    /// Trainers may not work in a real store at all: refused before anything is shown.
    public func requireMayOpen(as actor: Actor) throws {
        if kind == .real && actor.role == .trainer {
            throw StoreError.notAllowed(user: actor.user, role: actor.role, action: .openRealStore)
        }
    }
}
