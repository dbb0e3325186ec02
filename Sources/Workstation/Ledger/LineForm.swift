import CaseStore
import Casework
import Terminal

/// The form for one ledger line, filled in place while the household fetches its papers:
/// label, amount (typed the Dutch way, checked as it is typed), frequency and kind, category
/// or status. A letter picks a choice and moves on, so a whole line takes few keys.
struct LineForm: Equatable {
    enum Mode: Equatable { case add, edit(StoredLedgerLine) }
    enum Field: Equatable { case label, amount, payment, frequency, kind, category, status, arrears }

    var mode: Mode
    var section: LedgerSection
    var label = TextField(text: "", cursor: 0, kind: .text, maxLength: 80)
    var amount = TextField(text: "", cursor: 0, kind: .amount, maxLength: 20)
    var payment = TextField(text: "", cursor: 0, kind: .amount, maxLength: 20)
    var frequency = Frequency.month
    var incomeKind = IncomeKind.salary
    var category = ExpenseCategory.wonen
    var debtStatus = DebtStatus.open
    var deductionKind = DeductionKind.beslag
    var assetKind = AssetKind.savings
    var arrears = false
    var focus = 0
    /// The line being edited or copied, so what the form does not show (member, counts,
    /// unknown fields) is kept.
    var original: LedgerEntry?
    /// Set when Enter was pressed with a mistake in the form: now errors are shown for
    /// empty fields too.
    var triedToSave = false
    /// Someone else saved (or deleted) the line since it was read: their version, shown in
    /// the form beside what was typed.
    var conflict: EditConflict<StoredLedgerLine>?

    init(section: LedgerSection, mode: Mode = .add, from entry: LedgerEntry? = nil) {
        self.section = section
        self.mode = mode
        original = entry
        guard let entry else { return }
        func text(_ m: Money) -> String { m.dutchNumber }
        switch entry {
        case .income(let x):
            label.text = x.label; amount.text = text(x.amount); frequency = x.frequency; incomeKind = x.kind
        case .expense(let x):
            label.text = x.label; amount.text = text(x.amount); frequency = x.frequency; category = x.category
        case .debt(let d):
            label.text = d.creditor; amount.text = text(d.amount); payment.text = text(d.monthlyPayment)
            debtStatus = d.status; arrears = d.arrears
        case .deduction(let x):
            label.text = x.label; amount.text = text(x.amount); frequency = x.frequency; deductionKind = x.kind
        case .asset(let x):
            label.text = x.label; amount.text = text(x.amount); assetKind = x.kind
        }
        label.cursor = label.text.count; amount.cursor = amount.text.count; payment.cursor = payment.text.count
    }

    var fields: [Field] {
        switch section {
        case .income: [.label, .amount, .frequency, .kind]
        case .expense: [.label, .amount, .frequency, .category]
        case .debt: [.label, .amount, .payment, .status, .arrears]
        case .deduction: [.label, .amount, .frequency, .kind]
        case .asset: [.label, .amount, .kind]
        }
    }

    var focusedField: Field { fields[min(focus, fields.count - 1)] }

    /// The choices of a choice field, as (name, select) pairs in display order.
    func choices(_ field: Field, _ l: Language) -> [String] {
        switch field {
        case .frequency: Frequency.allCases.map { $0.shortName(in: l) }
        case .kind where section == .income: IncomeKind.allCases.map { $0.name(in: l) }
        case .kind where section == .asset: AssetKind.allCases.map { $0.name(in: l) }
        case .kind: DeductionKind.allCases.map { $0.name(in: l) }
        case .category: ExpenseCategory.allCases.map { $0.name(in: l) }
        case .status: DebtStatus.allCases.map { $0.name(in: l) }
        case .arrears: [l.pick("nee", "no"), l.pick("ja", "yes")]
        case .label, .amount, .payment: []
        }
    }

    func choiceIndex(_ field: Field) -> Int {
        switch field {
        case .frequency: Frequency.allCases.firstIndex(of: frequency) ?? 0
        case .kind where section == .income: IncomeKind.allCases.firstIndex(of: incomeKind) ?? 0
        case .kind where section == .asset: AssetKind.allCases.firstIndex(of: assetKind) ?? 0
        case .kind: DeductionKind.allCases.firstIndex(of: deductionKind) ?? 0
        case .category: ExpenseCategory.allCases.firstIndex(of: category) ?? 0
        case .status: DebtStatus.allCases.firstIndex(of: debtStatus) ?? 0
        case .arrears: arrears ? 1 : 0
        case .label, .amount, .payment: 0
        }
    }

