import CaseStore
import Casework
import Terminal

/// Everything a user can do with a key, declared once (as tig does): its keys, its word in
/// the key bar and its line in the help. A key means one thing across the program: where
/// two commands share a key (`q`: back, and on the caseload quit), docs/keys.md says so and
/// a test holds the declarations to it. Screens list the commands that are available now;
/// the key bar, the help and mouse clicks on the key bar come from those lists only.
enum Command: Hashable, Sendable {
    // everywhere
    case help, back, quit
    // lists
    case open, search, scope, add, edit, copy, delete, undo
    // the caseload's other screens
    case review, dashboard, otherRole, signals
    // a case from intake to closing
    case newHousehold, assign, closeCase, reopen, role, addAction
    // a household
    case tab(HouseholdTab)
    // the ledger
    case explain, nextSection, previousSection, otherSection
    // forms
    case save, nextField, confirm, cancel, externalEditor, score, prompts
    // conversations and grants
    case print, submit, letter, pay, evaluate, objection
    // the review queue
    case list(ReviewList), nextList, approve, reject, returnRequest
    // a draft offered back, a conflict
    case discard, addTheirs, keepTheirs
    // practice cases (a practice store)
    case checkpoints
}

/// One command's declaration.
struct CommandInfo {
    let keys: [Key]
    /// The word in the key bar; nil for commands that only the help lists.
    let label: String?
    let help: String
}

extension Command {
    /// Every command, in the order the help lists them.
    static var all: [Command] {
        [.help, .back, .quit, .open, .search, .scope, .add, .edit, .copy, .delete, .undo, .review, .dashboard, .otherRole, .signals,
         .newHousehold, .assign, .closeCase, .reopen, .role, .addAction]
            + HouseholdTab.allCases.map(Command.tab)
            + [.explain, .nextSection, .previousSection, .otherSection, .save, .nextField, .confirm, .cancel, .externalEditor,
               .score, .prompts, .print, .submit, .letter, .pay, .evaluate, .objection]
            + ReviewList.allCases.map(Command.list)
            + [.nextList, .approve, .reject, .returnRequest, .discard, .addTheirs, .keepTheirs, .checkpoints]
    }

    /// A stable name for people and for docs/keys.md: `help`, `tab 2`, `list 3`.
    var name: String {
        switch self {
        case .tab(let tab): "tab \(tab.rawValue + 1)"
        case .list(let list): "list \(list.rawValue + 1)"
        default: String(describing: self)
        }
    }

