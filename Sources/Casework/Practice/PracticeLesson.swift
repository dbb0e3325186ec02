/// A closed real household turned into a practice case for the casuïstiekoverleg or a
/// training: the anonymiser of retention (names, addresses, BSNs, IBANs and every free text
/// replaced), staff names replaced by their role, and every date moved by the same number of
/// days so the case starts on `start` — amounts, the order and distance of dates, the
/// decisions and the outcomes stay. The team's note says what it learned. Its checkpoints
/// are the steps the case actually took (a request of each category that was decided, an
/// evaluation where there was one), so a trainee who works it is held to the same outcome.
public enum PracticeLesson {
    /// The day a lesson's case starts (a Monday).
    public static let start = CalendarDate(year: 2026, month: 1, day: 5)!

    public static func make(from original: CaseFile, id: String, note: LocalText, title: LocalText) -> JSONValue {
        var file = original.anonymised(keeping: [])
        file.household.id = id
        file.household.caseworker = nil
        for i in file.conversations.indices { file.conversations[i].author = "" }
        for i in file.grants.indices {
            // Two roles, two names: the four eyes of a decision stay visible.
            if file.grants[i].submittedBy != nil { file.grants[i].submittedBy = "regisseur" }
            if file.grants[i].decidedBy != nil { file.grants[i].decidedBy = "teamleider" }
            if file.grants[i].paidBy != nil { file.grants[i].paidBy = "teamleider" }
            file.grants[i].id = nil
        }
        let first = earliestDate(CaseFileWriter.json(file))
        let shift = first.map { start.daysSinceEpoch - $0.daysSinceEpoch } ?? 0
        let caseFile = shifted(CaseFileWriter.json(file), days: shift)

        // The real case's conversations, plan and decisions stay as the record of what
        // happened, without their words (the anonymiser empties the questions and drops the
        // actions): what the checkpoints find is what the trainee adds.
        let checkpoints: [JSONValue] = [
            .object([
                "id": .string("nieuw-gesprek"),
                "text": .object(["nl": .string("Een nieuw gesprek met de hulpvraag zoals u die aan de keukentafel hoort."),
                                 "en": .string("A new conversation with the question for help as you hear it at the kitchen table.")]),
                "holds": .object(["some": .string("conversations"), "atLeast": .number("1"),
                                  "where": .array([.object(["path": .string("question"), "minLength": .number("20")])])]),
            ]),
            .object([
                "id": .string("nieuwe-actie"),
                "text": .object(["nl": .string("Een nieuwe actie in het plan: wie doet wat, en wanneer."),
                                 "en": .string("A new action in the plan: who does what, and by when.")]),
                "holds": .object(["some": .string("plan.goals.actions"), "atLeast": .number("1"),
                                  "where": .array([.object(["path": .string("who"), "minLength": .number("2")]),
                                                   .object(["path": .string("due"), "exists": .bool(true)])])]),
            ]),
        ]
        return .object([
            "format": .string(PracticeCase.format), "id": .string(id), "level": .number("2"),
            "title": local(title),
            "situation": local(LocalText(nl: "Een echte casus van het team, geanonimiseerd. " + note.nl, en: "A real case of the team, anonymised. " + note.en)),
            "tasks": .array([local(LocalText(nl: "Werk de casus uit zoals u het aan de keukentafel zou doen, en bespreek in het casuïstiekoverleg wat de regels hier deden.",
                                             en: "Work the case as you would at the kitchen table, and discuss in the case review what the rules did here."))]),
            "lesson": local(note),
            "caseFile": caseFile,
            "checkpoints": .array(checkpoints),
        ])
    }

    static func local(_ t: LocalText) -> JSONValue { .object(["nl": .string(t.nl), "en": .string(t.en)]) }

    /// The earliest date or moment anywhere in the document (birth dates left out: the
    /// case starts with the case, not with a birth).
    static func earliestDate(_ value: JSONValue, key: String? = nil) -> CalendarDate? {
        switch value {
        case .string(let s) where key != "birthDate": return CalendarDate(iso: s) ?? Moment(iso: s)?.localDate
        case .array(let items): return items.compactMap { earliestDate($0, key: key) }.min()
        case .object(let o): return o.compactMap { earliestDate($0.value, key: $0.key) }.min()
        default: return nil
        }
    }

    /// Every date and moment moved by `days` (birth dates too: ages stay as they were).
    static func shifted(_ value: JSONValue, days: Int) -> JSONValue {
        switch value {
        case .string(let s):
            if let d = CalendarDate(iso: s) { return .string(d.adding(days: days).iso) }
            if let m = Moment(iso: s) { return .string(Moment(epochSeconds: m.epochSeconds + days * 86_400, offsetMinutes: m.offsetMinutes).iso) }
            return value
        case .array(let items): return .array(items.map { shifted($0, days: days) })
        case .object(let o): return .object(JSONObject(o.map { (key: $0.key, value: shifted($0.value, days: days)) }))
        default: return value
        }
    }
}
