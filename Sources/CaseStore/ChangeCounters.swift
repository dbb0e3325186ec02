import GRDB

/// What open screens follow to show another workstation's saves (docs/architecture.md, "A
/// team on one store"): a counter per household and one for all requests, kept by triggers
/// (migration v11), read on the workstation's pauses — one indexed row each, so reading
/// them every second costs nothing.
extension Store {
    /// Rises with every saved change to any part of the household.
    public func householdChangeCounter(_ id: String) throws -> Int {
        try read { db in try Self.householdChangeCounter(db, id) }
    }

    static func householdChangeCounter(_ db: Database, _ id: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT counter FROM household_change WHERE householdId = ?", arguments: [id]) ?? 0
    }

    /// Rises with every request saved, submitted, decided or paid.
    public func grantsChangeCounter() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT counter FROM store_change WHERE name = 'grants'") ?? 0 }
    }
}
