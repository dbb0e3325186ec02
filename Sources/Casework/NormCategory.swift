/// The bijstandsnorm category of a household (docs/rules.md, "The norm category").
public enum NormCategory: String, CaseIterable, Codable, Sendable {
    case single18to20 = "single-18-20"
    case single21toAOW = "single-21-aow"
    case singleAOW = "single-aow"
    case couple18to20 = "couple-18-20"
    case couple18to20Children = "couple-18-20-children"
    case coupleMixed = "couple-mixed"
    case coupleMixedChildren = "couple-mixed-children"
    case couple21toAOW = "couple-21-aow"
    case coupleAOW = "couple-aow"
}

/// Why no norm applies to a household; the overview then shows the norm test and
/// draagkracht as "not applicable", never as zero.
public enum NoNormReason: Error, Equatable, Sendable {
    case noApplicant
    case underEighteen(member: String, age: Int)
    case birthDateUnknown(member: String)
}

public enum NormCategorisation {
    /// The category on `date`. A household with a `partner` is a couple; a single parent
    /// has the single norm. "With children" means a member with role `child` who is under
    /// 18 on the date (a child of 18 or older no longer counts for the couple norm).
    public static func category(of household: Household, on date: CalendarDate,
                                pensionAges: PensionAges) -> Result<NormCategory, NoNormReason> {
        guard let applicant = household.applicant else { return .failure(.noApplicant) }
        let adults = [applicant] + (household.partner.map { [$0] } ?? [])
        enum Band { case young, adult, pension }
        var bands: [Band] = []
        for adult in adults {
            guard let birth = adult.birthDate else { return .failure(.birthDateUnknown(member: adult.name)) }
            let age = birth.age(on: date)
            if age < 18 { return .failure(.underEighteen(member: adult.name, age: age)) }
            bands.append(pensionAges.hasReached(bornOn: birth, on: date) ? .pension : (age <= 20 ? .young : .adult))
        }
        if bands.count == 1 {
            switch bands[0] {
            case .young: return .success(.single18to20)
            case .adult: return .success(.single21toAOW)
            case .pension: return .success(.singleAOW)
            }
        }
        let hasChildren = household.members.contains {
            $0.role == .child && ($0.age(on: date).map { $0 < 18 } ?? true)
        }
        if bands.contains(.pension) { return .success(.coupleAOW) }
        switch (bands[0], bands[1]) {
        case (.young, .young): return .success(hasChildren ? .couple18to20Children : .couple18to20)
        case (.adult, .adult): return .success(.couple21toAOW)
        default: return .success(hasChildren ? .coupleMixedChildren : .coupleMixed)
        }
    }
}

extension NormCategory {
    /// The category of the same household aged 21 or older: the cap of the art. 20 lid 3 raise.
    public var adultEquivalent: NormCategory {
        switch self {
        case .single18to20, .single21toAOW, .singleAOW: .single21toAOW
        default: .couple21toAOW
        }
    }

    public var isCouple: Bool {
        switch self {
        case .single18to20, .single21toAOW, .singleAOW: false
        default: true
        }
    }
}
