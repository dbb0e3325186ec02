/// Reads a case file and checks every rule of the format, reporting all problems with
/// their JSON paths. A file with any problem yields no `CaseFile`: it is refused whole.
public enum CaseFileReader {
    public static func read(text: String) -> Result<CaseFile, CaseFileRejection> {
        read(bytes: Array(text.utf8))
    }

    public static func read(bytes: [UInt8]) -> Result<CaseFile, CaseFileRejection> {
        switch JSONParser.parse(bytes) {
        case .failure(let e):
            return .failure(CaseFileRejection([CaseFileProblem(path: "", kind: .syntax(line: e.line, column: e.column, reason: e.reason))]))
        case .success(let json):
            return read(json)
        }
    }

    public static func read(_ json: JSONValue) -> Result<CaseFile, CaseFileRejection> {
        let sink = ProblemSink()
        let file = readRoot(json, sink: sink)
        if let file, sink.problems.isEmpty { return .success(file) }
        return .failure(CaseFileRejection(sink.problems))
    }

    private static func readRoot(_ json: JSONValue, sink: ProblemSink) -> CaseFile? {
        guard var root = Fields.object(json, path: "", sink: sink) else { return nil }
        if let format = root.string("format", required: true), format != CaseFile.format {
            sink.add("format", .wrongFormat(found: format, expected: CaseFile.format))
        }
        let referenceDate = root.date("referenceDate")
        let household = root.nested("household", required: true).flatMap { h in var h = h; return readHousehold(&h) }
        let memberNames = Set(household?.members.map(\.name) ?? [])

        let lines = CaseFile.maximumLinesPerSection
        let income = root.objects("income", maximum: lines) { f in readIncome(&f, memberNames: household == nil ? nil : memberNames) }
        let expenses = root.objects("expenses", maximum: lines) { f in readExpense(&f) }
        let debts = root.objects("debts", maximum: lines) { f in readDebt(&f) }
        let deductions = root.objects("deductions", maximum: lines) { f in readDeduction(&f) }
        let assets = root.objects("assets", maximum: lines) { f in readAsset(&f) }
        let signals = root.objects("signals") { f in readSignal(&f) }
        let policy = root.nested("policy").map { f in var f = f; return readPolicy(&f) }
        let lifeDomains = root.objects("lifeDomains") { f in readLifeDomain(&f) }
        let plan = root.nested("plan").map { f in var f = f; return readPlan(&f) }
        let goalIDs = Set(plan?.goals.map(\.id) ?? [])
        let conversations = root.objects("conversations") { f in readConversation(&f) }
        let grants = root.objects("grants") { f -> Grant? in
            let grant = readGrant(&f)
            if let goal = grant?.planGoal, !goalIDs.contains(goal) { sink.add(f.childPath("planGoal"), .unknownPlanGoal(goal)) }
            return grant
        }
        guard let household else { return nil }
        return CaseFile(referenceDate: referenceDate, household: household,
                        finances: Finances(income: income, expenses: expenses, debts: debts, deductions: deductions, assets: assets),
                        signals: signals, policy: policy, lifeDomains: lifeDomains, plan: plan,
                        conversations: conversations, grants: grants, unknownFields: root.unknownFields)
    }

    static func readIncome(_ f: inout Fields, memberNames: Set<String>?) -> IncomeLine? {
        let label = f.text("label")
        let amount = f.amount("amount"); let frequency: Frequency? = f.code("frequency")
        let kind: IncomeKind? = f.code("kind")
        let counts = f.bool("counts")
        let member = f.string("member")
        if let member, let memberNames, !memberNames.contains(member) {
            f.sink.add(f.childPath("member"), .unknownMember(member))
        }
        guard let amount, let frequency, let kind else { return nil }
        return IncomeLine(label: label, amount: amount, frequency: frequency, kind: kind, counts: counts,
                          member: member, unknownFields: f.unknownFields)
    }

    static func readExpense(_ f: inout Fields) -> ExpenseLine? {
        let label = f.text("label")
        let amount = f.amount("amount"); let frequency: Frequency? = f.code("frequency")
        let category: ExpenseCategory? = f.code("category")
        guard let amount, let frequency, let category else { return nil }
        return ExpenseLine(label: label, amount: amount, frequency: frequency, category: category,
                           unknownFields: f.unknownFields)
    }

