/// A policy version in words, for `policy show` and the workstation's read-only view: every
/// figure a caseworker may be asked about, with its source in the law where it has one.
public enum PolicyText {
    public static func lines(_ v: PolicyVersion, language l: Language) -> [String] {
        let p = v.policy
        var out: [String] = []
        out.append(l.pick("Beleidsversie \(v.number), geldig vanaf \(v.validFrom.dutch)", "Policy version \(v.number), valid from \(v.validFrom.dutch)")
                   + (v.number == 0 ? l.pick(" (zoals meegeleverd)", " (as shipped)") : ""))
        out.append(l.pick("  Inkomensgrens normtoets: \(p.normPercentage)% van de norm", "  Norm test threshold: \(p.normPercentage)% of the norm"))
        out.append(l.pick("  Draagkracht:", "  Draagkracht:"))
        for (i, tier) in p.tiers.enumerated() {
            let upTo = i + 1 < p.tiers.count ? l.pick(" tot \(p.tiers[i + 1].fromPercent)%", " up to \(p.tiers[i + 1].fromPercent)%") : ""
            out.append(l.pick("    \(tier.sharePercent)% van het inkomen boven \(tier.fromPercent)%\(upTo) van de norm",
                              "    \(tier.sharePercent)% of the income above \(tier.fromPercent)%\(upTo) of the norm"))
        }
        out.append(l.pick("  Draagkrachtperiode: \(p.periodMonths) maanden, één per huishouden", "  Draagkracht period: \(p.periodMonths) months, one per household"))
        out.append(p.noDraagkrachtInDebtArrangement
                   ? l.pick("  Geen draagkracht tijdens WSNP of minnelijke regeling", "  No draagkracht during WSNP or an amicable arrangement")
                   : l.pick("  Draagkracht ook tijdens WSNP of minnelijke regeling", "  Draagkracht also during WSNP or an amicable arrangement"))
        out.append(l.pick("  Vermogensgrens (art. 34): \(p.assetLimitSingle.dutch) alleenstaand, \(p.assetLimitFamily.dutch) gezin of alleenstaande ouder",
                          "  Asset limit (art. 34): \(p.assetLimitSingle.dutch) single, \(p.assetLimitFamily.dutch) couple or single parent"))
        out.append(p.minimumCost.map { l.pick("  Drempelbedrag (art. 35 lid 2): \($0.dutch)", "  Minimum cost (art. 35(2)): \($0.dutch)") }
                   ?? l.pick("  Geen drempelbedrag", "  No minimum cost"))
        out.append(l.pick("  Mandaat regisseur: tot \(p.mandateLimit.dutch)", "  Caseworker's mandate: up to \(p.mandateLimit.dutch)"))
        out.append(l.pick("  Pensioenleeftijd: ", "  Pension age: ")
                   + p.pensionAges.ages.map { l.pick("vanaf \($0.from.dutch) \($0.text(in: l))", "from \($0.from.dutch) \($0.text(in: l))") }.joined(separator: "; "))
        return out
    }
}
