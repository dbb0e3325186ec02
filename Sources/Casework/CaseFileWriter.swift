/// Writes a `CaseFile` as `keukentafel-case/1` JSON: known fields in the order of
/// docs/case-file.md, then the unknown fields that came in, so a round trip loses nothing.
public enum CaseFileWriter {
    public static func text(_ file: CaseFile) -> String { JSONWriter.write(json(file)) }

    public static func json(_ file: CaseFile) -> JSONValue {
        var o = JSONObject()
        o["format"] = .string(CaseFile.format)
        o["referenceDate"] = file.referenceDate.map { .string($0.iso) }
        o["household"] = household(file.household)
        o["income"] = .array(file.finances.income.map(income))
        o["expenses"] = .array(file.finances.expenses.map(expense))
        o["debts"] = .array(file.finances.debts.map(debt))
        o["deductions"] = .array(file.finances.deductions.map(deduction))
        // Written only when there is vermogen, so a file from before it is written as it was.
        if !file.finances.assets.isEmpty { o["assets"] = .array(file.finances.assets.map(asset)) }
        o["signals"] = .array(file.signals.map(signal))
        o["policy"] = file.policy.map(policy)
        o["lifeDomains"] = .array(file.lifeDomains.map(lifeDomain))
        o["plan"] = file.plan.map(plan)
        o["conversations"] = .array(file.conversations.map(conversation))
        o["grants"] = .array(file.grants.map(grant))
        return finish(o, file.unknownFields)
    }

    private static func finish(_ known: JSONObject, _ unknown: JSONObject) -> JSONValue {
        var o = known
        o.append(contentsOf: unknown)
        return .object(o)
    }

    private static func str(_ s: String?) -> JSONValue? { s.map { .string($0) } }
    private static func money(_ m: Money) -> JSONValue { .string(m.plain) }
    private static func date(_ d: CalendarDate?) -> JSONValue? { d.map { .string($0.iso) } }
    private static func nullable(_ v: JSONValue?) -> JSONValue { v ?? .null }

    public static func household(_ h: Household) -> JSONValue {
        var o = JSONObject()
        o["id"] = str(h.id)
        o["name"] = .string(h.name)
        o["address"] = h.address.map { a in
            finish(["street": .string(a.street), "postcode": .string(a.postcode), "city": .string(a.city)], a.unknownFields)
        }
        o["caseworker"] = str(h.caseworker)
        o["members"] = .array(h.members.map(member))
        return finish(o, h.unknownFields)
    }

    public static func member(_ m: Member) -> JSONValue {
        var o = JSONObject()
        o["name"] = .string(m.name)
        o["birthDate"] = date(m.birthDate)
        o["role"] = .string(m.role.rawValue)
        o["bsn"] = str(m.bsn?.digits)
        o["cannotRelyOnParents"] = str(m.cannotRelyOnParents)
        return finish(o, m.unknownFields)
    }

    public static func income(_ l: IncomeLine) -> JSONValue {
        var o: JSONObject = ["label": .string(l.label), "amount": money(l.amount),
                             "frequency": .string(l.frequency.rawValue), "kind": .string(l.kind.rawValue)]
        o["counts"] = l.counts.map { .bool($0) }
        o["member"] = str(l.member)
        return finish(o, l.unknownFields)
    }

    public static func expense(_ l: ExpenseLine) -> JSONValue {
        finish(["label": .string(l.label), "amount": money(l.amount), "frequency": .string(l.frequency.rawValue),
                "category": .string(l.category.rawValue)], l.unknownFields)
    }

    public static func debt(_ d: Debt) -> JSONValue {
        finish(["creditor": .string(d.creditor), "amount": money(d.amount), "monthlyPayment": money(d.monthlyPayment),
                "status": .string(d.status.rawValue), "arrears": .bool(d.arrears)], d.unknownFields)
    }

    public static func deduction(_ d: Deduction) -> JSONValue {
        finish(["label": .string(d.label), "amount": money(d.amount), "frequency": .string(d.frequency.rawValue),
                "kind": .string(d.kind.rawValue)], d.unknownFields)
    }

