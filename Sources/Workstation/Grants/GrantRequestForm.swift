import CaseStore
import Casework
import Foundation
import Terminal

/// The request form: what, how much, to whom, why — with the figures of the household
/// beside it, and the length rule of the motivation in view.
struct GrantRequestForm: Equatable {
    enum Field: CaseIterable, Equatable {
        case route, category, amount, form, loanInstalment, loanFirstMonth, payeeName, iban, reference, goalShort, goalLong, planGoal,
             urgency, motivation, letterText, conditions, businessCase

        var isChoice: Bool { [.route, .category, .form, .planGoal].contains(self) }
        var isEditor: Bool { [.motivation, .letterText, .conditions, .businessCase].contains(self) }
        var isLoanTerm: Bool { self == .loanInstalment || self == .loanFirstMonth }
    }

    var stored: StoredGrant?
    var route = Route.custom
    var category = GrantCategory.overig
    var grantForm = CaseworkGrantForm.gift
    var planGoal: String?
    var texts: [Field: TextField] = [:]
    var motivation = TextEditor()
    /// The reasons for the resident, as the letter gives them: prefilled from the motivation
    /// when first visited, then edited (internal notes stay in the motivation).
    var letterText = TextEditor()
    /// Conditions (art. 55 Pw), one per line: what | by when.
    var conditions = TextEditor()
    var businessCase = TextEditor()
    var focus = 0
    var unknownFields: JSONObject = [:]
    /// Typed since the last draft was written (the pause writes it).
    var dirty = false
    /// Typed since the form was opened or saved: Esc asks before throwing that away.
    var changed = false
    /// The first Esc on a changed form: the second one throws it away.
    var leaving = false

    typealias CaseworkGrantForm = Casework.GrantForm

    /// The request's own id, so its figures do not count it as an earlier request of the period.
    var grantID: String? { stored?.grant.id }

    init() {
        for field in Field.allCases where !field.isChoice && !field.isEditor {
            texts[field] = TextField(text: "", cursor: 0, kind: [.amount, .loanInstalment].contains(field) ? .amount : field == .urgency ? .date : .text,
                                     maxLength: 140)
        }
    }

    init(_ stored: StoredGrant) {
        self.init()
        self.stored = stored
        let g = stored.grant
        route = g.route; category = g.category; grantForm = g.form; planGoal = g.planGoal; unknownFields = g.unknownFields
        set(.amount, g.amount.dutchNumber); set(.payeeName, g.payee.name); set(.iban, g.payee.iban)
        set(.reference, g.payee.reference); set(.goalShort, g.goalShort); set(.goalLong, g.goalLong)
        set(.urgency, g.urgencyDate?.dutch ?? "")
        motivation = TextEditor(text: g.motivation)
        letterText = TextEditor(text: g.letterReasons)
        conditions = TextEditor(text: g.conditions.map { c in c.text + (c.due.map { " | " + $0.dutch } ?? "") }.joined(separator: "\n"))
        if let loan = g.loan { set(.loanInstalment, loan.monthlyInstalment.dutchNumber); set(.loanFirstMonth, Self.monthText(loan.firstMonth)) }
        businessCase = TextEditor(text: g.businessCase.without.map { "\($0.label) | \($0.amount.dutchNumber)" }.joined(separator: "\n"))
    }

    mutating func set(_ field: Field, _ text: String) { texts[field] = TextField(text: text, cursor: text.count, kind: texts[field]?.kind ?? .text, maxLength: 140) }
    func text(_ field: Field) -> String { texts[field]?.text ?? "" }
    var field: Field { Field.allCases[focus] }

    /// The fields on the form now: a loan's terms only for a loan.
    func isShown(_ field: Field) -> Bool { !field.isLoanTerm || grantForm == .loan }

    /// To the next (or previous) field on the form; the letter's text starts as the motivation.
    mutating func move(_ step: Int) {
        let count = Field.allCases.count
        repeat { focus = (focus + step + count) % count } while !isShown(field)
        // Prefilled for the resident: what the motivation marks "Intern:" stays out.
        if field == .letterText, letterText.isEmpty, !motivation.isEmpty { letterText = TextEditor(text: InternalNotes.removed(from: motivation.text)) }
    }

    /// "01-2027" for January 2027.
    static func monthText(_ d: CalendarDate) -> String { (d.month < 10 ? "0" : "") + "\(d.month)-\(d.year)" }