    static func readDebt(_ f: inout Fields) -> Debt? {
        let creditor = f.text("creditor")
        let amount = f.amount("amount")
        let payment = f.amount("monthlyPayment", required: false) ?? .zero
        let status: DebtStatus? = f.code("status")
        let arrears = f.bool("arrears") ?? false
        guard let amount, let status else { return nil }
        return Debt(creditor: creditor, amount: amount, monthlyPayment: payment, status: status,
                    arrears: arrears, unknownFields: f.unknownFields)
    }

    static func readDeduction(_ f: inout Fields) -> Deduction? {
        let label = f.text("label")
        let amount = f.amount("amount"); let frequency: Frequency? = f.code("frequency")
        let kind: DeductionKind? = f.code("kind")
        guard let amount, let frequency, let kind else { return nil }
        return Deduction(label: label, amount: amount, frequency: frequency, kind: kind, unknownFields: f.unknownFields)
    }

    static func readSignal(_ f: inout Fields) -> Signal? {
        let id = f.string("id")
        // The four partner codes and three statuses of before the DDAS code lists still read.
        let partner: Signal.Partner? = f.code("partner", aliases: SignalPartner.olderCodes)
        let creditor = f.text("creditor")
        let amount = f.amount("amount")
        let since = f.date("since"), received = f.date("received")
        let status: Signal.Status? = f.code("status", required: false, aliases: SignalStatus.olderCodes)
        let crisis = f.bool("crisis") ?? false, warm = f.bool("warmHandover") ?? false
        let reason = f.text("reason"), caseId = f.string("caseId")
        guard let partner, let amount else { return nil }
        return Signal(id: id, partner: partner, creditor: creditor, amount: amount, since: since, received: received,
                      status: status ?? .notYetPickedUp, crisis: crisis, warmHandover: warm, reason: reason, caseId: caseId,
                      unknownFields: f.unknownFields)
    }

    static func readLifeDomain(_ f: inout Fields) -> LifeDomainScore? {
        let domain: LifeDomain? = f.code("domain")
        let score = f.integer("score", in: LifeDomainScore.scale, required: true)
        let date = f.date("date")
        let note = f.text("note")
        guard let domain, let score else { return nil }
        return LifeDomainScore(domain: domain, score: score, date: date, note: note, unknownFields: f.unknownFields)
    }

    static func readMember(_ m: inout Fields) -> Member? {
        let name = m.string("name", required: true, nonEmpty: true)
        let birthDate = m.date("birthDate")
        let role: MemberRole? = m.code("role")
        var bsn: BSN?
        if let text = m.string("bsn") {
            bsn = BSN(text)
            if bsn == nil { m.sink.add(m.childPath("bsn"), .bsnFailsElevenTest(text)) }
        }
        let cannotRelyOnParents = m.string("cannotRelyOnParents", nonEmpty: true)
        guard let name, let role else { return nil }
        return Member(name: name, birthDate: birthDate, role: role, bsn: bsn, cannotRelyOnParents: cannotRelyOnParents,
                      unknownFields: m.unknownFields)
    }

    static func readHousehold(_ f: inout Fields) -> Household? {
        let sink = f.sink
        let id = f.string("id")
        let name = f.string("name", required: true, nonEmpty: true)
        let address = f.nested("address").map { a -> Address in
            var a = a
            return Address(street: a.text("street"), postcode: a.text("postcode"), city: a.text("city"),
                           unknownFields: a.unknownFields)
        }
        let caseworker = f.string("caseworker")
        let membersPath = f.childPath("members")
        let rawMembers = f.raw("members", required: true)
        var members: [Member] = []
        if let rawMembers {
            if rawMembers.arrayValue == nil {
                sink.add(membersPath, .wrongType(expected: "a list", found: rawMembers.kindName))
            } else {
                members = f.objects("members") { m in readMember(&m) }
                let applicants = members.filter { $0.role == .applicant }.count
                let partners = members.filter { $0.role == .partner }.count
                if applicants != 1 { sink.add(membersPath, .applicantCount(applicants)) }
                if partners > 1 { sink.add(membersPath, .partnerCount(partners)) }
                var seen = Set<String>()
                for member in members where !seen.insert(member.name).inserted {
                    sink.add(membersPath, .duplicateMember(member.name))
                }
            }
        }
        guard let name else { return nil }
        return Household(id: id, name: name, address: address, caseworker: caseworker, members: members,
                         unknownFields: f.unknownFields)
    }

