import CaseStore
import Casework
import Foundation
import Terminal

/// The keukentafelgesprek as it is typed: the question first, then the areas of life, own
/// strength, network, agreements and free notes — in any order. Every field is a text
/// editor; only the areas of life that were written in are stored.
struct ConversationForm: Equatable {
    enum Field: Hashable {
        case date, present, location, question, domain(LifeDomain), ownStrength, network, agreements, notes

        var isSingleLine: Bool { self == .date || self == .present || self == .location }
    }

    static let fields: [Field] = [.date, .present, .location, .question] + LifeDomain.allCases.map(Field.domain)
        + [.ownStrength, .network, .agreements, .notes]

    var editors: [Field: TextEditor] = [:]
    var focus = 3
    /// The conversation being edited, nil for a new one.
    var stored: StoredConversation?
    var unknownFields: JSONObject = [:]
    var author: String
    var showPrompts = false
    /// Waiting for the digit of a ZRM score (after F8).
    var scoring = false
    /// Typed since the draft was last written.
    var dirty = false
    /// The version of the conversation the typing began from. It stays when a conflict moves
    /// `stored` on to someone else's version, so a draft restored after a crash shows the
    /// conflict again instead of saving over their version unseen.
    var baseVersion: Int?
    /// Someone else saved this conversation since it was opened: their version, shown
    /// read-only below the text being typed.
    var conflict: EditConflict<StoredConversation>?

    init(author: String, today: CalendarDate, members: [String]) {
        self.author = author
        editors[.date] = TextEditor(text: today.dutch)
        editors[.present] = TextEditor(text: members.joined(separator: ", "))
    }

    init(_ conversation: Conversation, stored: StoredConversation?) {
        self.stored = stored
        baseVersion = stored?.version
        author = conversation.author
        unknownFields = conversation.unknownFields
        editors[.date] = TextEditor(text: conversation.date?.dutch ?? "")
        editors[.present] = TextEditor(text: conversation.present.joined(separator: ", "))
        editors[.location] = TextEditor(text: conversation.location)
        editors[.question] = TextEditor(text: conversation.question)
        for (domain, note) in conversation.domains { editors[.domain(domain)] = TextEditor(text: note) }
        editors[.ownStrength] = TextEditor(text: conversation.ownStrength)
        editors[.network] = TextEditor(text: conversation.network)
        editors[.agreements] = TextEditor(text: conversation.agreements.map(Self.agreementLine).joined(separator: "\n"))
        editors[.notes] = TextEditor(text: conversation.notes)
    }

    var field: Field { Self.fields[focus] }
    func editor(_ field: Field) -> TextEditor { editors[field] ?? TextEditor() }
    func text(_ field: Field) -> String { editor(field).text }

    /// One agreement per line: `text | owner | due date | klaar`.
    static func agreementLine(_ a: Agreement) -> String {
        var parts = [a.text, a.owner, a.due?.dutch ?? ""]
        if a.done { parts.append("klaar") }
        while parts.count > 1 && parts.last == "" { parts.removeLast() }
        return parts.joined(separator: " | ")
    }

    /// The conversation the form describes, or what is wrong with it.
    func conversation(_ l: Language) -> Result<Conversation, FormError> {
        guard let date = CalendarDate(typed: text(.date)) else {
            return .failure(FormError(field: .date, message: l.pick("\"\(text(.date))\" is geen datum; schrijf dd-mm-jjjj.",
                                                                   "\"\(text(.date))\" is not a date; write dd-mm-yyyy.")))
        }
        var agreements: [Agreement] = []
        for (i, line) in text(.agreements).split(separator: "\n").enumerated() {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let what = parts.first, !what.isEmpty else { continue }
            var due: CalendarDate?
            if parts.count > 2, !parts[2].isEmpty {
                guard let d = CalendarDate(typed: parts[2]) else {
                    return .failure(FormError(field: .agreements, message: l.pick(
                        "Afspraak \(i + 1): \"\(parts[2])\" is geen datum; schrijf tekst | eigenaar | dd-mm-jjjj.",
                        "Agreement \(i + 1): \"\(parts[2])\" is not a date; write text | owner | dd-mm-yyyy.")))
                }
                due = d
            }
            let done = parts.count > 3 && ["klaar", "x", "done", "ja"].contains(parts[3].lowercased())
            let previous = stored?.conversation.agreements.first { $0.text == what }
            agreements.append(Agreement(text: what, owner: parts.count > 1 ? parts[1] : "", due: due, done: done,
                                        unknownFields: previous?.unknownFields ?? [:]))
        }
        let domains = LifeDomain.allCases.compactMap { domain -> (domain: LifeDomain, note: String)? in
            let note = text(.domain(domain))
            return note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : (domain, note)
        }
        let present = text(.present).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .success(Conversation(date: date, author: author, present: present, location: text(.location),
                                     question: text(.question), domains: domains, ownStrength: text(.ownStrength),
                                     network: text(.network), agreements: agreements, notes: text(.notes),
                                     unknownFields: unknownFields))
    }