    /// A month typed as mm-jjjj (or m-jjjj, mm/jjjj, jjjj-mm): its first day.
    static func month(typed: String) -> CalendarDate? {
        let parts = typed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " }).map(String.init)
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        let (month, year) = parts[0].count == 4 ? (b, a) : (a, b)
        guard (2000...2200).contains(year) else { return nil }
        return CalendarDate(year: year, month: month, day: 1)
    }

    struct BadLine: Error { let text: String }

    /// The conditions as typed: one per line, "what | dd-mm-jjjj" (the date may be left out).
    func typedConditions() -> Result<[Agreement], BadLine> {
        var out: [Agreement] = []
        for line in conditions.text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            var due: CalendarDate?
            if parts.count == 2 {
                guard let d = CalendarDate(typed: parts[1]) else { return .failure(BadLine(text: String(line))) }
                due = d
            }
            out.append(Agreement(text: parts[0], due: due))
        }
        return .success(out)
    }

    /// The loan's terms as typed; nil when not (yet) both given.
    var loanTerms: LoanTerms? {
        guard grantForm == .loan, let instalment = try? AmountParser.parseTyped(text(.loanInstalment)).get(),
              let first = Self.month(typed: text(.loanFirstMonth)) else { return nil }
        return LoanTerms(monthlyInstalment: instalment, firstMonth: first)
    }

    /// What is wrong with a field as typed, or nil.
    func problem(_ field: Field, _ l: Language) -> String? {
        switch field {
        case .amount:
            guard !text(.amount).isEmpty else { return nil }
            if case .failure(let e) = AmountParser.parseTyped(text(.amount)) { return e.message(in: l) }
        case .iban:
            guard !text(.iban).isEmpty else { return nil }
            if case .failure(let e) = IBAN.check(text(.iban)) { return l.pick("Dit IBAN ", "This IBAN ") + e.message(in: l) }
        case .loanInstalment:
            guard isShown(field), !text(field).isEmpty else { return nil }
            if case .failure(let e) = AmountParser.parseTyped(text(field)) { return e.message(in: l) }
            if let terms = loanTerms, let amount, let problem = terms.problems(for: amount).first { return problem.message(in: l) }
        case .loanFirstMonth:
            guard isShown(field), !text(field).isEmpty else { return nil }
            if Self.month(typed: text(field)) == nil { return l.pick("Schrijf de eerste maand als mm-jjjj, bijvoorbeeld 01-2027.", "Write the first month as mm-yyyy, for example 01-2027.") }
        case .conditions:
            if case .failure(let bad) = typedConditions() {
                return l.pick("Eén voorwaarde per regel: wat | dd-mm-jjjj (\"\(bad.text)\")", "One condition per line: what | dd-mm-yyyy (\"\(bad.text)\")")
            }
        case .urgency:
            guard !text(.urgency).isEmpty else { return nil }
            if CalendarDate(typed: text(.urgency)) == nil { return l.pick("Schrijf de datum als dd-mm-jjjj.", "Write the date as dd-mm-yyyy.") }
        case .businessCase:
            for line in businessCase.text.split(separator: "\n") {
                let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count != 2 || (try? AmountParser.parseTyped(parts[1]).get()) == nil {
                    return l.pick("Eén post per regel: omschrijving | bedrag (\"\(line)\")", "One item per line: label | amount (\"\(line)\")")
                }
            }
        default: break
        }
        return nil
    }

    var amount: Money? { try? AmountParser.parseTyped(text(.amount)).get() }

    /// The grant as typed (a draft): what the rules then judge.
    struct Problem: Error, Equatable { let field: Field; let message: String }

    func grant(_ l: Language) -> Result<Grant, Problem> {
        for field in Field.allCases { if let p = problem(field, l) { return .failure(Problem(field: field, message: p)) } }
        let costs = businessCase.text.split(separator: "\n").compactMap { line -> CostItem? in
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let money = try? AmountParser.parseTyped(parts[1]).get() else { return nil }
            return CostItem(label: parts[0], amount: money)
        }
        var g = stored?.grant ?? Grant(route: route, category: category, amount: .zero, payee: Payee())
        g.route = route; g.category = category; g.amount = amount ?? .zero; g.form = grantForm
        g.payee = Payee(name: text(.payeeName), iban: text(.iban), reference: text(.reference), unknownFields: g.payee.unknownFields)
        g.goalShort = text(.goalShort); g.goalLong = text(.goalLong); g.planGoal = planGoal
        g.urgencyDate = CalendarDate(typed: text(.urgency)); g.motivation = motivation.text
        g.letterReasons = letterText.text.trimmingCharacters(in: .whitespacesAndNewlines)
        g.loan = loanTerms
        g.conditions = (try? typedConditions().get()) ?? []
        g.businessCase = BusinessCase(without: costs, unknownFields: g.businessCase.unknownFields)
        return .success(g)
    }

    mutating func handle(_ key: Key, goals: [Goal], width: Int) -> Bool {
        switch key {
        case .tab: move(1); return true
        case .backTab: move(-1); return true
        default: break
        }
        switch field {
        case .route, .category, .form, .planGoal:
            let step: Int
            switch key {
            case .right, .character(" "): step = 1
            case .left: step = -1
            case .character(let c):
                cycle(toLetter: c, goals: goals); return true
            default: return false
            }
            cycle(step, goals: goals)
            return true
        case .motivation:
            return motivation.handle(key, width: width)
        case .letterText:
            return letterText.handle(key, width: width)
        case .conditions:
            return conditions.handle(key, width: width)
        case .businessCase:
            return businessCase.handle(key, width: width)
        default:
            var t = texts[field] ?? TextField()
            let used = t.handle(key)
            texts[field] = t
            return used
        }
    }

    private mutating func cycle(_ step: Int, goals: [Goal]) {
        func next<T: Equatable>(_ all: [T], _ current: T) -> T {
            let i = all.firstIndex(of: current) ?? 0
            return all[(i + step + all.count) % all.count]
        }
        switch field {
        case .route: route = next(Route.allCases, route)
        case .category: category = next(GrantCategory.allCases, category)
        case .form: grantForm = next(Casework.GrantForm.allCases, grantForm)
        case .planGoal: planGoal = next([nil] + goals.map(\.id), planGoal)
        default: break
        }
    }

    private mutating func cycle(toLetter c: Character, goals: [Goal]) {
        let letter = String(c).lowercased()
        switch field {
        case .route: if let r = Route.allCases.first(where: { $0.name(in: .nl).hasPrefix(letter) }) { route = r }
        case .category: if let x = GrantCategory.allCases.first(where: { $0.rawValue.hasPrefix(letter) && $0 != category })
                            ?? GrantCategory.allCases.first(where: { $0.rawValue.hasPrefix(letter) }) { category = x }
        case .form: grantForm = letter == "l" || letter == "r" ? .loan : .gift
        case .planGoal: if let g = goals.first(where: { $0.id.lowercased().hasPrefix(letter) }) { planGoal = g.id }
        default: break
        }
    }

    static func name(_ field: Field, _ l: Language) -> String {
        switch field {
        case .route: l.pick("Route", "Route")
        case .category: l.pick("Soort kosten", "Cost category")
        case .amount: l.pick("Bedrag", "Amount")
        case .form: l.pick("Vorm", "Form")
        case .loanInstalment: l.pick("Aflossing p/m", "Instalment/mo")
        case .loanFirstMonth: l.pick("Eerste maand", "First month")
        case .payeeName: l.pick("Betalen aan", "Pay to")
        case .iban: "IBAN"
        case .reference: l.pick("Kenmerk", "Reference")
        case .goalShort: l.pick("Doel kort", "Short-term goal")
        case .goalLong: l.pick("Doel lang", "Long-term goal")
        case .planGoal: l.pick("Plandoel", "Plan goal")
        case .urgency: l.pick("Uiterlijk", "Urgent by")
        case .motivation: l.pick("Motivering", "Motivation")
        case .letterText: l.pick("Tekst voor de brief", "Text for the letter")
        case .conditions: l.pick("Voorwaarden (wat | uiterlijk)", "Conditions (what | by)")
        case .businessCase: l.pick("Kosten zonder", "Costs without")
        }
    }

    func value(_ field: Field, _ l: Language) -> String {
        switch field {
        case .route: route.name(in: l)
        case .category: category.name(in: l)
        case .form: grantForm == .gift ? l.pick("gift", "gift") : l.pick("renteloze lening", "interest-free loan")
        case .planGoal: planGoal ?? l.pick("(geen)", "(none)")
        default: ""
        }
    }
}