    /// Keys, key-bar word and help, in `l`.
    func info(_ l: Language) -> CommandInfo {
        switch self {
        case .help: CommandInfo(keys: [.function(1), .character("?")], label: l.pick("Help", "Help"),
                                help: l.pick("Deze hulp", "This help"))
        case .back: CommandInfo(keys: [.escape, .character("q")], label: l.pick("Terug", "Back"),
                                help: l.pick("Terug naar het vorige scherm", "Back to the previous screen"))
        case .quit: CommandInfo(keys: [.function(10), .character("q")], label: l.pick("Stoppen", "Quit"),
                                help: l.pick("Sluit Keukentafel af", "Close Keukentafel"))
        case .open: CommandInfo(keys: [.enter], label: l.pick("Openen", "Open"),
                                help: l.pick("Open wat gekozen is", "Open the selected item"))
        case .search: CommandInfo(keys: [.function(3), .character("/")], label: l.pick("Zoeken", "Search"),
                                  help: l.pick("Zoek op naam, adres of postcode; de lijst wordt kleiner terwijl u typt",
                                               "Search by name, address or postcode; the list narrows as you type"))
        case .scope: CommandInfo(keys: [.function(4), .character("m")], label: l.pick("Mijn/alle", "Mine/all"),
                                 help: l.pick("Wissel tussen wat van u is en alles", "Switch between what is yours and everything"))
        case .add: CommandInfo(keys: [.character("a"), .insert], label: l.pick("Nieuw", "Add"),
                               help: l.pick("Voeg er een toe aan deze lijst", "Add one to this list"))
        case .edit: CommandInfo(keys: [.character("e")], label: l.pick("Wijzig", "Edit"),
                                help: l.pick("Wijzig wat gekozen is", "Edit the selected item"))
        case .copy: CommandInfo(keys: [.character("c")], label: l.pick("Kopie", "Copy"),
                                help: l.pick("Nieuw, als kopie van wat gekozen is", "New item copied from the selected one"))
        case .delete: CommandInfo(keys: [.delete], label: l.pick("Wissen", "Delete"),
                                  help: l.pick("Wis wat gekozen is (vraagt eerst)", "Delete the selected item (asks first)"))
        case .undo: CommandInfo(keys: [.character("u")], label: nil,
                                help: l.pick("Zet terug wat het laatst gewist is", "Bring back the last deleted item"))
        case .review: CommandInfo(keys: [.function(6)], label: l.pick("Beoordelen", "Review"),
                                  help: l.pick("Beoordelingslijst: aanvragen die op een besluit wachten (teamleiders)",
                                               "Review queue: requests waiting for a decision (team leaders)"))
        case .dashboard: CommandInfo(keys: [.function(7)], label: l.pick("Dashboard", "Dashboard"),
                                     help: l.pick("Dashboard: wat de praktijk oplevert", "Dashboard: what the practice yields"))
        case .signals: CommandInfo(keys: [.function(12)], label: l.pick("Signalen", "Signals"),
                                   help: l.pick("Vroegsignalen: de wachtrij, crisis eerst, met de termijn voor het contact",
                                                "Early-warning signals: the queue, crisis first, with the term for contact"))
        case .otherRole: CommandInfo(keys: [.function(9)], label: l.pick("Andere rol", "Other role"),
                                     help: l.pick("Demo: werk als een andere medewerker", "Demo: work as another member of staff"))
        case .newHousehold: CommandInfo(keys: [.character("n")], label: l.pick("Nieuw", "New"),
                                        help: l.pick("Neem een nieuw huishouden in: aanvrager, adres, gezinsleden", "Take in a new household: applicant, address, members"))
        case .assign: CommandInfo(keys: [.character("o")], label: l.pick("Toewijzen", "Assign"),
                                  help: l.pick("Wijs het huishouden toe of draag het over, met een notitie (teamleiders); neem een huishouden van niemand over",
                                               "Assign or transfer the household, with a note (team leaders); take one nobody holds"))
        case .closeCase: CommandInfo(keys: [.character("s")], label: l.pick("Afsluiten", "Close case"),
                                     help: l.pick("Sluit het huishouden af, met een reden en een datum", "Close the household, with a reason and a date"))
        case .reopen: CommandInfo(keys: [.character("r")], label: l.pick("Heropenen", "Reopen"),
                                  help: l.pick("Open een gesloten huishouden weer", "Open a closed household again"))
        case .role: CommandInfo(keys: [.control("r")], label: l.pick("Rol", "Role"),
                                help: l.pick("Een andere rol voor deze persoon (partner, kind, medebewoner)", "Another role for this person (partner, child, other resident)"))
        case .addAction: CommandInfo(keys: [.character("+")], label: l.pick("Actie", "Action"),
                                     help: l.pick("Een actie bij het gekozen doel: wat, wie, wanneer", "An action for the selected goal: what, who, by when"))
        case .tab(let tab): CommandInfo(keys: [.character(Character(String(tab.rawValue + 1)))], label: nil,
                                        help: tab.help(l))
        case .explain: CommandInfo(keys: [.character("x")], label: l.pick("Uitleg", "Explain"),
                                   help: l.pick("Leg het totaal van dit deel uit, regel voor regel", "Explain this section's total, line by line"))
        case .nextSection: CommandInfo(keys: [.tab], label: l.pick("Volgend deel", "Next section"),
                                       help: l.pick("Naar het volgende deel (inkomsten, uitgaven, schulden, inhoudingen, vermogen)",
                                                    "To the next section (income, expenses, debts, deductions, assets)"))
        case .previousSection: CommandInfo(keys: [.backTab], label: nil, help: l.pick("Naar het vorige deel", "To the previous section"))
        case .otherSection: CommandInfo(keys: [.pageDown, .pageUp], label: l.pick("Ander deel", "Other section"),
                                        help: l.pick("Lege nieuwe regel: naar het volgende of vorige deel", "Blank new line: to the next or previous section"))
        case .save: CommandInfo(keys: [.function(2), .control("s")], label: l.pick("Opslaan", "Save"),
                                help: l.pick("Sla op wat in het formulier staat", "Save what is in the form"))
        case .nextField: CommandInfo(keys: [.tab, .backTab], label: l.pick("Volgend veld", "Next field"),
                                     help: l.pick("Volgend / vorig veld", "Next / previous field"))
        case .confirm: CommandInfo(keys: [.enter], label: l.pick("Bevestigen", "Confirm"),
                                   help: l.pick("Ja: doe wat de vraag zegt", "Yes: do what the question says"))
        case .cancel: CommandInfo(keys: [.escape], label: l.pick("Annuleren", "Cancel"),
                                  help: l.pick("Nee: terug zonder iets te doen", "No: back without doing anything"))
        case .externalEditor: CommandInfo(keys: [.control("e")], label: l.pick("Editor", "Editor"),
                                          help: l.pick("Dit veld in uw eigen editor ($EDITOR)", "This field in your own editor ($EDITOR)"))
        case .score: CommandInfo(keys: [.function(8)], label: l.pick("Score", "Score"),
                                 help: l.pick("ZRM-score 1–5 van dit leefgebied, gedateerd vandaag", "ZRM score 1–5 of this area of life, dated today"))
        case .prompts: CommandInfo(keys: [.control("t")], label: l.pick("Vragen", "Questions"),
                                   help: l.pick("Vragen bij dit leefgebied tonen of verbergen", "Show or hide the questions for this area of life"))
        case .print: CommandInfo(keys: [.character("p"), .character("P")], label: l.pick("Afdrukken", "Print"),
                                 help: l.pick("Schrijf het gekozen gesprek of het plan als tekstbestand (voor het dossier of het gezin)",
                                              "Write the selected conversation or the plan as a text file (for the file or the family)"))
        case .submit: CommandInfo(keys: [.function(5), .character("i")], label: l.pick("Indienen", "Submit"),
                                  help: l.pick("Dien de aanvraag in (vraagt eerst); tot het mandaat is hij daarmee toegekend",
                                               "Submit the request (asks first); within the mandate that approves it"))
        case .letter: CommandInfo(keys: [.character("l")], label: l.pick("Brief", "Letter"),
                                  help: l.pick("Schrijf de besluitbrief als tekstbestand", "Write the decision letter as a text file"))
        case .pay: CommandInfo(keys: [.character("b")], label: l.pick("Betaald", "Paid"),
                               help: l.pick("Zet een toegekende aanvraag op betaald (nu, door u)", "Mark an approved grant paid (now, by you)"))
        case .evaluate: CommandInfo(keys: [.character("v")], label: l.pick("Evalueren", "Evaluate"),
                                    help: l.pick("Leg vast of het werkte (op een betaalde aanvraag)", "Record whether it worked (on a paid grant)"))
        case .objection: CommandInfo(keys: [.character("z")], label: l.pick("Bezwaar", "Objection"),
                                     help: l.pick("Leg een ontvangen bezwaar tegen het besluit vast; een teamleider beslist erop (Beoordelen, lijst 4)",
                                                  "Record an objection received against the decision; a team leader decides it (Review, list 4)"))
        case .list(let list): CommandInfo(keys: [.character(Character(String(list.rawValue + 1)))], label: nil,
                                          help: list.name(l))
        case .nextList: CommandInfo(keys: [.tab], label: l.pick("Volgende lijst", "Next list"),
                                    help: l.pick("Naar de volgende lijst", "To the next list"))
        case .approve: CommandInfo(keys: [.character("g")], label: l.pick("Goedkeuren", "Approve"),
                                   help: l.pick("Goedkeuren (niet uw eigen aanvraag: vier ogen)", "Approve (not your own request: four eyes)"))
        case .reject: CommandInfo(keys: [.character("w")], label: l.pick("Afwijzen", "Reject"),
                                  help: l.pick("Afwijzen, met een toelichting", "Reject, with a comment"))
        case .returnRequest: CommandInfo(keys: [.character("t")], label: l.pick("Terugsturen", "Return"),
                                         help: l.pick("Terugsturen naar de regisseur, met wat er moet gebeuren",
                                                      "Return to the caseworker, with what to mend"))
        case .checkpoints: CommandInfo(keys: [.function(11), .control("k")], label: l.pick("Oefenpunten", "Checkpoints"),
                                       help: l.pick("Oefencasus: de opdracht en welke controlepunten al kloppen (zonder het antwoord)",
                                                    "Practice case: the task and which checkpoints hold already (without the answer)"))
        case .discard: CommandInfo(keys: [.character("d")], label: l.pick("Weggooien", "Discard"),
                                   help: l.pick("Gooi het niet-opgeslagen concept weg", "Throw the unsaved draft away"))
        case .addTheirs: CommandInfo(keys: [.control("o")], label: l.pick("Hun tekst erbij", "Add theirs"),
                                     help: l.pick("Zet hun tekst van dit veld onder de uwe, om samen te voegen", "Put their text of this field below yours, to merge"))
        case .keepTheirs: CommandInfo(keys: [.escape], label: l.pick("Hun versie houden", "Keep theirs"),
                                      help: l.pick("Sluit het formulier; de nieuwe versie blijft staan", "Close the form; the new version stays"))
        }
    }
}

