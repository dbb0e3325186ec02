@testable import Casework

/// Small builders so each test states only what matters to it.
func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
func euros(_ text: String) -> Money { AmountParser.parseCaseFile(text)! }

func member(_ name: String, born: String?, _ role: MemberRole) -> Member {
    Member(name: name, birthDate: born.map(day), role: role)
}

func household(_ members: Member...) -> Household { Household(name: "Huishouden Test", members: members) }

/// A single person of 30 on 2026-11-23 (category single-21-aow, norm 1.419,46 in the 2026-07-01 table).
let singleAdult = household(member("Anna de Vries", born: "1996-05-01", .applicant))
let referenceDay = day("2026-11-23")

func income(_ amount: String, _ frequency: Frequency = .month, _ kind: IncomeKind = .salary, counts: Bool? = nil) -> IncomeLine {
    IncomeLine(label: kind.rawValue, amount: euros(amount), frequency: frequency, kind: kind, counts: counts)
}

func deduction(_ amount: String, _ kind: DeductionKind, _ frequency: Frequency = .month) -> Deduction {
    Deduction(label: kind.rawValue, amount: euros(amount), frequency: frequency, kind: kind)
}

func overview(_ h: Household = singleAdult, _ finances: Finances, policy: Policy = .defaults,
              on date: CalendarDate = referenceDay) -> FinancialOverview {
    try! FinancialOverview.compute(household: h, finances: finances, policy: policy, referenceDate: date).get()
}