    static func readAsset(_ f: inout Fields) -> AssetLine? {
        let label = f.text("label")
        let amount = f.amount("amount"); let kind: AssetKind? = f.code("kind")
        if let amount, amount.isNegative { f.sink.add(f.childPath("amount"), .notAnAmount(amount.plain)) }
        guard let amount, let kind else { return nil }
        return AssetLine(label: label, amount: amount, kind: kind, unknownFields: f.unknownFields)
    }

    static func readPolicy(_ f: inout Fields) -> PolicyOverride {
        PolicyOverride(normPercentage: f.integer("normPercentage", in: 1...1000),
                       freeUpToPercent: f.integer("freeUpToPercent", in: 0...1000),
                       sharePercent: f.integer("sharePercent", in: 0...100),
                       periodMonths: f.integer("periodMonths", in: 1...120),
                       pensionAge: f.integer("pensionAge", in: 18...100),
                       mandateLimit: f.amount("mandateLimit", required: false),
                       tiers: readTiers(&f),
                       noDraagkrachtInDebtArrangement: f.bool("noDraagkrachtInDebtArrangement"),
                       assetLimitSingle: f.amount("assetLimitSingle", required: false),
                       assetLimitFamily: f.amount("assetLimitFamily", required: false),
                       minimumCost: f.amount("minimumCost", required: false),
                       pensionAges: PensionAges.readList(&f, key: "pensionAges"),
                       signalContactDays: f.integer("signalContactDays", in: 1...60),
                       unknownFields: f.unknownFields)
    }

    /// `draagkrachtTiers`: at least one, each percentage once.
    static func readTiers(_ f: inout Fields) -> [DraagkrachtTier]? {
        let path = f.childPath("draagkrachtTiers")
        let sink = f.sink
        let tiers = f.objects("draagkrachtTiers", maximum: 10) { t -> DraagkrachtTier? in
            let from = t.integer("fromPercent", in: 0...1000, required: true)
            let share = t.integer("sharePercent", in: 0...100, required: true)
            guard let from, let share else { return nil }
            return DraagkrachtTier(fromPercent: from, sharePercent: share)
        }
        if Set(tiers.map(\.fromPercent)).count != tiers.count {
            sink.add(path, .duplicateTier)
        }
        return tiers.isEmpty ? nil : tiers
    }

    static func readPlan(_ f: inout Fields) -> Plan {
        let sink = f.sink
        let goals = f.objects("goals") { g in readGoal(&g) }
        let reviewDate = f.date("reviewDate")
        var seen = Set<String>()
        for goal in goals where !seen.insert(goal.id).inserted { sink.add(f.childPath("goals"), .duplicateGoal(goal.id)) }
        return Plan(goals: goals, reviewDate: reviewDate, unknownFields: f.unknownFields)
    }

    static func readGoal(_ g: inout Fields) -> Goal? {
        let id = g.string("id", required: true, nonEmpty: true)
        let text = g.text("text")
        let due = g.date("due")
        let domain: LifeDomain? = g.code("domain", required: false)
        let status: GoalStatus? = g.code("status", required: false)
        let actions = g.objects("actions") { a -> PlanAction? in
            let text = a.text("text")
            let who = a.text("who")
            let due = a.date("due")
            let done = a.bool("done") ?? false
            return PlanAction(text: text, who: who, due: due, done: done, unknownFields: a.unknownFields)
        }
        guard let id else { return nil }
        return Goal(id: id, text: text, due: due, domain: domain, status: status, actions: actions, unknownFields: g.unknownFields)
    }

    static func readAgreement(_ a: inout Fields) -> Agreement? {
        let text = a.text("text")
        let owner = a.text("owner")
        let due = a.date("due")
        let done = a.bool("done") ?? false
        return Agreement(text: text, owner: owner, due: due, done: done, unknownFields: a.unknownFields)
    }

    static func readConversation(_ f: inout Fields) -> Conversation? {
        let sink = f.sink
        let date = f.date("date")
        let author = f.text("author")
        let present = f.strings("present")
        let location = f.text("location")
        let question = f.text("question")
        var domains: [(domain: LifeDomain, note: String)] = []
        if var d = f.nested("domains") {
            for key in d.object.keys {
                guard let domain = LifeDomain(rawValue: key) else {
                    sink.add(d.childPath(key), .unknownCode(key, allowed: LifeDomain.allCases.map(\.rawValue))); continue
                }
                if let note = d.string(key) { domains.append((domain, note)) }
            }
        }
        let ownStrength = f.text("ownStrength")
        let network = f.text("network")
        let agreements = f.objects("agreements") { a in readAgreement(&a) }
        let notes = f.text("notes")
        return Conversation(date: date, author: author, present: present, location: location, question: question,
                            domains: domains, ownStrength: ownStrength, network: network, agreements: agreements,
                            notes: notes, unknownFields: f.unknownFields)
    }