    public static func signal(_ s: Signal) -> JSONValue {
        var o = JSONObject()
        o["id"] = s.id.map { .string($0) }
        o["partner"] = .string(s.partner.rawValue)
        o["creditor"] = .string(s.creditor)
        o["amount"] = money(s.amount)
        o["since"] = date(s.since)
        o["received"] = date(s.received)
        o["status"] = .string(s.status.rawValue)
        if s.crisis { o["crisis"] = .bool(true) }
        if s.warmHandover { o["warmHandover"] = .bool(true) }
        if !s.reason.isEmpty { o["reason"] = .string(s.reason) }
        o["caseId"] = s.caseId.map { .string($0) }
        return finish(o, s.unknownFields)
    }

    public static func policy(_ p: PolicyOverride) -> JSONValue {
        var o = JSONObject()
        o["normPercentage"] = p.normPercentage.map { .number(String($0)) }
        o["freeUpToPercent"] = p.freeUpToPercent.map { .number(String($0)) }
        o["sharePercent"] = p.sharePercent.map { .number(String($0)) }
        o["periodMonths"] = p.periodMonths.map { .number(String($0)) }
        o["pensionAge"] = p.pensionAge.map { .number(String($0)) }
        o["mandateLimit"] = p.mandateLimit.map(money)
        o["draagkrachtTiers"] = p.tiers.map { .array($0.map { .object(["fromPercent": .number(String($0.fromPercent)),
                                                                        "sharePercent": .number(String($0.sharePercent))]) }) }
        o["noDraagkrachtInDebtArrangement"] = p.noDraagkrachtInDebtArrangement.map { .bool($0) }
        o["assetLimitSingle"] = p.assetLimitSingle.map(money)
        o["assetLimitFamily"] = p.assetLimitFamily.map(money)
        o["minimumCost"] = p.minimumCost.map(money)
        o["pensionAges"] = p.pensionAges.map(PensionAges.json)
        o["signalContactDays"] = p.signalContactDays.map { .number(String($0)) }
        return finish(o, p.unknownFields)
    }

    public static func asset(_ a: AssetLine) -> JSONValue {
        finish(["label": .string(a.label), "amount": money(a.amount), "kind": .string(a.kind.rawValue)], a.unknownFields)
    }

    public static func lifeDomain(_ s: LifeDomainScore) -> JSONValue {
        var o: JSONObject = ["domain": .string(s.domain.rawValue), "score": .number(String(s.score))]
        o["date"] = date(s.date)
        o["note"] = .string(s.note)
        return finish(o, s.unknownFields)
    }

    /// The plan; what a goal or the plan does not have (an area of life, a status, actions,
    /// a review date) is left out, so a file from before they existed is written as it was.
    public static func plan(_ p: Plan) -> JSONValue {
        var o: JSONObject = ["goals": .array(p.goals.map(goal))]
        o["reviewDate"] = date(p.reviewDate)
        return finish(o, p.unknownFields)
    }

    public static func goal(_ g: Goal) -> JSONValue {
        var o: JSONObject = ["id": .string(g.id), "text": .string(g.text)]
        o["due"] = date(g.due)
        o["domain"] = g.domain.map { .string($0.rawValue) }
        o["status"] = g.status.map { .string($0.rawValue) }
        if !g.actions.isEmpty {
            o["actions"] = .array(g.actions.map { a in
                var ao: JSONObject = ["text": .string(a.text), "who": .string(a.who)]
                ao["due"] = date(a.due)
                ao["done"] = .bool(a.done)
                return finish(ao, a.unknownFields)
            })
        }
        return finish(o, g.unknownFields)
    }

    public static func conversation(_ c: Conversation) -> JSONValue {
        var o = JSONObject()
        o["date"] = date(c.date)
        o["author"] = .string(c.author)
        o["present"] = .array(c.present.map { .string($0) })
        o["location"] = .string(c.location)
        o["question"] = .string(c.question)
        o["domains"] = .object(JSONObject(c.domains.map { (key: $0.domain.rawValue, value: .string($0.note)) }))
        o["ownStrength"] = .string(c.ownStrength)
        o["network"] = .string(c.network)
        o["agreements"] = .array(c.agreements.map(agreement))
        o["notes"] = .string(c.notes)
        return finish(o, c.unknownFields)
    }