    mutating func setChoice(_ field: Field, _ index: Int) {
        switch field {
        case .frequency: frequency = Frequency.allCases[index]
        case .kind where section == .income: incomeKind = IncomeKind.allCases[index]
        case .kind where section == .asset: assetKind = AssetKind.allCases[index]
        case .kind: deductionKind = DeductionKind.allCases[index]
        case .category: category = ExpenseCategory.allCases[index]
        case .status: debtStatus = DebtStatus.allCases[index]
        case .arrears: arrears = index == 1
        case .label, .amount, .payment: break
        }
    }

    /// What is wrong with an amount as typed, or nil. An empty payment means € 0,00.
    func amountError(_ field: Field, _ l: Language) -> String? {
        let f = field == .payment ? payment : amount
        if field == .payment && f.text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        if f.text.isEmpty && !triedToSave { return nil }
        switch AmountParser.parseTyped(f.text) {
        case .success(let m) where m < .zero:
            return l.pick("Een bedrag is niet negatief; kies zo nodig een ander soort regel.",
                          "An amount is not negative; choose another kind of line if needed.")
        case .success: return nil
        case .failure(let e): return e.message(in: l)
        }
    }

    /// What is wrong with `field` as typed, or nil (choices are never wrong).
    func fieldError(_ field: Field, _ l: Language) -> String? {
        switch field {
        case .label: labelError(l)
        case .amount, .payment: amountError(field, l)
        default: nil
        }
    }

    func labelError(_ l: Language) -> String? {
        guard triedToSave, label.text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return section == .debt ? l.pick("Vul de schuldeiser in.", "Enter the creditor.")
            : l.pick("Vul een omschrijving in.", "Enter a description.")
    }

    /// Handles a key; returns true when it was for the form.
    mutating func handle(_ key: Key, _ l: Language) -> Bool {
        let field = focusedField
        if let next = Choice.focus(after: key, from: focus, count: fields.count) {
            focus = next
            return true
        }
        switch field {
        case .label: return label.handle(key)
        case .amount: return amount.handle(key)
        case .payment: return payment.handle(key)
        default:
            // A letter picks and moves on to the next field, so a line needs one key per choice.
            guard let pick = Choice.pick(key, options: choices(field, l), current: choiceIndex(field)) else { return false }
            setChoice(field, pick.index)
            if pick.byLetter && focus < fields.count - 1 { focus += 1 }
            return true
        }
    }

    /// The line the form describes, or the first problem with it.
    mutating func entry(_ l: Language) -> Result<LedgerEntry, FormProblem> {
        triedToSave = true
        if let e = labelError(l) { return .failure(FormProblem(field: .label, message: e)) }
        guard case .success(let money) = AmountParser.parseTyped(amount.text), amountError(.amount, l) == nil else {
            return .failure(FormProblem(field: .amount, message: amountError(.amount, l) ?? ""))
        }
        let name = label.text.trimmingCharacters(in: .whitespaces)
        switch section {
        case .income:
            var line = IncomeLine(label: name, amount: money, frequency: frequency, kind: incomeKind)
            if case .income(let old)? = original { line.member = old.member; line.unknownFields = old.unknownFields
                if old.kind == incomeKind { line.counts = old.counts } }
            return .success(.income(line))
        case .expense:
            var line = ExpenseLine(label: name, amount: money, frequency: frequency, category: category)
            if case .expense(let old)? = original { line.unknownFields = old.unknownFields }
            return .success(.expense(line))
        case .debt:
            if let e = amountError(.payment, l) { return .failure(FormProblem(field: .payment, message: e)) }
            let pay = payment.text.trimmingCharacters(in: .whitespaces).isEmpty ? Money.zero
                : (try? AmountParser.parseTyped(payment.text).get()) ?? .zero
            var debt = Debt(creditor: name, amount: money, monthlyPayment: pay, status: debtStatus, arrears: arrears)
            if case .debt(let old)? = original { debt.unknownFields = old.unknownFields }
            return .success(.debt(debt))
        case .deduction:
            var line = Deduction(label: name, amount: money, frequency: frequency, kind: deductionKind)
            if case .deduction(let old)? = original { line.unknownFields = old.unknownFields }
            return .success(.deduction(line))
        case .asset:
            var line = AssetLine(label: name, amount: money, kind: assetKind)
            if case .asset(let old)? = original { line.unknownFields = old.unknownFields }
            return .success(.asset(line))
        }
    }

    struct FormProblem: Error, Equatable {
        let field: Field
        let message: String
    }
}
