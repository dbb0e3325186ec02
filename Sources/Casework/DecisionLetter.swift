/// The decision letter (beschikking) of docs/rules.md: plain Dutch text, printable, filled from
/// the data — the motivation written out, the financial reasoning, and the objection
/// clause with the last day of the six weeks.
public enum DecisionLetter {
    /// Who sends the letter: the municipality's settings in the store, never a name in code.
    public struct Sender: Equatable, Sendable {
        public var municipality: String
        public var team: String
        /// Who signs, and as what; empty: the team signs.
        public var signer: String
        public var signerRole: String
        public init(municipality: String, team: String, signer: String = "", signerRole: String = "") {
            self.municipality = municipality; self.team = team; self.signer = signer; self.signerRole = signerRole
        }

        public init(_ m: Municipality, team: String) {
            self.init(municipality: m.name, team: team, signer: m.signer, signerRole: m.signerRole)
        }
    }

    /// Which letter a grant gets: an approval (also after an upheld objection) or a
    /// rejection; nil while nothing is decided (a draft, submitted, returned or withdrawn request).
    public enum Kind: Equatable, Sendable {
        case approval, rejection

        public init?(_ status: GrantStatus) {
            switch status {
            case .approved, .paid, .evaluated: self = .approval
            case .rejected: self = .rejection
            case .draft, .submitted, .returned, .withdrawn: return nil
            }
        }
    }

