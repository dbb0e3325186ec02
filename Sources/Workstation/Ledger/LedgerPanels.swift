import CaseStore
import Casework
import Terminal

/// The figures that stay in view while the ledger is filled in: the bottom line, the norm
/// test and draagkracht, and the warnings. A negative bottom line has its minus sign and
/// the warning role — never colour alone.
enum LedgerPanels {
    static func lines(_ overview: FinancialOverview?, ctx: ScreenContext, width: Int, compact: Bool) -> [StyledLine] {
        let l = ctx.l
        guard let o = overview else {
            return [StyledLine([Span(text: l.pick("Geen normtabel voor deze peildatum: de normtoets kan niet.",
                                                  "No norm table for this reference date: no norm test."), role: .warning)])]
        }
        let remaining = o.totals.remaining
        let bottom = StyledLine([Span(text: l.pick("Bestedingsruimte per maand ", "Left each month "), role: .title),
                                 Span(text: remaining.dutch, role: remaining < .zero ? .amountNegative : .amountPositive),
                                 Span(text: remaining < .zero ? l.pick("  tekort", "  shortfall") : "", role: .amountNegative)])
        var out: [StyledLine] = []
        if compact {
            // Every figure whole: what does not fit on a line goes to the next.
            var lines = [bottom]
            if let d = o.draagkracht {
                lines.append(StyledLine([Span(text: "Draagkracht ", role: .header),
                                         Span(text: l.pick("\(d.monthly.dutch) per maand · \(d.total.dutch) over \(d.periodMonths) maanden",
                                                           "\(d.monthly.dutch) a month · \(d.total.dutch) over \(d.periodMonths) months"))]))
            }
            if let t = o.normTest {
                lines.append(StyledLine([Span(text: l.pick("Normtoets ", "Norm test "), role: .header),
                                         Span(text: t.category.name(in: l) + " · norm \(t.norm.dutch) (\(l.pick("tabel", "table")) \(t.normDate.dutch))")]))
                lines.append(StyledLine([Span(text: "  " + l.pick("grens", "threshold") + " \(t.percentage)% \(t.threshold.dutch) · "
                                                  + l.pick("getoetst inkomen ", "assessed income ") + t.assessedIncome.dutch + " · "),
                                         verdict(t, l)]))
            }
            out = lines.flatMap { $0.wrapped(width: width, indent: 2) }
        } else {
            out.append(bottom)
            out.append(StyledLine([]))
            if let t = o.normTest {
                out.append(StyledLine([Span(text: l.pick("Normtoets", "Norm test"), role: .header)]))
                out += TextWrap.wrap(t.category.name(in: l), width: width - 2).map { StyledLine([Span(text: "  " + $0)]) }
                if t.youthRaise > .zero {
                    out += row(l.pick("Norm (tabel \(t.normDate.dutch))", "Norm (table \(t.normDate.dutch))"), t.tableNorm.dutch, width)
                    out += row(l.pick("+ art. 20 lid 3 (\(t.raisedFor.joined(separator: ", ")))", "+ art. 20(3) (\(t.raisedFor.joined(separator: ", ")))"),
                               t.youthRaise.dutch, width)
                    out += row(l.pick("Norm", "Norm"), t.norm.dutch, width)
                } else {
                    out += row(l.pick("Norm (tabel \(t.normDate.dutch))", "Norm (table \(t.normDate.dutch))"), t.norm.dutch, width)
                }
                out += row(l.pick("Grens (\(t.percentage)%)", "Threshold (\(t.percentage)%)"), t.threshold.dutch, width)
                out += row(l.pick("Getoetst inkomen", "Assessed income"), t.assessedIncome.dutch, width)
                out += StyledLine([Span(text: "  "), verdict(t, l)]).wrapped(width: width, indent: 2)
                out.append(StyledLine([]))
            }
            if let d = o.draagkracht {
                out.append(StyledLine([Span(text: l.pick("Draagkracht", "Draagkracht"), role: .header)]))
                out += draagkrachtRows(d, l, width)
                out.append(StyledLine([]))
            }
        }
        for warning in o.warnings {
            out += TextWrap.wrap("! " + warning.message(in: l), width: width).map { StyledLine([Span(text: $0, role: .warning)]) }
        }
        return out
    }

