import ArgumentParser
import CaseStore
import Casework

/// `keukentafel retention --older-than YEARS [--apply]`: closed households past their
/// retention period; listed (a dry run), or anonymised with --apply by a team leader.
struct RetentionCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Gesloten huishoudens na de bewaartermijn: tonen, of met --apply anonimiseren (alleen teamleiders). / Closed households past retention: list, or anonymise with --apply (team leaders only).",
        discussion: """
        Een huishouden komt in aanmerking als het gesloten is en de laatste wijziging (van het huishouden \
        of iets daarin; inzien telt niet) meer dan YEARS jaar voor vandaag ligt. Bedragen, categorieën, \
        datums en de staat van aanvragen blijven, zodat het dashboard dezelfde cijfers geeft; namen, BSN's, \
        adressen, IBAN's en vrije teksten gaan weg. Het auditlogboek blijft zoals het is.
        """
    )

    @Option(name: .long, help: ArgumentHelp("De bewaartermijn in jaren (1–100). / The retention period in years.", valueName: "years"))
    var olderThan: Int

    @Flag(name: .long, help: "Anonimiseer ze echt (anders alleen een lijst). / Really anonymise them (else only a list).")
    var apply = false

    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        guard (1...100).contains(olderThan) else {
            Console.error(l.pick("--older-than \(olderThan): geef een bewaartermijn van 1 tot en met 100 jaar.",
                                 "--older-than \(olderThan): give a retention period of 1 to 100 years."))
            throw Failure(status: Exit.usage)
        }
        let today = try ProgramClock.today()
        guard today.year - olderThan >= 1 else {
            Console.error(l.pick("--older-than \(olderThan): dat is vóór het jaar 1 (vandaag is \(today.dutch)).",
                                 "--older-than \(olderThan): that is before the year 1 (today is \(today.iso))."))
            throw Failure(status: Exit.usage)
        }
        let cutoff = today.adding(months: -12 * olderThan)
        let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global)
        if apply { try StoreAccess.reporting(l) { try store.requireTeamLeader(me.actor, for: .anonymise) } }
        let candidates = try StoreAccess.reporting(l) { try store.retentionCandidates(before: cutoff) }
        let period = l.pick("vóór \(cutoff.dutch) (meer dan \(olderThan) jaar voor \(today.dutch))",
                            "before \(cutoff.iso) (more than \(olderThan) \(olderThan == 1 ? "year" : "years") before \(today.iso))")
        guard !candidates.isEmpty else {
            Console.out(l.pick("Geen gesloten huishoudens met een laatste wijziging \(period); er is niets te anonimiseren.\n",
                               "No closed households last changed \(period); there is nothing to anonymise.\n"))
            return
        }
        guard apply else {
            Console.out(l.pick("Gesloten huishoudens met een laatste wijziging \(period): \(candidates.count)\n",
                               "Closed households last changed \(period): \(candidates.count)\n"))
            for c in candidates { Console.out(Self.line(c, l)) }
            Console.out(l.pick("Proefrun: er is niets veranderd. Anonimiseer ze met --apply (alleen teamleiders).\n",
                               "Dry run: nothing was changed. Anonymise them with --apply (team leaders only).\n"))
            return
        }
        var anonymised = 0
        defer {
            // Also when nothing new was anonymised: a run after one whose log stayed open
            // empties it now.
            if (try? store.compactAfterAnonymising()) != true {
                Console.error(l.pick("Let op: het logbestand van de opslag kon niet worden geleegd (een andere werkplek leest nog); de oude teksten kunnen daarin staan tot u dit commando nogmaals draait als iedereen de werkplek heeft gesloten.",
                                     "Note: the store's log file could not be emptied (another workstation is still reading); the old texts may remain in it until you run this command again once everyone has closed the workstation."))
            }
        }
        for c in candidates {
            let done = try StoreAccess.reporting(l) {
                try store.anonymise(c.id, before: cutoff, by: me.actor,
                                    reason: "retention: closed, no change for more than \(olderThan) years before \(today.iso)")
            }
            if done {
                anonymised += 1
                Console.out(l.pick("\(c.id) geanonimiseerd\n", "\(c.id) anonymised\n"))
            } else {
                Console.out(l.pick("\(c.id) overgeslagen: intussen heropend, gewijzigd of al geanonimiseerd\n",
                                   "\(c.id) skipped: reopened, changed or anonymised meanwhile\n"))
            }
        }
        Console.out(l.pick("\(anonymised) \(anonymised == 1 ? "huishouden" : "huishoudens") geanonimiseerd.\n",
                           "\(anonymised) \(anonymised == 1 ? "household" : "households") anonymised.\n"))
    }

    /// One candidate: id, last activity, caseworker, number of members — no name or address.
    static func line(_ c: RetentionCandidate, _ l: Language) -> String {
        let members = l.pick("\(c.members) \(c.members == 1 ? "lid" : "leden")", "\(c.members) \(c.members == 1 ? "member" : "members")")
        return l.pick("  \(c.id)  laatste wijziging \(c.lastActivity.localDate.dutch)  regisseur \(c.caseworker ?? "—")  \(members)\n",
                      "  \(c.id)  last changed \(c.lastActivity.localDate.iso)  caseworker \(c.caseworker ?? "—")  \(members)\n")
    }
}
