/// The five kinds of line of the financial overview (docs/rules.md, "The bottom line (bestedingsruimte)").
/// Every record keeps the case-file fields it does not know in `unknownFields`, so that
/// an import followed by an export loses nothing another tool wrote.

public enum IncomeKind: String, CaseIterable, Codable, Sendable {
    case salary, benefit, pension, alimony, selfEmployed, other
    case childBenefit, childBudget, healthAllowance, rentAllowance, childcareAllowance, childAlimony

    /// Whether income of this kind counts for the income-norm test. Child benefit, child
    /// budget and the allowances are not income for this purpose (Participatiewet art. 31).
    public var countsForNormTest: Bool {
        switch self {
        case .salary, .benefit, .pension, .alimony, .selfEmployed, .other: true
        case .childBenefit, .childBudget, .healthAllowance, .rentAllowance, .childcareAllowance, .childAlimony: false
        }
    }
}

public struct IncomeLine: Equatable, Sendable {
    public var label: String
    /// As received, before any deduction (e.g. the net wage on the payslip before garnishment).
    public var amount: Money
    public var frequency: Frequency
    public var kind: IncomeKind
    /// Overrides the kind's default for the norm test when set.
    public var counts: Bool?
    /// The name of the member who receives it.
    public var member: String?
    public var unknownFields: JSONObject

    public init(label: String, amount: Money, frequency: Frequency, kind: IncomeKind,
                counts: Bool? = nil, member: String? = nil, unknownFields: JSONObject = [:]) {
        self.label = label; self.amount = amount; self.frequency = frequency; self.kind = kind
        self.counts = counts; self.member = member; self.unknownFields = unknownFields
    }

    public var monthly: Money { frequency.monthly(amount) }
    public var countsForNormTest: Bool { counts ?? kind.countsForNormTest }
}

public enum ExpenseCategory: String, CaseIterable, Codable, Sendable {
    case wonen
    case energieWater = "energie-water"
    case verzekeringen, zorg, kinderen, vervoer
    case telefoonInternet = "telefoon-internet"
    case huishouden, overig
}

public struct ExpenseLine: Equatable, Sendable {
    public var label: String
    public var amount: Money
    public var frequency: Frequency
    public var category: ExpenseCategory
    public var unknownFields: JSONObject

    public init(label: String, amount: Money, frequency: Frequency, category: ExpenseCategory,
                unknownFields: JSONObject = [:]) {
        self.label = label; self.amount = amount; self.frequency = frequency; self.category = category
        self.unknownFields = unknownFields
    }

    public var monthly: Money { frequency.monthly(amount) }
}

public enum DebtStatus: String, CaseIterable, Codable, Sendable {
    case open, regeling, beslag, wsnp, minnelijk
}

public struct Debt: Equatable, Sendable {
    public var creditor: String
    /// What is still outstanding.
    public var amount: Money
    /// What is paid off each month (zero if nothing).
    public var monthlyPayment: Money
    public var status: DebtStatus
    public var arrears: Bool
    public var unknownFields: JSONObject

    public init(creditor: String, amount: Money, monthlyPayment: Money = .zero,
                status: DebtStatus, arrears: Bool = false, unknownFields: JSONObject = [:]) {
        self.creditor = creditor; self.amount = amount; self.monthlyPayment = monthlyPayment
        self.status = status; self.arrears = arrears; self.unknownFields = unknownFields
    }
}

public enum DeductionKind: String, CaseIterable, Codable, Sendable {
    /// Garnishment withheld from income.
    case beslag
    /// What is paid to the administrator in statutory debt relief.
    case wsnp
    /// What is paid in an amicable arrangement.
    case minnelijk
}

public struct Deduction: Equatable, Sendable {
    public var label: String
    public var amount: Money
    public var frequency: Frequency
    public var kind: DeductionKind
    public var unknownFields: JSONObject

    public init(label: String, amount: Money, frequency: Frequency, kind: DeductionKind,
                unknownFields: JSONObject = [:]) {
        self.label = label; self.amount = amount; self.frequency = frequency; self.kind = kind
        self.unknownFields = unknownFields
    }

    public var monthly: Money { frequency.monthly(amount) }
}

public enum AssetKind: String, CaseIterable, Codable, Sendable {
    /// Bank and savings accounts, cash.
    case savings
    /// A car of some value, a house with equity, shares, a claim on someone.
    case other
}

/// Vermogen: what the household owns (savings and other assets). Above the vermogensgrens
/// (art. 34 Pw, in the policy) it counts as draagkracht in full.
public struct AssetLine: Equatable, Sendable {
    public var label: String
    /// The value today.
    public var amount: Money
    public var kind: AssetKind
    public var unknownFields: JSONObject

    public init(label: String, amount: Money, kind: AssetKind, unknownFields: JSONObject = [:]) {
        self.label = label; self.amount = amount; self.kind = kind; self.unknownFields = unknownFields
    }
}