/// The tabs of a household, in order: digits 1–5 choose them.
public enum HouseholdTab: Int, CaseIterable, Sendable {
    case overview, ledger, conversations, decisions, plan

    func title(_ l: Language) -> String {
        switch self {
        case .overview: l.pick("1 Overzicht", "1 Overview")
        case .ledger: l.pick("2 Financiën", "2 Finances")
        case .conversations: l.pick("3 Gesprekken", "3 Conversations")
        case .decisions: l.pick("4 Besluiten", "4 Decisions")
        case .plan: l.pick("5 Plan", "5 Plan")
        }
    }

    func help(_ l: Language) -> String {
        switch self {
        case .overview: l.pick("Tab Overzicht", "Overview tab")
        case .ledger: l.pick("Tab Financiën: inkomsten, uitgaven, schulden, inhoudingen, vermogen", "Finances tab: income, expenses, debts, deductions, assets")
        case .conversations: l.pick("Tab Gesprekken: de keukentafelgesprekken", "Conversations tab: the kitchen-table conversations")
        case .decisions: l.pick("Tab Besluiten: aanvragen bijzondere bijstand", "Decisions tab: grant requests")
        case .plan: l.pick("Tab Plan: doelen, wie doet wat, de evaluatie", "Plan tab: goals, who does what, the review")
        }
    }
}

extension ReviewList {
    func name(_ l: Language) -> String {
        switch self {
        case .waiting: l.pick("1 Wacht op besluit", "1 Waiting for a decision")
        case .underMandate: l.pick("2 Binnen mandaat", "2 Within the mandate")
        case .unpaid: l.pick("3 Nog niet betaald", "3 Not yet paid")
        case .objections: l.pick("4 Bezwaren", "4 Objections")
        }
    }
}