    /// The draft keeps what was typed even where it does not read yet (a half-typed date).
    func draft(_ l: Language, today: CalendarDate) -> Conversation {
        var c = typed(l, today: today)
        // Where the cursor was, so the form comes back at the same field.
        c.unknownFields["x-draft-field"] = .number(String(focus))
        if let baseVersion { c.unknownFields["x-draft-version"] = .number(String(baseVersion)) }
        return c
    }

    private func typed(_ l: Language, today: CalendarDate) -> Conversation {
        if case .success(let c) = conversation(l) { return c }
        var c = Conversation(date: CalendarDate(typed: text(.date)) ?? today, author: author,
                             present: text(.present).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                             location: text(.location), question: text(.question),
                             domains: LifeDomain.allCases.compactMap { d in text(.domain(d)).isEmpty ? nil : (d, text(.domain(d))) },
                             ownStrength: text(.ownStrength), network: text(.network), notes: text(.notes))
        // Agreements as typed go to the notes' end marker, so nothing is lost.
        if !text(.agreements).isEmpty { c.unknownFields["x-draft-agreements"] = .string(text(.agreements)) }
        if !text(.date).isEmpty && CalendarDate(typed: text(.date)) == nil { c.unknownFields["x-draft-date"] = .string(text(.date)) }
        return c
    }

    /// A form from a draft, with the half-typed parts put back.
    static func fromDraft(_ draft: ConversationDraft, stored: StoredConversation?) -> ConversationForm {
        var conversation = draft.conversation
        let typedAgreements = conversation.unknownFields["x-draft-agreements"]?.stringValue
        let typedDate = conversation.unknownFields["x-draft-date"]?.stringValue
        var focus: Int?
        if case .number(let n)? = conversation.unknownFields["x-draft-field"] { focus = Int(n) }
        var base: Int?
        if case .number(let n)? = conversation.unknownFields["x-draft-version"] { base = Int(n) }
        for key in ["x-draft-agreements", "x-draft-date", "x-draft-field", "x-draft-version"] { conversation.unknownFields[key] = nil }
        var form = ConversationForm(conversation, stored: stored)
        if let focus, fields.indices.contains(focus) { form.focus = focus }
        // A draft from before versions were kept in it has none: it is based on what is there.
        if let base { form.baseVersion = base }
        if let typedAgreements { form.editors[.agreements] = TextEditor(text: typedAgreements) }
        if let typedDate { form.editors[.date] = TextEditor(text: typedDate) }
        return form
    }

    struct FormError: Error, Equatable {
        let field: Field
        let message: String
    }

    static func name(_ field: Field, _ l: Language) -> String {
        switch field {
        case .date: l.pick("Datum", "Date")
        case .present: l.pick("Aanwezig", "Present")
        case .location: l.pick("Plaats", "Location")
        case .question: l.pick("Hulpvraag", "Question")
        case .domain(let d): d.name(in: l)
        case .ownStrength: l.pick("Eigen kracht", "Own strength")
        case .network: l.pick("Netwerk", "Network")
        case .agreements: l.pick("Afspraken", "Agreements")
        case .notes: l.pick("Notities", "Notes")
        }
    }
}
