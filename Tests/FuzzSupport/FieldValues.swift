import Casework

/// Values that suit (or nearly suit) a case-file field: a mutation of an amount is an
/// amount-like text, of a date a date-like one, so the mutations reach the checks behind
/// the parser instead of stopping at the first wrong character.
enum FieldValues {
    static let amountKeys: Set = ["amount", "monthlyPayment", "mandateLimit", "norm", "threshold", "assessedIncome",
                                  "base", "monthly", "total", "grantable"]
    static let dateKeys: Set = ["referenceDate", "birthDate", "since", "received", "date", "due", "urgencyDate", "normDate"]
    static let momentKeys: Set = ["submittedAt", "decidedAt", "paidAt"]
    /// Every code of the format: a valid code of the wrong field is a realistic mistake.
    static let codes: [String] = Frequency.allCases.map(\.rawValue) + IncomeKind.allCases.map(\.rawValue)
        + ExpenseCategory.allCases.map(\.rawValue) + DebtStatus.allCases.map(\.rawValue)
        + DeductionKind.allCases.map(\.rawValue) + MemberRole.allCases.map(\.rawValue)
        + Route.allCases.map(\.rawValue) + GrantCategory.allCases.map(\.rawValue) + GrantForm.allCases.map(\.rawValue)
        + GrantStatus.allCases.map(\.rawValue) + LifeDomain.allCases.map(\.rawValue)
        + Signal.Partner.allCases.map(\.rawValue) + Signal.Status.allCases.map(\.rawValue)
        + NormCategory.allCases.map(\.rawValue) + ["keukentafel-case/1", "keukentafel-case/2"]
    /// Integers at the edges: of the policy ranges, of `Int`, and numbers that are not integers.
    static let numbers = ["0", "-1", "1", "5", "6", "100", "101", "1000", "1001", "9223372036854775807",
                          "9223372036854775808", "-9223372036854775809", "1e2", "1.0", "100.0", "-0", "0.5",
                          "1E+2", "123456789012345678901234567890123456789", "4.9e-324"]

    /// A new text for the field `key` that held `old`: valid for its kind half the time.
    static func text(for key: String?, old: String, _ rng: inout SplitMix64) -> String {
        let valid = rng.chance(1, in: 2)
        switch key {
        case let k? where amountKeys.contains(k):
            if valid { return ValidValues.caseFileAmount(&rng) }
            return FuzzText.mutate(rng.chance(1, in: 3) ? ValidValues.typedAmount(&rng) : old, &rng)
        case let k? where dateKeys.contains(k):
            return valid ? ValidValues.isoDate(&rng) : FuzzText.mutate(old, &rng)
        case let k? where momentKeys.contains(k):
            return valid ? ValidValues.isoMoment(&rng) : FuzzText.mutate(old, &rng)
        case "iban"?:
            return valid ? ValidValues.iban(&rng) : FuzzText.mutate(old, &rng)
        case "bsn"?:
            return valid ? ValidValues.bsn(&rng) : FuzzText.mutate(old, &rng)
        default:
            if codes.contains(old) { return valid ? rng.pick(codes) : FuzzText.mutate(old, &rng) }
            return rng.chance(1, in: 2) ? FuzzText.mutate(old, &rng) : FuzzText.random(&rng)
        }
    }
}