    /// The letter for a decided grant; nil when there is no decision to write about.
    /// `sent` is the day of sending; the objection term ends six weeks after it.
    /// `figures` is used for the reasoning when the request carries no snapshot (a request
    /// imported from elsewhere): the household's figures as they are now.
    /// `practice`: a letter from a demo store, marked on its first line so it is never sent.
    public static func text(grant: Grant, household: Household, sender: Sender, sent: CalendarDate,
                            figures: FinancialSnapshot? = nil, practice: Bool = false) -> String? {
        guard let kind = Kind(grant.status) else { return nil }
        let applicant = household.applicant?.name ?? household.name
        var out: [String] = []
        func section(_ title: String) {
            out.append("")
            out.append(title)
            out.append(String(repeating: "-", count: title.count))
        }
        func paragraphs(_ text: String) {
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append(contentsOf: paragraph.isEmpty ? [""] : wrap(String(paragraph), 78))
            }
        }
        if practice { out.append("DEMO — OEFENBRIEF, GEEN ECHT BESLUIT — NIET VERSTUREN") }
        out.append(sender.municipality)
        out.append(sender.team)
        out.append("")
        out.append(applicant)
        if let a = household.address {
            out.append(a.street)
            out.append([a.postcode, a.city].filter { !$0.isEmpty }.joined(separator: "  "))
        }
        out.append("")
        out.append("Datum: \(longDate(sent))")
        out.append("Kenmerk: \(grant.id ?? "-") / \(household.id ?? "-")")
        // The latest objection decided: this letter is then the decision on it (Awb 7:12).
        let decidedObjection = grant.objections.last { $0.outcome != nil }
        if let o = decidedObjection {
            out.append("Onderwerp: beslissing op uw bezwaar tegen ons besluit van \(longDate(o.decisionDate))")
        } else {
            out.append(kind == .approval ? "Onderwerp: toekenning bijzondere bijstand"
                                         : "Onderwerp: afwijzing van uw aanvraag om bijzondere bijstand")
        }
        out.append("")
        out.append("Beste \(applicant),")
        out.append("")
        var opening = grant.submittedAt.map { "Op \(longDate($0.localDate)) vroeg u" } ?? "U vroeg"
        opening += " bijzondere bijstand aan voor \(categoryText(grant.category)): \(grant.amount.dutch)"
        opening += grant.goalShort.isEmpty ? "." : ", met als doel: \(sentence(grant.goalShort))"
        if let decided = grant.decidedAt { opening += " Op \(longDate(decided.localDate)) hebben wij op uw aanvraag beslist." }
        // After an upheld objection the approval is the new decision on it.
        if kind == .approval, let upheld = grant.objections.last(where: { $0.outcome == .upheld }) {
            opening += " Dit besluit nemen wij na uw bezwaar van \(longDate(upheld.received)), dat wij gegrond vinden."
        }
        out.append(contentsOf: wrap(opening, 78))
        if let o = decidedObjection, let outcome = o.outcome {
            section("Beslissing op uw bezwaar")
            var said = "Op \(longDate(o.received)) ontvingen wij uw bezwaar tegen ons besluit van \(longDate(o.decisionDate)). "
            switch outcome {
            case .upheld: said += "Wij vinden uw bezwaar gegrond: wij herroepen dat besluit en nemen een nieuw besluit."
            case .dismissed: said += "Wij vinden uw bezwaar ongegrond: het besluit blijft zoals het is."
            case .inadmissible: said += "Wij verklaren uw bezwaar niet-ontvankelijk: wij behandelen het niet inhoudelijk."
            }
            out.append(contentsOf: wrap(said, 78))
            // Upheld against a rejection, these reasons are the new approval's own and follow
            // under "Waarom wij zo besluiten": said once.
            if !o.reasons.trimmingWhitespace().isEmpty && o.reasons.trimmingWhitespace() != grant.letterReasons.trimmingWhitespace() {
                out.append("")
                paragraphs(o.reasons)
            }
            if outcome == .upheld, !o.newDecision.trimmingWhitespace().isEmpty {
                out.append("")
                out.append(contentsOf: wrap("Ons nieuwe besluit: " + o.newDecision.trimmingWhitespace(), 78))
            }
        }
        section("Ons besluit")
        switch kind {
        case .approval:
            let form = grant.form == .loan ? "als renteloze lening" : "als gift (u hoeft het niet terug te betalen)"
            var decision = "Wij kennen u \(grant.amount.dutch) bijzondere bijstand toe, \(form). "
            // Paid already (a letter on an objection, later): said as done.
            decision += grant.status.isPaid ? "Wij hebben het bedrag rechtstreeks betaald aan \(grant.payee.name)"
                : "Wij betalen het bedrag binnen 24 uur rechtstreeks aan \(grant.payee.name)"
            if let iban = IBAN(grant.payee.iban) { decision += " (rekening \(iban.formatted))" }
            if !grant.payee.reference.isEmpty { decision += ", onder vermelding van \"\(grant.payee.reference)\"" }
            decision += ". U krijgt het geld dus niet zelf op uw rekening."
            out.append(contentsOf: wrap(decision, 78))
        case .rejection:
            out.append(contentsOf: wrap("Wij wijzen uw aanvraag af. U krijgt geen bijzondere bijstand voor \(categoryText(grant.category)).", 78))
        }
        if kind == .approval, grant.form == .loan, let loan = grant.loan {
            section("De lening")
            let months = loan.months(for: grant.amount)
            out.append(contentsOf: wrap("U krijgt het bedrag als renteloze lening (artikel 48 van de Participatiewet). "
                                        + "U betaalt geen rente. U betaalt de lening terug in \(months) \(months == 1 ? "maand" : "maanden"):", 78))
            out.append(row("Lening", grant.amount.dutch))
            out.append(row("Aflossing per maand", loan.monthlyInstalment.dutch))
            out.append(row("Aantal maanden", String(months)))
            out.append(row("Eerste aflossing", monthName(loan.firstMonth)))
            out.append(row("Laatste aflossing, \(monthName(loan.lastMonth(for: grant.amount)))", loan.lastInstalment(for: grant.amount).dutch))
        }
        if kind == .approval, !grant.conditions.isEmpty {
            section("Voorwaarden")
            out.append(contentsOf: wrap("Aan deze bijstand verbinden wij de volgende verplichtingen (artikel 55 van de Participatiewet):", 78))
            for condition in grant.conditions {
                let due = condition.due.map { ", uiterlijk \(longDate($0))" } ?? ""
                out.append(contentsOf: wrap("- " + sentence(condition.text.trimmingWhitespace() + due), 76).enumerated().map { $0 == 0 ? $1 : "  " + $1 })
            }
            out.append(contentsOf: wrap("Komt u een verplichting niet na, dan kunnen wij dit besluit herzien en de bijstand terugvorderen.", 78))
        }
        section("Waarom wij zo besluiten")
        out.append(contentsOf: wrap("Dit besluit is gebaseerd op artikel 35 van de Participatiewet (bijzondere bijstand)"
                                    + (kind == .approval && grant.form == .loan ? " en artikel 48 (bijstand als lening). " : ". ")
                                    + (grant.route == .custom
                                       ? "Wij hebben maatwerk toegepast: wij kijken naar wat in uw situatie nodig is."
                                       : "Het gaat om kosten die wij volgens vaste regels beoordelen (centrale route)."), 78))
        // The reasons as written for the resident — never the request's own motivation or
        // internal notes. A rejection from before reasons were their own text gives the
        // reviewer's comment, which was written for the letter.
        let reasons = !grant.letterReasons.isEmpty ? grant.letterReasons
            : kind == .rejection ? (grant.decisionComment ?? "") : ""
        if !reasons.trimmingWhitespace().isEmpty {
            out.append("")
            paragraphs(reasons.trimmingWhitespace())
        }
        if let snapshot = grant.snapshot ?? figures {
            section("De berekening")
            if let t = snapshot.normTest {
                if t.youthRaise > .zero {
                    out.append(row("Bijstandsnorm (normtabel per \(longDate(t.normDate)))", t.tableNorm.dutch))
                    out.append(row("Verhoging art. 20 lid 3 Participatiewet (geen steun ouders)", t.youthRaise.dutch))
                    out.append(row("Bijstandsnorm voor u", t.norm.dutch))
                } else {
                    out.append(row("Bijstandsnorm (normtabel per \(longDate(t.normDate)))", t.norm.dutch))
                }
                out.append(row("Inkomensgrens (\(t.percentage)% van de norm)", t.threshold.dutch))
                out.append(row("Uw inkomen voor deze toets", t.assessedIncome.dutch))
                out.append(contentsOf: wrap(t.withinNorm ? "Uw inkomen ligt binnen de grens."
                                            : "Uw inkomen ligt boven de grens; daarom is maatwerk toegepast en gemotiveerd.", 78))
            } else {
                out.append("Voor uw huishouden geldt geen bijstandsnorm; de aanvraag is als maatwerk beoordeeld.")
            }
            if let d = snapshot.draagkracht {
                if d.suspended != nil {
                    out.append(contentsOf: wrap("Omdat u in de schuldsanering (WSNP) of een minnelijke schuldregeling zit, rekenen wij geen draagkracht.", 78))
                } else {
                    if d.bands.count == 1 {
                        out.append(row("Draagkracht per maand (\(d.sharePercent)% van het inkomen boven \(d.base.dutch))", d.monthly.dutch))
                    } else {
                        for band in d.bands {
                            let range = band.upTo.map { "tussen \(band.from.dutch) en \($0.dutch)" } ?? "boven \(band.from.dutch)"
                            out.append(row("\(band.sharePercent)% van het inkomen \(range)", band.monthly.dutch))
                        }
                        out.append(row("Draagkracht per maand", d.monthly.dutch))
                    }
                    if d.assetsCounted > .zero {
                        out.append(row("Vermogen boven de vermogensgrens van \(d.assetLimit.dutch)", d.assetsCounted.dutch))
                    }
                    out.append(row("Draagkracht over \(d.periodMonths) maanden", d.total.dutch))
                    if d.usedBefore > .zero {
                        let since = d.periodStart.map { " sinds \(longDate($0))" } ?? ""
                        out.append(row("Al gebruikt voor eerdere aanvragen\(since)", d.usedBefore.dutch))
                    }
                }
            }
            if let grantable = snapshot.grantable { out.append(row("Wat bijzondere bijstand kan dekken", grantable.dutch)) }
            if let version = snapshot.policyVersion {
                out.append("")
                out.append(contentsOf: wrap(version == 0 ? "Berekend met beleidsversie 0: het beleid zoals de gemeente het standaard toepast."
                                            : "Berekend met beleidsversie \(version) van de beleidsregels van de gemeente.", 78))
            }
        }
        section("Wat moet u aan ons doorgeven?")
        out.append(contentsOf: wrap("U bent verplicht ons uit uzelf en op tijd alles door te geven wat van invloed kan zijn op uw recht "
                                    + "op bijstand (de inlichtingenplicht, artikel 17 van de Participatiewet): bijvoorbeeld een ander "
                                    + "inkomen, spaargeld of bezit, een verhuizing, of iemand die bij u komt wonen of vertrekt. "
                                    + "Geeft u iets niet of te laat door, dan kunnen wij de bijstand terugvorderen.", 78))
        // Six weeks after the day of sending, moved past weekends and holidays (Algemene termijnenwet).
        let deadline = longDate(LegalTerm.end(after: sent, weeks: 6))
        let college = Municipality(name: sender.municipality, code: "").place
        // A decision on an objection is not objected to again: the next step is the court (Awb 8:1).
        let onObjection = decidedObjection != nil
        section(onObjection ? "Bent u het niet eens met deze beslissing op uw bezwaar?" : "Bent u het niet eens met dit besluit?")
        var objection = onObjection
            ? "Dan kunt u beroep instellen bij de rechtbank (bestuursrecht) binnen zes weken na de dag waarop wij deze "
                + "brief verstuurden, dus uiterlijk op \(deadline). Zet in uw beroepschrift: uw naam en adres, de datum, "
                + "de beslissing waartegen u beroep instelt (het kenmerk hierboven), waarom u het er niet mee eens bent, "
                + "en uw handtekening. De rechtbank vraagt daarvoor griffierecht."
            : "Dan kunt u bezwaar maken binnen zes weken na de dag waarop wij deze brief verstuurden, "
        if !onObjection {
            objection += "dus uiterlijk op \(deadline). Stuur uw bezwaar aan het college van "
            objection += "burgemeester en wethouders van \(college). "
            objection += "Zet in uw bezwaarschrift: uw naam en adres, de datum, het besluit waartegen u bezwaar maakt "
            objection += "(het kenmerk hierboven), waarom u het er niet mee eens bent, en uw handtekening."
        }
        out.append(contentsOf: wrap(objection, 78))
        out.append("")
        out.append("Met vriendelijke groet,")
        out.append("")
        out.append(contentsOf: wrap("namens het college van burgemeester en wethouders van \(college),", 78))
        out.append("")
        if !sender.signer.isEmpty {
            out.append(sender.signer)
            if !sender.signerRole.isEmpty { out.append(sender.signerRole) }
        }
        out.append(sender.team)
        out.append(sender.municipality)
        return out.joined(separator: "\n") + "\n"
    }

    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                         "oktober", "november", "december"]

    /// "januari 2027".
    static func monthName(_ d: CalendarDate) -> String { "\(months[d.month - 1]) \(d.year)" }

    /// "23 november 2026".
    public static func longDate(_ d: CalendarDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    static func categoryText(_ c: GrantCategory) -> String {
        switch c {
        case .borg: "de borg voor een woning"
        case .huurachterstand: "een huurachterstand"
        case .zorgverzekering: "een achterstand bij de zorgverzekering"
        case .energie: "een achterstand bij energie"
        case .kinderopvang: "kinderopvang"
        case .inrichting: "de inrichting van uw woning"
        case .bewindvoering: "de kosten van bewindvoering"
        case .rechtsbijstand: "rechtsbijstand"
        case .schuldhulp: "schuldhulp"
        case .overig: "bijzondere kosten"
        }
    }

    /// Ends with a full stop unless it already ends a sentence.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?".contains(last) ? text : text + "."
    }

    private static func row(_ label: String, _ amount: String) -> String {
        let pad = max(1, 78 - label.count - amount.count)
        return label + String(repeating: " ", count: pad) + amount
    }

    /// Word wrap to `width` characters (the letter is plain text in a fixed font).
    /// An amount stays whole on its line: "€" and its figure never part.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.replacingOccurrences(of: "€ ", with: "€\u{00A0}").split(separator: " ")
            .map({ $0.replacingOccurrences(of: "€\u{00A0}", with: "€ ") }) {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else {
                lines.append(line); line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
