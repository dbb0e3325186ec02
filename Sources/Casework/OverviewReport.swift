/// The financial overview as the command line prints it: the JSON of the contract
/// (docs/case-file.md, "overview --json") and a readable text for a person.
public enum OverviewReport {
    /// Exactly the object of the contract; amounts as strings with two decimals, warnings
    /// in English (the JSON is for scripts; the text form is for people).
    public static func json(_ overview: FinancialOverview, householdID: String?) -> JSONValue {
        let t = overview.totals
        var o = JSONObject()
        o["household"] = householdID.map { .string($0) } ?? .null
        o["referenceDate"] = .string(overview.referenceDate.iso)
        o["monthly"] = .object(["income": .string(t.income.plain), "expenses": .string(t.expenses.plain),
                                "debtPayments": .string(t.debtPayments.plain), "deductions": .string(t.deductions.plain),
                                "remaining": .string(t.remaining.plain)])
        o["normTable"] = .object(["validFrom": .string(overview.normTableDate.iso), "source": .string(overview.normTableSource)])
        o["policyVersion"] = .number(String(overview.policyVersion))
        o["normTest"] = overview.normTest.map(json) ?? .null
        o["draagkracht"] = overview.draagkracht.map(json) ?? .null
        o["warnings"] = .array(overview.warnings.map { .string($0.message(in: .en)) })
        return .object(o)
    }

    public static func json(_ n: NormTest) -> JSONValue {
        .object(["category": .string(n.category.rawValue), "normDate": .string(n.normDate.iso),
                 "norm": .string(n.norm.plain), "percentage": .number(String(n.percentage)),
                 "threshold": .string(n.threshold.plain), "assessedIncome": .string(n.assessedIncome.plain),
                 "withinNorm": .bool(n.withinNorm), "youthRaise": .string(n.youthRaise.plain),
                 "raisedFor": .array(n.raisedFor.map { .string($0) })])
    }

    public static func json(_ d: Draagkracht) -> JSONValue {
        var o: JSONObject = ["base": .string(d.base.plain), "sharePercent": .number(String(d.sharePercent)),
                             "monthly": .string(d.monthly.plain), "periodMonths": .number(String(d.periodMonths)),
                             "total": .string(d.total.plain)]
        // Bands only when their incomes are known (not in a snapshot from before bands).
        if d.bands.allSatisfy({ $0.income != nil }) {
            o["bands"] = .array(d.bands.map { b in
                var bo: JSONObject = ["from": .string(b.from.plain)]
                bo["upTo"] = b.upTo.map { .string($0.plain) }
                bo["sharePercent"] = .number(String(b.sharePercent))
                bo["income"] = .string((b.income ?? .zero).plain)
                bo["monthly"] = .string(b.monthly.plain)
                return .object(bo)
            })
        }
        o["assets"] = .string(d.assets.plain)
        o["assetLimit"] = .string(d.assetLimit.plain)
        o["assetsCounted"] = .string(d.assetsCounted.plain)
        o["suspended"] = d.suspended.map { .string($0.rawValue) } ?? .null
        o["periodStart"] = d.periodStart.map { .string($0.iso) } ?? .null
        o["usedBefore"] = .string(d.usedBefore.plain)
        o["remaining"] = .string(d.remaining.plain)
        o["minimumCost"] = d.minimumCost.map { .string($0.plain) } ?? .null
        return .object(o)
    }

