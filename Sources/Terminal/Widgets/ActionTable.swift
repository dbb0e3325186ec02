/// One thing a user can do on a screen, declared once (as tig does): its keys, its label in
/// the key bar and its line in the help. The screen matches keys through the table, the
/// key bar and the help are generated from it, so the three cannot drift apart.
public struct Action<ID: Hashable & Sendable>: Equatable, Sendable {
    public let id: ID
    /// The keys that do it; the first is the one shown first.
    public let keys: [Key]
    /// The word in the key bar, or nil for actions that are only in the help.
    public let barLabel: String?
    /// One sentence for the help screen.
    public let help: String

    public init(id: ID, keys: [Key], barLabel: String?, help: String) {
        self.id = id
        self.keys = keys
        self.barLabel = barLabel
        self.help = help
    }

    /// The keys as written for people: `F1/?`.
    public func keysLabel(separator: String) -> String { keys.map(\.label).joined(separator: separator) }
}

/// The actions of one screen, in the order of the key bar and the help.
public struct ActionTable<ID: Hashable & Sendable>: Sendable {
    public let actions: [Action<ID>]

    public init(actions: [Action<ID>]) { self.actions = actions }

    /// The action bound to `key`; when two declare the same key, the first wins, as the
    /// help lists it first.
    public func action(for key: Key) -> ID? {
        actions.first { $0.keys.contains(key) }?.id
    }

    /// The declaration of `id`, if the table has it.
    public func action(_ id: ID) -> Action<ID>? { actions.first { $0.id == id } }

    /// The key bar: actions with a bar label, keys joined by "/" (`F1/?  Help`).
    public var keyHints: [KeyHint] {
        actions.compactMap { action in
            // The bar shows the first key only (an F-key where there is one, so everything
            // can be done without letters); help lists them all.
            action.barLabel.map { KeyHint(keys: action.keys.first?.label ?? "", label: $0) }
        }
    }

    /// The help rows: every action, keys joined by spaces (`F3 /`), so a "/" key does not
    /// read as a separator.
    public var helpRows: [(keys: String, text: String)] {
        actions.map { (keys: $0.keysLabel(separator: " "), text: $0.help) }
    }
}
