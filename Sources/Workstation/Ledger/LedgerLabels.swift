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
        }
    }
}

extension IncomeKind {
    func name(in l: Language) -> String {
        switch self {
        case .salary: l.pick("loon", "salary")
        case .benefit: l.pick("uitkering", "benefit")
        case .pension: l.pick("pensioen/AOW", "pension")
        case .alimony: l.pick("alimentatie", "alimony")
        case .selfEmployed: l.pick("eigen bedrijf", "self-employed")
        case .other: l.pick("overig", "other")
        case .childBenefit: l.pick("kinderbijslag", "child benefit")
        case .childBudget: l.pick("kindgebonden budget", "child budget")
        case .healthAllowance: l.pick("zorgtoeslag", "health allowance")
        case .rentAllowance: l.pick("huurtoeslag", "rent allowance")
        case .childcareAllowance: l.pick("kinderopvangtoeslag", "childcare allowance")
        case .childAlimony: l.pick("kinderalimentatie", "child alimony")
        }
    }
}

extension ExpenseCategory {
    func name(in l: Language) -> String {
        switch self {
        case .wonen: l.pick("wonen", "housing")
        case .energieWater: l.pick("energie en water", "energy and water")
        case .verzekeringen: l.pick("verzekeringen", "insurance")
        case .zorg: l.pick("zorg", "care")
        case .kinderen: l.pick("kinderen", "children")
        case .vervoer: l.pick("reiskosten", "transport")
        case .telefoonInternet: l.pick("telefoon en internet", "phone and internet")
        case .huishouden: l.pick("huishouden", "household")
        case .overig: l.pick("overig", "other")
        }
    }
}

extension DebtStatus {
    func name(in l: Language) -> String {
        switch self {
        case .open: l.pick("open", "open")
        case .regeling: l.pick("regeling", "arrangement")
        case .beslag: l.pick("beslag", "garnishment")
        case .wsnp: l.pick("WSNP", "WSNP")
        case .minnelijk: l.pick("minnelijk traject", "amicable arrangement")
        }
    }
}

extension DeductionKind {
    func name(in l: Language) -> String {
        switch self {
        case .beslag: l.pick("beslag", "garnishment")
        case .wsnp: l.pick("WSNP", "WSNP")
        case .minnelijk: l.pick("minnelijke regeling", "amicable arrangement")
        }
    }
}

extension Frequency {
    /// Short, for the form and the table: "maand", "4 weken".
    func shortName(in l: Language) -> String {
        switch self {
        case .week: l.pick("week", "week")
        case .fourWeeks: l.pick("vier weken", "four weeks")
        case .month: l.pick("maand", "month")
        case .quarter: l.pick("kwartaal", "quarter")
        case .halfYear: l.pick("halfjaar", "half year")
        case .year: l.pick("jaar", "year")
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
        }
    }

    var amount: Money {
        switch self {
        case .income(let l): l.amount
        case .expense(let l): l.amount
        case .debt(let d): d.amount
        case .deduction(let d): d.amount
        }
    }

    /// "per maand", or for a debt its status.
    func frequencyText(in l: Language) -> String {
        switch self {
        case .income(let x): x.frequency.shortName(in: l)
        case .expense(let x): x.frequency.shortName(in: l)
        case .debt: l.pick("schuld", "debt")
        case .deduction(let x): x.frequency.shortName(in: l)
        }
    }

    func kindText(in l: Language) -> String {
        switch self {
        case .income(let x): x.kind.name(in: l) + (x.countsForNormTest ? "" : l.pick(" ¹", " ¹"))
        case .expense(let x): x.category.name(in: l)
        case .debt(let d): d.status.name(in: l) + (d.arrears ? l.pick(", achterstand", ", arrears") : "")
        case .deduction(let x): x.kind.name(in: l)
        }
    }
}