    /// Every step of draagkracht: the base, each band, vermogen above the limit, what earlier
    /// requests of the period took, and what is left.
    static func draagkrachtRows(_ d: Draagkracht, _ l: Language, _ width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        if let reason = d.suspended {
            switch reason {
            case .debtArrangement:
                out += TextWrap.wrap(l.pick("Geen draagkracht: het huishouden zit in de WSNP of een minnelijke regeling (beleid).",
                                            "No draagkracht: the household is in WSNP or an amicable arrangement (policy)."),
                                     width: width - 2).map { StyledLine([Span(text: "  " + $0)]) }
            }
            return out
        }
        out += row(l.pick("Vrij tot", "Free up to"), d.base.dutch, width)
        if d.bands.count == 1 {
            out += row(l.pick("Per maand (\(d.sharePercent)% van het meerdere)", "Monthly (\(d.sharePercent)% of the excess)"),
                       d.monthly.dutch, width)
        } else {
            for band in d.bands {
                let range = band.upTo.map { l.pick("\(band.from.dutch)–\($0.dutch)", "\(band.from.dutch)–\($0.dutch)") }
                    ?? l.pick("boven \(band.from.dutch)", "above \(band.from.dutch)")
                out += row("\(band.sharePercent)% " + l.pick("van ", "of ") + range, band.monthly.dutch, width)
            }
            out += row(l.pick("Per maand", "Monthly"), d.monthly.dutch, width)
        }
        out += row(d.periodMonths == 1 ? l.pick("Over 1 maand", "Over 1 month") : l.pick("Over \(d.periodMonths) maanden", "Over \(d.periodMonths) months"),
                   d.incomeTotal.dutch, width)
        if d.assets > .zero {
            out += row(l.pick("Vermogen (grens \(d.assetLimit.dutch))", "Assets (limit \(d.assetLimit.dutch))"), d.assets.dutch, width)
            out += row(l.pick("+ boven de grens", "+ above the limit"), d.assetsCounted.dutch, width)
            out += row(l.pick("Draagkracht", "Draagkracht"), d.total.dutch, width)
        }
        if d.usedBefore > .zero {
            let since = d.periodStart.map { l.pick(" sinds \($0.dutch)", " since \($0.dutch)") } ?? ""
            out += row(l.pick("− al gebruikt\(since)", "− used already\(since)"), d.usedBefore.dutch, width)
            out += row(l.pick("Nog over", "Left"), d.remaining.dutch, width)
        }
        if let minimum = d.minimumCost {
            out += row(l.pick("Drempelbedrag", "Minimum cost"), minimum.dutch, width)
        }
        return out
    }

    private static func verdict(_ t: NormTest, _ l: Language) -> Span {
        let difference = t.assessedIncome - t.threshold
        if t.withinNorm {
            return Span(text: l.pick("binnen de norm (\((-difference).dutch) eronder)", "within the norm (\((-difference).dutch) below)"),
                        role: .success)
        }
        return Span(text: l.pick("BOVEN de norm (\(difference.dutch) erboven)", "ABOVE the norm (\(difference.dutch) above)"),
                    role: .warning)
    }

    /// A label with its amount at the right edge; when the two do not fit on one line, the
    /// amount goes to the next, still at the right edge: never cut.
    private static func row(_ label: String, _ amount: String, _ width: Int) -> [StyledLine] {
        let room = width - 2 - DisplayWidth.of(label) - DisplayWidth.of(amount)
        if room >= 1 { return [StyledLine([Span(text: "  " + label + String(repeating: " ", count: room)), Span(text: amount)])] }
        return StyledLine([Span(text: "  " + label)]).wrapped(width: width, indent: 4)
            + [StyledLine([Span(text: String(repeating: " ", count: max(0, width - DisplayWidth.of(amount)))), Span(text: amount)])]
    }
}

/// `x`: which lines make a total, each with its monthly equivalent, and — for income —
/// which lines do not count for the norm test and why.
enum LedgerExplanation {
    static func sections(_ section: LedgerSection, ledger: LedgerState, overview: FinancialOverview,
                         ctx: ScreenContext) -> [(title: String, rows: [(keys: String, text: String)])] {
        let l = ctx.l
        let lines = ledger.lines(in: section).map(\.entry)
        var rows: [(keys: String, text: String)] = lines.map { entry in
            let how: String
            switch entry {
            case .debt(let d): how = l.pick("aflossing per maand \(d.monthlyPayment.dutch)", "monthly payment \(d.monthlyPayment.dutch)")
            default: how = "\(entry.amount.dutch) \(entry.frequencyText(in: l)) → \(entry.monthly.dutch) \(l.pick("per maand", "per month"))"
            }
            return (entry.label, how)
        }
        let total = lines.map(\.monthly).sum()
        rows.append((l.pick("Totaal", "Total"), total.dutch + l.pick(" per maand (elke regel apart afgerond)", " per month (each line rounded on its own)")))
        if section == .asset {
            // Vermogen is a value, not a monthly flow: above the limit it counts in full.
            rows = lines.map { ($0.label, $0.amount.dutch) }
            if let d = overview.draagkracht {
                rows.append((l.pick("Samen", "Together"), d.assets.dutch))
                rows.append((l.pick("Vermogensgrens", "Asset limit"), d.assetLimit.dutch + l.pick(" (art. 34 Participatiewet, beleid)", " (art. 34 Participatiewet, policy)")))
                rows.append((l.pick("Telt als draagkracht", "Counts as draagkracht"), d.assetsCounted.dutch + l.pick(" (boven de grens, helemaal)", " (above the limit, in full)")))
            }
        }
        var result = [(title: section.name(in: l), rows: rows)]
        if section == .income || section == .deduction, let test = overview.normTest {
            var normRows: [(keys: String, text: String)] = []
            for case .income(let line) in ledger.lines(in: .income).map(\.entry) where !line.countsForNormTest {
                let why = line.counts == false ? l.pick("uitgezet voor deze regel", "switched off for this line")
                    : l.pick("\(line.kind.name(in: l)) telt niet als inkomen voor de normtoets", "\(line.kind.name(in: l)) is not income for the norm test")
                normRows.append((line.label, l.pick("telt niet: ", "does not count: ") + why))
            }
            normRows.append((l.pick("Getoetst inkomen", "Assessed income"),
                             l.pick("inkomsten die tellen min inhoudingen = ", "counting income minus deductions = ") + test.assessedIncome.dutch))
            result.append((l.pick("Voor de normtoets", "For the norm test"), normRows))
        }
        return result
    }
}
