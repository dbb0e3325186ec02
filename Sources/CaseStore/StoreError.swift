import Casework
import Foundation

/// Everything that can go wrong with the store, each with a sentence that says what is
/// wrong and what to do about it.
public enum StoreError: Error, Equatable, Sendable {
    case missing(path: String)
    case alreadyExists(path: String)
    case cannotCreate(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case notAStore(path: String)
    case permissionsTooOpen(path: String, mode: UInt16, wanted: UInt16)
    /// A team store whose folder is not 2770 or whose file is not 0660.
    case teamPermissions(path: String, mode: UInt16, wanted: UInt16)
    /// A file of a team store in another group than its folder (or than the store's own).
    case wrongGroup(path: String, found: String, wanted: String)
    /// The store exists but this user cannot reach its folder.
    case noAccess(path: String, user: String, group: String?)
    /// `init --group` with a group this host does not have.
    case unknownGroup(String)
    case readOnly(path: String)
    /// Opening a household on a read-only store: the view cannot go into the audit trail.
    case viewNotRecordable(path: String)
    /// A read-only store of an older schema: bringing it up to date needs a write.
    case readOnlyNeedsUpgrade(path: String)
    /// A read-only store in a folder we cannot write, with a -wal file of changes not yet
    /// in the database file: SQLite cannot read them without creating its -shm file there.
    case readOnlyUnfinished(path: String)
    /// The disk (or the store's size limit) is full: nothing was written.
    case full(path: String)
    case demoStoreOpenedAsReal(path: String)
    case realStoreOpenedAsDemo(path: String)
    case unknownUser(user: String, path: String)
    case notAllowed(user: String, role: Actor.Role, action: StaffAction)
    case staffExists(user: String)
    /// A leaver: on the staff list, no longer active.
    case deactivated(user: String)
    /// The change would leave the store without an active team leader.
    case lastTeamLeader(user: String)
    case householdNotFound(id: String)
    /// A vroegsignaalzaak that already has its result.
    case signalCaseClosed(id: String)
    /// No vroegsignaalzaak, or no waiting signal, of this id.
    case signalNotFound(id: String)
    /// A contact attempt dated before the zaak's first signal or after today.
    case contactAttemptDate(CalendarDate, first: CalendarDate, today: CalendarDate)
    /// A result of "not picked up" on a zaak somebody already tried to reach, or without the
    /// reason it needs.
    case signalResult(SignalResultProblem)
    case grantNotFound(id: String)
    case rowGone(what: String)
    /// Someone else saved this row since it was read: who and when.
    case conflict(what: String, by: String, at: String)
    case importRejected([ImportProblem])
    /// The rules refuse a step on a grant, with every reason.
    case grantRefusals([GrantRefusal])
    /// The household being taken in may be a family the store has already: each one found.
    case possibleDuplicates([PossibleDuplicate])
    /// `import --strict`: files whose families may be in the store already.
    case importDuplicates([ImportDuplicate])
    case householdClosed(id: String)
    case householdNotClosed(id: String)
    /// Closing while money is under way: requests waiting for a decision or for payment.
    case grantsUnderWay(id: String, count: Int)
    case closingNoteMissing(ClosingReason)
    /// A change of members that would break the household's rules (one applicant, …).
    case memberRules([MemberProblem])
    /// Assigning to someone who is not a caseworker or team leader on the staff list.
    case notACaseworker(user: String)
    /// Taking a household someone already holds.
    case alreadyAssigned(id: String, to: String)
    /// A norm table or policy file that does not hold (every problem at its path).
    case ruleFileRefused(file: String, [CaseFileProblem])
    case database(String)
    /// Practice cases live in practice (demo) stores only, never beside real case files.
    case practiceOnlyInDemo(path: String)
    /// No copy of this practice case for this trainee yet.
    case practiceNotStarted(caseId: String, trainee: String)

    public enum StaffAction: String, Sendable {
        case manageStaff, importCases, exportCases, editHousehold
        /// The privacy duties, for team leaders only (`Store.requireTeamLeader`).
        case readAuditTrail, answerSubjectAccess, anonymise
        /// The roles' limits on looking (Access.swift).
        case openRealStore, openOtherTeamsHousehold
        /// Assigning and transferring households is a team leader's; a caseworker takes only
        /// an unassigned one of their own team, and closes and reopens only their own.
        case assignHousehold, takeOtherTeamsHousehold, closeHousehold
        /// Adding a norm table, setting the policy: a team leader's.
        case changeRules
        /// Feedback on a trainee's practice case: a trainer's or a team leader's.
        case givePracticeFeedback
        /// Turning a closed household into a practice case (a lesson): a team leader's.
        case makeLesson
    }

    /// A file of an import whose family may be in the store already.
    public struct ImportDuplicate: Equatable, Sendable {
        public let file: String
        public let duplicates: [PossibleDuplicate]
        public init(file: String, duplicates: [PossibleDuplicate]) { self.file = file; self.duplicates = duplicates }
    }

    /// A problem with one file of an import, with its JSON path.
    public enum SignalResultProblem: Equatable, Sendable { case alreadyPickedUp, reasonMissing, onlySignal(caseId: String), attemptFirst, notASetAsideStatus }

    public struct ImportProblem: Equatable, Sendable {
        public let file: String
        public let problem: CaseFileProblem
        public init(file: String, problem: CaseFileProblem) { self.file = file; self.problem = problem }
    }
}

extension StoreError {
    public func message(in l: Language) -> String {
        switch self {
        case .missing(let path):
            return l.pick("Er is nog geen opslag op \(path). Maak er een met: keukentafel init",
                          "There is no store at \(path) yet. Create one with: keukentafel init")
        case .alreadyExists(let path):
            return l.pick("Er staat al een opslag op \(path); er is niets veranderd.",
                          "A store already exists at \(path); nothing was changed.")
        case .cannotCreate(let path, let reason):
            return l.pick("Kan \(path) niet aanmaken (\(reason)). Kies een andere plek met --store of KEUKENTAFEL_STORE.",
                          "Cannot create \(path) (\(reason)). Choose another place with --store or KEUKENTAFEL_STORE.")
        case .cannotOpen(let path, let reason):
            return l.pick("Kan de opslag \(path) niet openen: \(reason).",
                          "Cannot open the store \(path): \(reason).")
        case .notAStore(let path):
            return l.pick("\(path) is geen Keukentafel-opslag. Kies het juiste bestand met --store.",
                          "\(path) is not a Keukentafel store. Choose the right file with --store.")
        case .teamPermissions(let path, let mode, let wanted):
            let found = "0" + String(mode, radix: 8), fix = String(wanted, radix: 8)
            return l.pick("\(path) heeft rechten \(found); een teamopslag heeft een map 2770 en bestanden 0660, zodat het team kan lezen en schrijven en verder niemand. Herstel met: chmod \(fix) \(path)",
                          "\(path) has permissions \(found); a team store has its folder 2770 and its files 0660, so the team can read and write and nobody else. Fix with: chmod \(fix) \(path)")
        case .wrongGroup(let path, let found, let wanted):
            return l.pick("\(path) hoort bij groep \(found), maar de opslag bij groep \(wanted). Herstel met: chgrp \(wanted) \(path)",
                          "\(path) belongs to group \(found), but the store to group \(wanted). Fix with: chgrp \(wanted) \(path)")
        case .noAccess(let path, let user, let group):
            if let group {
                return l.pick("\(user) kan niet bij de opslag in \(path): die is van het team in groep \(group), en \(user) zit niet in die groep. Een beheerder voegt u toe met: sudo usermod -aG \(group) \(user) (log daarna opnieuw in).",
                              "\(user) cannot reach the store in \(path): it belongs to the team in group \(group), and \(user) is not in that group. An administrator adds you with: sudo usermod -aG \(group) \(user) (then log in again).")
            }
            return l.pick("\(user) kan niet bij de opslag in \(path): die is van één persoon (map 0700). Een opslag voor het hele team maakt een teamleider met: keukentafel init --group GROEP (zie README, \"Een team op één computer\").",
                          "\(user) cannot reach the store in \(path): it belongs to one person (folder 0700). A store for the whole team is made by a team leader with: keukentafel init --group GROUP (see README, \"A team on one host\").")
        case .unknownGroup(let group):
            return l.pick("Er is geen groep \(group) op deze computer. Een beheerder maakt hem met: sudo groupadd \(group)",
                          "There is no group \(group) on this host. An administrator creates it with: sudo groupadd \(group)")
        case .permissionsTooOpen(let path, let mode, let wanted):
            let found = "0" + String(mode, radix: 8), fix = String(wanted, radix: 8)
            return l.pick("\(path) heeft rechten \(found): anderen kunnen erbij, en de opslag bevat persoonsgegevens. Herstel met: chmod \(fix) \(path)",
                          "\(path) has permissions \(found): others can reach it, and the store holds personal data. Fix with: chmod \(fix) \(path)")
        case .readOnly(let path):
            return l.pick("De opslag \(path) is alleen-lezen; wijzigen kan nu niet. Vraag de beheerder om schrijfrechten.",
                          "The store \(path) is read-only; changes are not possible now. Ask the administrator for write access.")
        case .viewNotRecordable(let path):
            return l.pick("Dit huishouden kan niet open: elke inzage moet in het auditlog, en de opslag \(path) is alleen-lezen. Lijsten, zoeken en het dashboard werken wel; vraag de beheerder om schrijfrechten.",
                          "This household cannot be opened: every view must go into the audit trail, and the store \(path) is read-only. Lists, search and the dashboard still work; ask the administrator for write access.")
        case .readOnlyNeedsUpgrade(let path):
            return l.pick("De opslag \(path) is van een oudere versie en alleen-lezen; bijwerken kan zonder schrijfrechten niet. Open hem eenmaal met schrijfrechten (vraag de beheerder).",
                          "The store \(path) is from an older version and read-only; it cannot be brought up to date without write access. Open it once with write access (ask the administrator).")
        case .readOnlyUnfinished(let path):
            return l.pick("De opslag \(path) is alleen-lezen en heeft wijzigingen die nog niet zijn afgerond (\(path)-wal); zonder schrijfrechten in de map zijn ze niet te lezen. Vraag de beheerder de opslag eenmaal met schrijfrechten te openen.",
                          "The store \(path) is read-only and has changes not yet completed (\(path)-wal); without write access to the folder they cannot be read. Ask the administrator to open the store once with write access.")
        case .full(let path):
            return l.pick("De schijf is vol: er is niets opgeslagen in \(path). Maak ruimte vrij en probeer het opnieuw.",
                          "The disk is full: nothing was saved in \(path). Free some space and try again.")
        case .demoStoreOpenedAsReal(let path):
            return l.pick("\(path) is een oefenopslag (demo) en kan niet als echte opslag worden geopend.",
                          "\(path) is a demo store and cannot be opened as a real store.")
        case .realStoreOpenedAsDemo(let path):
            return l.pick("\(path) is een echte opslag en kan niet als oefenopslag (demo) worden geopend.",
                          "\(path) is a real store and cannot be opened as a demo store.")
        case .unknownUser(let user, let path):
            return l.pick("Gebruiker \(user) staat niet in de medewerkerslijst van \(path). Een teamleider voegt u toe met: keukentafel staff add \(user) --name \"VOLLEDIGE NAAM\" --role caseworker",
                          "User \(user) is not on the staff list of \(path). A team leader adds you with: keukentafel staff add \(user) --name \"FULL NAME\" --role caseworker")
        case .notAllowed(let user, let role, let action):
            switch action {
            case .openRealStore:
                return l.pick("\(user) is trainer en werkt alleen met oefengegevens: start `keukentafel demo`. Deze opslag bevat echte dossiers en blijft dicht.",
                              "\(user) is a trainer and works on demo data only: run `keukentafel demo`. This store holds real case files and stays closed.")
            case .openOtherTeamsHousehold:
                return l.pick("Dit huishouden hoort bij een ander team; \(user) mag het niet openen. Vraag de teamleider om het aan u toe te wijzen als u het overneemt.",
                              "This household belongs to another team; \(user) may not open it. Ask the team leader to assign it to you if you take it over.")
            case .assignHousehold:
                return l.pick("\(user) (\(role.dutchName)) mag geen huishoudens toewijzen of overdragen; dat doet een teamleider. Een huishouden van uw eigen team dat nog van niemand is, kunt u zelf overnemen.",
                              "\(user) (\(role.rawValue)) may not assign or transfer households; that is for a team leader. A household of your own team that nobody holds yet you can take yourself.")
            case .takeOtherTeamsHousehold:
                return l.pick("Dit huishouden hoort bij een ander team; \(user) kan het niet zelf overnemen. Vraag de teamleider het aan u toe te wijzen.",
                              "This household belongs to another team; \(user) cannot take it. Ask the team leader to assign it to you.")
            case .closeHousehold:
                return l.pick("Alleen de regisseur van dit huishouden of een teamleider kan het sluiten of heropenen; \(user) is het niet.",
                              "Only this household's caseworker or a team leader can close or reopen it; \(user) is neither.")
            case .changeRules:
                return l.pick("\(user) (\(role.dutchName)) mag de normtabellen en het beleid niet wijzigen; dat doet een teamleider. Er is niets veranderd.",
                              "\(user) (\(role.rawValue)) may not change the norm tables or the policy; that is for a team leader. Nothing was changed.")
            case .givePracticeFeedback:
                return l.pick("\(user) (\(role.dutchName)) mag geen feedback op oefencasussen geven; dat doet een trainer of teamleider.",
                              "\(user) (\(role.rawValue)) may not give feedback on practice cases; that is for a trainer or team leader.")
            case .makeLesson:
                return l.pick("\(user) (\(role.dutchName)) mag geen echt huishouden tot oefencasus maken; dat doet een teamleider.",
                              "\(user) (\(role.rawValue)) may not turn a real household into a practice case; that is for a team leader.")
            case .manageStaff, .importCases, .exportCases, .editHousehold, .readAuditTrail, .answerSubjectAccess, .anonymise:
                let what: String = switch action {
                case .manageStaff: l.pick("medewerkers beheren", "manage staff")
                case .importCases: l.pick("dossiers importeren", "import case files")
                case .exportCases: l.pick("dossiers exporteren", "export case files")
                case .readAuditTrail: l.pick("het auditlogboek inzien", "read the audit trail")
                case .answerSubjectAccess: l.pick("een inzageverzoek beantwoorden", "answer a subject access request")
                case .anonymise: l.pick("huishoudens anonimiseren", "anonymise households")
                default: l.pick("dit huishouden wijzigen", "change this household")
                }
                let onlyLeaders = [.readAuditTrail, .answerSubjectAccess, .anonymise].contains(action)
                    ? l.pick(" Dat doet een teamleider.", " That is for a team leader.") : ""
                return l.pick("\(user) (\(role.dutchName)) mag niet \(what).",
                              "\(user) (\(role.rawValue)) may not \(what).") + onlyLeaders
            }
        case .deactivated(let user):
            return l.pick("\(user) staat als uit dienst in de medewerkerslijst en kan de opslag niet meer gebruiken. Klopt dat niet, dan zet een teamleider dit terug met: keukentafel staff reactivate \(user)",
                          "\(user) is on the staff list as having left and can no longer use the store. If that is wrong, a team leader undoes it with: keukentafel staff reactivate \(user)")
        case .lastTeamLeader(let user):
            return l.pick("\(user) is de laatste actieve teamleider; zonder teamleider kan niemand meer medewerkers beheren of aanvragen beoordelen. Maak eerst een ander teamleider (keukentafel staff change GEBRUIKER --role teamleader). Er is niets veranderd.",
                          "\(user) is the last active team leader; without one nobody can manage staff or review requests. Make someone else team leader first (keukentafel staff change USER --role teamleader). Nothing was changed.")
        case .staffExists(let user):
            return l.pick("\(user) staat al in de medewerkerslijst; er is niets veranderd.",
                          "\(user) is already on the staff list; nothing was changed.")
        case .householdNotFound(let id):
            return l.pick("Huishouden \(id) bestaat niet in deze opslag.", "Household \(id) does not exist in this store.")
        case .grantNotFound(let id):
            return l.pick("Aanvraag \(id) bestaat niet in deze opslag.", "Grant \(id) does not exist in this store.")
        case .signalNotFound(let id):
            return l.pick("Er is geen open zaak of wachtend signaal \(id); keukentafel signals list toont ze.",
                          "There is no open case or waiting signal \(id); keukentafel signals list shows them.")
        case .contactAttemptDate(let day, let first, let today):
            return l.pick("Een contactpoging op \(day.dutch) kan niet: de zaak begint op \(first.dutch) en vandaag is \(today.dutch). Geef een datum daartussen.",
                          "A contact attempt on \(day.dutch) cannot be: the case starts on \(first.dutch) and today is \(today.dutch). Give a date in between.")
        case .signalResult(.alreadyPickedUp):
            return l.pick("Deze zaak is al opgepakt (er is een contactpoging): kies een resultaat van het contact, niet \"niet opgepakt\".",
                          "This case was picked up already (there is a contact attempt): choose a result of the contact, not \"not picked up\".")
        case .signalResult(.reasonMissing):
            return l.pick("Bij \"niet opgepakt: andere reden\" hoort de reden; schrijf die erbij.",
                          "\"Not picked up: other reason\" needs the reason; write it down.")
        case .signalResult(.notASetAsideStatus):
            return l.pick("Een signaal opzijzetten gaat met een status van niet opgepakt (herhaald, onterecht, andere reden, al bekend, overleden, geen inwoner).",
                          "A signal is set aside with a status of not picked up (repeated, unfounded, other reason, known already, deceased, no resident).")
        case .signalResult(.attemptFirst):
            return l.pick("Dit resultaat volgt op contact: leg eerst de contactpoging vast (a), dan het resultaat.",
                          "This result follows a contact: record the contact attempt first (a), then the result.")
        case .signalResult(.onlySignal(let caseId)):
            return l.pick("Dit is het enige signaal van \(caseId) dat nog wacht: sluit de zaak met haar resultaat (niet opgepakt, met de reden).",
                          "This is the only waiting signal of \(caseId): close the case with its result (not picked up, with the reason).")
        case .signalCaseClosed(let id):
            return l.pick("\(id) is al gesloten met een resultaat; het resultaat blijft zoals het is.",
                          "\(id) is already closed with a result; the result stays as it is.")
        case .rowGone(let what):
            return l.pick("\"\(what)\" is intussen door iemand anders verwijderd; uw wijziging is niet opgeslagen.",
                          "\"\(what)\" was deleted by someone else meanwhile; your change was not saved.")
        case .conflict(let what, let by, let at):
            return l.pick("\"\(what)\" is intussen gewijzigd door \(by) (\(at)). Uw wijziging is niet opgeslagen; bekijk de nieuwe versie en voer ze opnieuw in.",
                          "\"\(what)\" was changed meanwhile by \(by) (\(at)). Your change was not saved; look at the new version and enter it again.")
        case .importRejected(let problems):
            let n = problems.count
            let head = l.pick("Niets geïmporteerd: \(n) \(n == 1 ? "probleem" : "problemen") gevonden.",
                              "Nothing imported: \(n) \(n == 1 ? "problem" : "problems") found.")
            return ([head] + problems.map { "\($0.file): \($0.problem.message(in: l))" }).joined(separator: "\n")
        case .grantRefusals(let reasons):
            return reasons.map { $0.message(in: l) }.joined(separator: " ")
        case .possibleDuplicates(let found):
            let head = l.pick("Dit gezin staat mogelijk al in de opslag:", "This family may be in the store already:")
            return ([head] + found.map { "  " + $0.sentence(in: l) }
                    + [l.pick("Open het bestaande huishouden, of sla bewust toch op (het logboek legt dat vast).",
                              "Open the existing household, or save anyway, knowingly (the audit trail records it).")]).joined(separator: "\n")
        case .importDuplicates(let files):
            let head = l.pick("Niets geïmporteerd (--strict): deze gezinnen staan mogelijk al in de opslag.",
                              "Nothing imported (--strict): these families may be in the store already.")
            return ([head] + files.flatMap { f in f.duplicates.map { "\(f.file): " + $0.sentence(in: l) } }).joined(separator: "\n")
        case .householdClosed(let id):
            return l.pick("Huishouden \(id) is gesloten; er is niets veranderd. Heropen het eerst (keukentafel household reopen \(id)).",
                          "Household \(id) is closed; nothing was changed. Reopen it first (keukentafel household reopen \(id)).")
        case .householdNotClosed(let id):
            return l.pick("Huishouden \(id) is niet gesloten; er is niets veranderd.", "Household \(id) is not closed; nothing was changed.")
        case .grantsUnderWay(let id, let count):
            return l.pick("Huishouden \(id) kan nog niet dicht: \(count == 1 ? "er loopt nog een aanvraag" : "er lopen nog \(count) aanvragen") (wacht op besluit of betaling). Handel die eerst af.",
                          "Household \(id) cannot be closed yet: \(count == 1 ? "a request is" : "\(count) requests are") still under way (waiting for a decision or payment). Finish those first.")
        case .closingNoteMissing(let reason):
            return l.pick("Bij \"\(reason.name(in: l))\" hoort een toelichting: aan wie, of waarom. Vul die in.",
                          "\"\(reason.name(in: l))\" needs a note: to whom, or why. Fill it in.")
        case .memberRules(let problems):
            return problems.map { $0.message(in: l) }.joined(separator: " ")
        case .notACaseworker(let user):
            return l.pick("\(user) staat niet als regisseur of teamleider in de medewerkerslijst; er is niets veranderd. Zie keukentafel staff list.",
                          "\(user) is not on the staff list as a caseworker or team leader; nothing was changed. See keukentafel staff list.")
        case .alreadyAssigned(let id, let to):
            return l.pick("Huishouden \(id) is al van \(to); er is niets veranderd. Een teamleider kan het overdragen.",
                          "Household \(id) is already held by \(to); nothing was changed. A team leader can transfer it.")
        case .ruleFileRefused(let file, let problems):
            return l.pick("\(file): geweigerd, er is niets veranderd (\(problems.count) \(problems.count == 1 ? "probleem" : "problemen")):",
                          "\(file): refused, nothing was changed (\(problems.count) \(problems.count == 1 ? "problem" : "problems")):")
                + problems.map { "\n  " + $0.message(in: l) }.joined()
        case .database(let message):
            return l.pick("Fout in de opslag: \(message)", "Store failure: \(message)")
        case .practiceOnlyInDemo(let path):
            return l.pick("\(path) bevat echte dossiers; oefencasussen horen in een oefenopslag. Start ze met `keukentafel train start CASUS` zonder --store, of met een oefenopslag (`keukentafel demo --store PAD`).",
                          "\(path) holds real case files; practice cases belong in a practice store. Start them with `keukentafel train start CASE` without --store, or with a practice store (`keukentafel demo --store PATH`).")
        case .practiceNotStarted(let caseId, let trainee):
            return l.pick("\(trainee) is nog niet begonnen aan oefencasus \(caseId). Begin met: keukentafel train start \(caseId)",
                          "\(trainee) has not started practice case \(caseId) yet. Start with: keukentafel train start \(caseId)")
        }
    }
}