    static func readGrant(_ f: inout Fields) -> Grant? {
        let sink = f.sink
        let id = f.string("id")
        let route: Route? = f.code("route")
        let category: GrantCategory? = f.code("category")
        let amount = f.amount("amount")
        let form: GrantForm? = f.code("form", required: false)
        let payee = f.nested("payee").map { p -> Payee in
            var p = p
            let name = p.text("name"), iban = p.text("iban"), reference = p.text("reference")
            if !iban.isEmpty, case .failure(let error) = IBAN.check(iban) {
                sink.add(p.childPath("iban"), .ibanInvalid(iban, error))
            }
            return Payee(name: name, iban: iban, reference: reference, unknownFields: p.unknownFields)
        } ?? Payee()
        let goalShort = f.text("goalShort"), goalLong = f.text("goalLong")
        let planGoal = f.string("planGoal")
        let urgencyDate = f.date("urgencyDate")
        let motivation = f.text("motivation")
        let businessCase = f.nested("businessCase").map { b -> BusinessCase in
            var b = b
            let items = b.objects("without") { c -> CostItem? in
                let label = c.text("label")
                guard let amount = c.amount("amount") else { return nil }
                return CostItem(label: label, amount: amount, unknownFields: c.unknownFields)
            }
            return BusinessCase(without: items, unknownFields: b.unknownFields)
        } ?? BusinessCase()
        let status: GrantStatus? = f.code("status")
        let submittedBy = f.string("submittedBy"), submittedAt = f.moment("submittedAt")
        let decidedBy = f.string("decidedBy"), decidedAt = f.moment("decidedAt")
        let decisionComment = f.string("decisionComment")
        let underMandate = f.bool("approvedUnderMandate") ?? false
        let paidAt = f.moment("paidAt"), paidBy = f.string("paidBy")
        let evaluation = f.nested("evaluation").flatMap { e -> Evaluation? in
            var e = e
            let shortTerm: Evaluation.Outcome? = e.code("shortTerm")
            let participation = e.text("participation")
            let societal: Evaluation.SocietalCost? = e.code("societalCost", required: false)
            guard let shortTerm else { return nil }
            return Evaluation(shortTerm: shortTerm, participation: participation, societalCost: societal,
                              unknownFields: e.unknownFields)
        }
        if let status {
            // What a grant in this state must carry (docs/case-file.md): a decided one decidedBy
            // and decidedAt, a paid one paidAt, an evaluated one its evaluation.
            var required: [String] = []
            if status.isDecided { required += ["decidedBy", "decidedAt"] }
            if status.isPaid { required.append("paidAt") }
            if status == .evaluated { required.append("evaluation") }
            for key in required where f.object[key]?.isNull ?? true {
                sink.add(f.childPath(key), .requiredForStatus(status: status.rawValue))
            }
        }
        let snapshot = f.nested("snapshot").map { s -> FinancialSnapshot in
            var s = s
            let normTest = s.nested("normTest").flatMap { n -> NormTest? in
                var n = n
                let category: NormCategory? = n.code("category"), normDate = n.date("normDate", required: true)
                let norm = n.amount("norm"), percentage = n.integer("percentage", in: 1...1000, required: true)
                let threshold = n.amount("threshold"), assessed = n.amount("assessedIncome")
                _ = n.bool("withinNorm")
                let raise = n.amount("youthRaise", required: false) ?? .zero
                let raisedFor = n.strings("raisedFor")
                guard let category, let normDate, let norm, let percentage, let threshold, let assessed else { return nil }
                return NormTest(category: category, normDate: normDate, norm: norm, percentage: percentage,
                                threshold: threshold, assessedIncome: assessed, youthRaise: raise, raisedFor: raisedFor)
            }
            let draagkracht = s.nested("draagkracht").flatMap { d -> Draagkracht? in
                var d = d
                let base = d.amount("base"), share = d.integer("sharePercent", in: 0...100, required: true)
                let monthly = d.amount("monthly"), period = d.integer("periodMonths", in: 1...120, required: true)
                _ = d.amount("total", required: false); _ = d.amount("remaining", required: false)
                _ = d.amount("assetsCounted", required: false)
                // Written since draagkracht has bands, vermogen and periods; an older snapshot
                // is one band of its share and monthly figure.
                let bands = d.objects("bands") { b -> DraagkrachtBand? in
                    let from = b.amount("from"), upTo = b.amount("upTo", required: false)
                    let share = b.integer("sharePercent", in: 0...100, required: true), income = b.amount("income")
                    _ = b.amount("monthly", required: false)
                    guard let from, let share, let income else { return nil }
                    return DraagkrachtBand(from: from, upTo: upTo, sharePercent: share, income: income)
                }
                let assets = d.amount("assets", required: false) ?? .zero
                let assetLimit = d.amount("assetLimit", required: false) ?? .zero
                let suspended: DraagkrachtSuspension? = d.code("suspended", required: false)
                let periodStart = d.date("periodStart")
                let usedBefore = d.amount("usedBefore", required: false) ?? .zero
                let minimumCost = d.amount("minimumCost", required: false)
                guard let base, let share, let monthly, let period else { return nil }
                return Draagkracht(base: base, bands: bands.isEmpty ? [DraagkrachtBand(from: base, sharePercent: share, monthly: monthly)] : bands,
                                   periodMonths: period, assets: assets, assetLimit: assetLimit, suspended: suspended,
                                   periodStart: periodStart, usedBefore: usedBefore, minimumCost: minimumCost)
            }
            return FinancialSnapshot(normTest: normTest, draagkracht: draagkracht, grantable: s.amount("grantable", required: false),
                                     draagkrachtTaken: s.amount("draagkrachtTaken", required: false),
                                     policyVersion: s.integer("policyVersion", in: 0...1_000_000))
        }
        // Extensions of the format (optional): the letter's reasons, a loan's terms, the
        // conditions attached and the objections against the decision.
        let letterReasons = f.text("letterReasons")
        let loan = f.nested("loan").flatMap { o -> LoanTerms? in
            var o = o
            let instalment = o.amount("monthlyInstalment"), first = o.date("firstMonth", required: true)
            _ = o.integer("months", in: 0...1_000_000); _ = o.amount("lastInstalment", required: false)
            guard let instalment, let first else { return nil }
            let terms = LoanTerms(monthlyInstalment: instalment, firstMonth: first, unknownFields: o.unknownFields)
            if let amount, let problem = terms.problems(for: amount).first {
                sink.add(o.childPath("monthlyInstalment"), .loanTerms(problem))
            }
            return terms
        }
        let conditions = f.objects("conditions") { a in Self.readAgreement(&a) }
        let objections = f.objects("objections") { o -> Objection? in
            let decisionDate = o.date("decisionDate", required: true), received = o.date("received", required: true)
            let grounds = o.text("grounds"), recordedBy = o.text("recordedBy")
            let outcome: ObjectionOutcome? = o.code("outcome", required: false)
            let decidedBy = o.string("decidedBy"), decidedAt = o.moment("decidedAt")
            let reasons = o.text("reasons"), newDecision = o.text("newDecision")
            guard let decisionDate, let received else { return nil }
            return Objection(decisionDate: decisionDate, received: received, grounds: grounds, recordedBy: recordedBy, outcome: outcome, decidedBy: decidedBy,
                             decidedAt: decidedAt, reasons: reasons, newDecision: newDecision, unknownFields: o.unknownFields)
        }
        guard let route, let category, let amount, let status else { return nil }
        return Grant(id: id, route: route, category: category, amount: amount, form: form ?? .gift, payee: payee,
                     goalShort: goalShort, goalLong: goalLong, planGoal: planGoal, urgencyDate: urgencyDate,
                     motivation: motivation, businessCase: businessCase, status: status, submittedBy: submittedBy,
                     submittedAt: submittedAt, decidedBy: decidedBy, decidedAt: decidedAt,
                     decisionComment: decisionComment, approvedUnderMandate: underMandate, paidAt: paidAt,
                     paidBy: paidBy, evaluation: evaluation, snapshot: snapshot, letterReasons: letterReasons, loan: loan,
                     conditions: conditions, objections: objections, unknownFields: f.unknownFields)
    }
}