    public static func agreement(_ a: Agreement) -> JSONValue {
        var o: JSONObject = ["text": .string(a.text), "owner": .string(a.owner)]
        o["due"] = date(a.due)
        o["done"] = .bool(a.done)
        return finish(o, a.unknownFields)
    }

    public static func grant(_ g: Grant) -> JSONValue {
        var o = JSONObject()
        o["id"] = str(g.id)
        o["route"] = .string(g.route.rawValue)
        o["category"] = .string(g.category.rawValue)
        o["amount"] = money(g.amount)
        o["form"] = .string(g.form.rawValue)
        o["payee"] = finish(["name": .string(g.payee.name), "iban": .string(g.payee.iban),
                             "reference": .string(g.payee.reference)], g.payee.unknownFields)
        o["goalShort"] = .string(g.goalShort)
        o["goalLong"] = .string(g.goalLong)
        o["planGoal"] = str(g.planGoal)
        o["urgencyDate"] = date(g.urgencyDate)
        o["motivation"] = .string(g.motivation)
        o["businessCase"] = finish(["without": .array(g.businessCase.without.map { c in
            finish(["label": .string(c.label), "amount": money(c.amount)], c.unknownFields)
        })], g.businessCase.unknownFields)
        o["status"] = .string(g.status.rawValue)
        o["submittedBy"] = nullable(str(g.submittedBy))
        o["submittedAt"] = nullable(g.submittedAt.map { .string($0.iso) })
        o["decidedBy"] = nullable(str(g.decidedBy))
        o["decidedAt"] = nullable(g.decidedAt.map { .string($0.iso) })
        o["decisionComment"] = nullable(str(g.decisionComment))
        if g.approvedUnderMandate { o["approvedUnderMandate"] = .bool(true) }
        o["paidAt"] = nullable(g.paidAt.map { .string($0.iso) })
        o["paidBy"] = str(g.paidBy)
        // An extension of the format (optional): the figures as they were at submission.
        o["snapshot"] = g.snapshot.map { s in
            .object(["normTest": s.normTest.map(OverviewReport.json) ?? .null,
                     "draagkracht": s.draagkracht.map(OverviewReport.json) ?? .null,
                     "grantable": s.grantable.map(money) ?? .null,
                     "draagkrachtTaken": s.draagkrachtTaken.map(money) ?? .null,
                     "policyVersion": s.policyVersion.map { .number(String($0)) } ?? .null])
        }
        if !g.letterReasons.isEmpty { o["letterReasons"] = .string(g.letterReasons) }
        // The months and the last instalment follow from the amount; written for readers.
        o["loan"] = g.loan.map { t in
            finish(["monthlyInstalment": money(t.monthlyInstalment), "firstMonth": .string(t.firstMonth.iso),
                    "months": .number(String(t.months(for: g.amount))), "lastInstalment": money(t.lastInstalment(for: g.amount))],
                   t.unknownFields)
        }
        if !g.conditions.isEmpty { o["conditions"] = .array(g.conditions.map(agreement)) }
        if !g.objections.isEmpty {
            o["objections"] = .array(g.objections.map { b in
                var bo: JSONObject = ["decisionDate": .string(b.decisionDate.iso), "received": .string(b.received.iso), "grounds": .string(b.grounds), "recordedBy": .string(b.recordedBy)]
                bo["outcome"] = b.outcome.map { .string($0.rawValue) }
                bo["decidedBy"] = b.decidedBy.map { .string($0) }
                bo["decidedAt"] = b.decidedAt.map { .string($0.iso) }
                if !b.reasons.isEmpty { bo["reasons"] = .string(b.reasons) }
                if !b.newDecision.isEmpty { bo["newDecision"] = .string(b.newDecision) }
                return finish(bo, b.unknownFields)
            })
        }
        o["evaluation"] = nullable(g.evaluation.map { e in
            var eo: JSONObject = ["shortTerm": .string(e.shortTerm.rawValue), "participation": .string(e.participation)]
            eo["societalCost"] = e.societalCost.map { .string($0.rawValue) }
            return finish(eo, e.unknownFields)
        })
        return finish(o, g.unknownFields)
    }
}
