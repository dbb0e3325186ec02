import CaseStore
import Casework

/// Names of the ledger's codes in the two languages. The Dutch names start with different
/// letters where they can, because a letter picks the choice in the line form.
extension LedgerSection {
    func name(in l: Language) -> String {
        switch self {
        case .income: l.pick("Inkomsten", "Income")
        case .expense: l.pick("Uitgaven", "Expenses")
        case .debt: l.pick("Schulden", "Debts")
        case .deduction: l.pick("Inhoudingen", "Deductions")
        case .asset: l.pick("Vermogen", "Assets")
        }
    }
}

extension LedgerEntry {
    var monthly: Money {
        switch self {
        case .income(let l): l.monthly
        case .expense(let l): l.monthly
        case .debt(let d): d.monthlyPayment
        case .deduction(let d): d.monthly
        // Vermogen is a value, not a monthly flow: it counts in the draagkracht, not here.
        case .asset: .zero
        }
    }

    var amount: Money {
        switch self {
        case .income(let l): l.amount
        case .expense(let l): l.amount
        case .debt(let d): d.amount
        case .deduction(let d): d.amount
        case .asset(let a): a.amount
        }
    }

    /// "per maand", or for a debt its status.
    func frequencyText(in l: Language) -> String {
        switch self {
        case .income(let x): x.frequency.shortName(in: l)
        case .expense(let x): x.frequency.shortName(in: l)
        case .debt: l.pick("schuld", "debt")
        case .deduction(let x): x.frequency.shortName(in: l)
        case .asset: l.pick("waarde", "value")
        }
    }

    func kindText(in l: Language) -> String {
        switch self {
        case .income(let x): x.kind.name(in: l) + (x.countsForNormTest ? "" : l.pick(" ¹", " ¹"))
        case .expense(let x): x.category.name(in: l)
        case .debt(let d): d.status.name(in: l) + (d.arrears ? l.pick(", achterstand", ", arrears") : "")
        case .deduction(let x): x.kind.name(in: l)
        case .asset(let x): x.kind.name(in: l)
        }
    }
}