    /// A readable overview: the lines with their monthly equivalents, the totals, the
    /// bottom line, the norm test, draagkracht and the warnings.
    public static func text(_ overview: FinancialOverview, file: CaseFile, language l: Language) -> String {
        var out: [String] = []
        let h = file.household
        out.append(l.pick("Financieel overzicht", "Financial overview") + " — " + h.name + (h.id.map { " (\($0))" } ?? ""))
        out.append(l.pick("Peildatum: ", "Reference date: ") + overview.referenceDate.dutch)
        out.append(l.pick("Normtabel per \(overview.normTableDate.dutch); beleidsversie \(overview.policyVersion)",
                          "Norm table of \(overview.normTableDate.dutch); policy version \(overview.policyVersion)"))
        out.append("")

        func section(_ title: String, _ rows: [(String, String, Money)], total: Money) {
            out.append(title)
            if rows.isEmpty { out.append("  " + l.pick("(geen)", "(none)")) }
            for (label, detail, monthly) in rows {
                out.append(row("  " + label, detail, monthly.dutch))
            }
            out.append(row("  " + l.pick("Totaal per maand", "Total per month"), "", total.dutch))
            out.append("")
        }
        let f = file.finances
        let t = overview.totals
        section(l.pick("Inkomsten", "Income"), f.income.map { line in
            let note = line.countsForNormTest ? "" : l.pick(" (telt niet voor de normtoets)", " (does not count for the norm test)")
            return (line.label + note, "\(line.amount.dutch) \(line.frequency.name(in: l))", line.monthly)
        }, total: t.income)
        section(l.pick("Uitgaven", "Expenses"), f.expenses.map {
            ($0.label, "\($0.amount.dutch) \($0.frequency.name(in: l))", $0.monthly)
        }, total: t.expenses)
        section(l.pick("Aflossingen op schulden", "Debt payments"), f.debts.map {
            ($0.creditor + " (" + $0.status.rawValue + ($0.arrears ? l.pick(", achterstand", ", in arrears") : "") + ")",
             l.pick("schuld ", "owed ") + $0.amount.dutch, $0.monthlyPayment)
        }, total: t.debtPayments)
        section(l.pick("Inhoudingen", "Deductions"), f.deductions.map {
            ("\($0.label) (\($0.kind.rawValue))", "\($0.amount.dutch) \($0.frequency.name(in: l))", $0.monthly)
        }, total: t.deductions)

        if !f.assets.isEmpty {
            out.append(l.pick("Vermogen", "Assets"))
            for a in f.assets { out.append(row("  " + a.label, a.kind.name(in: l), a.amount.dutch)) }
            out.append(row("  " + l.pick("Samen", "Together"), "", f.assets.map(\.amount).sum().dutch))
            out.append("")
        }
        let remainingText = (t.remaining.isNegative ? l.pick("TEKORT ", "SHORTFALL ") : "") + t.remaining.dutch
        out.append(row(l.pick("Bestedingsruimte per maand", "Remaining per month"), "", remainingText))
        out.append("")

        out.append(l.pick("Normtoets", "Income-norm test"))
        if let n = overview.normTest {
            out.append("  " + l.pick("Categorie: ", "Category: ") + n.category.name(in: l))
            out.append(row("  " + l.pick("Norm (tabel van \(n.normDate.dutch))", "Norm (table of \(n.normDate.dutch))"), "", n.tableNorm.dutch))
            if n.youthRaise > .zero {
                out.append(row("  " + l.pick("+ verhoging art. 20 lid 3 (\(n.raisedFor.joined(separator: ", ")))",
                                             "+ raise art. 20(3) (\(n.raisedFor.joined(separator: ", ")))"), "", n.youthRaise.dutch))
                out.append(row("  " + l.pick("Norm", "Norm"), "", n.norm.dutch))
            }
            out.append(row("  " + l.pick("Grens (\(n.percentage)% van de norm)", "Threshold (\(n.percentage)% of the norm)"), "", n.threshold.dutch))
            out.append(row("  " + l.pick("Getoetst inkomen", "Assessed income"), "", n.assessedIncome.dutch))
            let margin = (n.assessedIncome - n.threshold).magnitude.dutch
            out.append("  " + (n.withinNorm
                ? l.pick("Binnen de norm: \(margin) onder de grens.", "Within the norm: \(margin) below the threshold.")
                : l.pick("Boven de norm: \(margin) boven de grens.", "Above the norm: \(margin) above the threshold.")))
        } else {
            out.append("  " + l.pick("Niet van toepassing.", "Not applicable."))
        }
        out.append("")
        out.append(l.pick("Draagkracht", "Draagkracht (ability to pay)"))
        if let d = overview.draagkracht {
            if d.suspended == .debtArrangement {
                out.append("  " + l.pick("Geen: WSNP of minnelijke regeling (beleid).", "None: WSNP or an amicable arrangement (policy)."))
            } else {
                out.append(row("  " + l.pick("Vrij tot", "Free up to"), "", d.base.dutch))
                if d.bands.count == 1 {
                    out.append(row("  " + l.pick("Per maand (\(d.sharePercent)% van het meerdere)", "Per month (\(d.sharePercent)% of the excess)"), "", d.monthly.dutch))
                } else {
                    for b in d.bands {
                        let range = b.upTo.map { "\(b.from.dutch)–\($0.dutch)" } ?? l.pick("boven \(b.from.dutch)", "above \(b.from.dutch)")
                        out.append(row("  " + "\(b.sharePercent)% " + l.pick("van ", "of ") + range, "", b.monthly.dutch))
                    }
                    out.append(row("  " + l.pick("Per maand", "Per month"), "", d.monthly.dutch))
                }
                if d.assetsCounted > .zero {
                    out.append(row("  " + l.pick("Vermogen boven \(d.assetLimit.dutch)", "Assets above \(d.assetLimit.dutch)"), "", d.assetsCounted.dutch))
                }
                out.append(row("  " + l.pick("Over \(d.periodMonths) maanden", "Over \(d.periodMonths) months"), "", d.total.dutch))
                if d.usedBefore > .zero {
                    out.append(row("  " + l.pick("Al gebruikt sinds \(d.periodStart?.dutch ?? "-")", "Used since \(d.periodStart?.dutch ?? "-")"), "", d.usedBefore.dutch))
                    out.append(row("  " + l.pick("Nog over", "Left"), "", d.remaining.dutch))
                }
            }
        } else {
            out.append("  " + l.pick("Niet van toepassing.", "Not applicable."))
        }
        if !overview.warnings.isEmpty {
            out.append("")
            out.append(l.pick("Let op", "Warnings"))
            for warning in overview.warnings { out.append("  ! " + warning.message(in: l)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Label, detail and amount in columns. A label too long for its column gets a line of
    /// its own with the figures below it: a figure is never cut off or pushed out of line.
    private static func row(_ label: String, _ detail: String, _ amount: String) -> String {
        let labelWidth = 44, detailWidth = 24, amountWidth = 14
        let figures = detail.padded(to: detailWidth) + " " + amount.leftPadded(to: amountWidth)
        if label.count > labelWidth {
            return label + "\n" + String(repeating: " ", count: labelWidth + 1) + figures
        }
        return label.padded(to: labelWidth) + " " + figures
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

extension OverviewWarning {
    public func message(in l: Language) -> String {
        switch self {
        case .normTableOutdated(let table, let date):
            return l.pick("de normtabel van \(table.dutch) is op \(date.dutch) ouder dan zes maanden; controleer of er een nieuwere is",
                          "norm table of \(table.iso) is older than six months on \(date.iso)")
        case .noNorm(.noApplicant):
            return l.pick("het huishouden heeft geen aanvrager: er geldt geen norm",
                          "the household has no applicant: no norm applies")
        case .noNorm(.underEighteen(let member, let age)):
            return l.pick("\(member) is \(age) jaar, jonger dan 18: er geldt geen norm, normtoets en draagkracht zijn niet van toepassing",
                          "\(member) is \(age), under 18: no norm applies, so the norm test and draagkracht do not apply")
        case .youthRaiseNotApplicable(let member):
            return l.pick("\(member) kan volgens het dossier niet op de ouders terugvallen, maar de verhoging van art. 20 lid 3 geldt alleen van 18 tot en met 20 jaar en vanaf 1 januari 2026: geen verhoging",
                          "\(member) cannot rely on their parents according to the file, but the art. 20 lid 3 raise applies only from 18 to 20 and from 1 January 2026: no raise")
        case .noNorm(.birthDateUnknown(let member)):
            return l.pick("de geboortedatum van \(member) ontbreekt: zonder leeftijd is er geen norm",
                          "the birth date of \(member) is missing: without an age no norm applies")
        }
    }
}
