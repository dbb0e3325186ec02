import CaseStore
import Casework
import Terminal

/// The intake at the kitchen table: a line for the applicant, one for the address, one per
/// other person in the house, and the household's name — each read back as it is typed.
/// Enter goes to the next line, F2 saves. What is typed goes to a draft within a second.
struct IntakeState {
    enum Row: Equatable { case applicant, address, person(Int), name }

    var applicant = TextField(text: "", kind: .text, maxLength: 120)
    var address = TextField(text: "", kind: .text, maxLength: 120)
    /// The others; the last is always empty, for the next person.
    var persons = [TextField(text: "", kind: .text, maxLength: 120)]
    /// The role chosen with Ctrl-R per person; nil: by age.
    var roles: [MemberRole?] = [nil]
    var name = TextField(text: "", kind: .text, maxLength: 80)
    var focus = Row.applicant
    /// Rows the typist has left: their mistakes are shown (the row being typed shows its read-back).
    var visited: Set<String> = []
    var triedToSave = false
    /// Typed since the draft was last written.
    var dirty = false
    var unsavedSince: Double?
    var draftTriedAt: Double = 0
    var draftProblem: StoreError?
    /// The households that may be this family, shown before saving.
    var duplicates: [PossibleDuplicate]?
    var duplicateSelected = 0
    /// Esc with something typed: keep it as a draft, throw it away, or go on typing.
    var confirmLeave = false
    /// A save is under way (between F2 and its answer): keys wait.
    var saving = false
    /// The signal nobody matched that this intake started from: it joins the new household.
    var signal: String?

    init() {}

    /// The form from a draft typed earlier.
    /// The intake started from a signal nobody matched: its birth date and BSN on the
    /// applicant's line (the name is typed before them), its house number and postcode on the
    /// address line (the street before them).
    init(signal: String, client: SignalClient) {
        self.init()
        self.signal = signal
        let who = [client.birthDate?.dutch, client.bsn?.digits].compactMap { $0 }.joined(separator: " ")
        applicant = TextField(text: who.isEmpty ? "" : " " + who, cursor: 0, kind: .text, maxLength: 120)
        if let postcode = client.postcode {
            let number = (client.houseNumber ?? "") + (client.houseNumberSuffix.map { " " + $0 } ?? "")
            address = TextField(text: " \(number), \(postcode)", cursor: 0, kind: .text, maxLength: 120)
        }
        dirty = true
    }

    init(_ intake: Intake) {
        applicant.text = intake.applicant; applicant.cursor = intake.applicant.count
        address.text = intake.address; address.cursor = intake.address.count
        name.text = intake.name; name.cursor = intake.name.count
        persons = intake.others.map { TextField(text: $0.line, kind: .text, maxLength: 120) }
        roles = intake.others.map(\.role)
        ensureEmptyLast()
        visited = ["applicant", "address"]
    }

    var intake: Intake {
        Intake(applicant: applicant.text, address: address.text,
               others: zip(persons, roles).map { Intake.Person(line: $0.text, role: $1) }, name: name.text)
    }

    var rows: [Row] { [.applicant, .address] + persons.indices.map(Row.person) + [.name] }

    static func key(_ row: Row) -> String {
        switch row {
        case .applicant: "applicant"
        case .address: "address"
        case .person(let i): "person\(i)"
        case .name: "name"
        }
    }

    func field(_ row: Row) -> TextField {
        switch row {
        case .applicant: applicant
        case .address: address
        case .person(let i): persons.indices.contains(i) ? persons[i] : TextField()
        case .name: name
        }
    }

    mutating func setField(_ row: Row, _ field: TextField) {
        switch row {
        case .applicant: applicant = field
        case .address: address = field
        case .person(let i): if persons.indices.contains(i) { persons[i] = field }
        case .name: name = field
        }
    }

    /// One empty line at the end for the next person, and no more.
    mutating func ensureEmptyLast() {
        while persons.count > 1 && persons[persons.count - 1].text.isEmpty && persons[persons.count - 2].text.isEmpty
            && focus != .person(persons.count - 1) {
            persons.removeLast(); roles.removeLast()
        }
        if persons.last.map({ !$0.text.isEmpty }) ?? true {
            persons.append(TextField(text: "", kind: .text, maxLength: 120))
            roles.append(nil)
        }
    }

    /// To the next or previous line; the one left shows its mistakes from now on.
    mutating func move(by step: Int) {
        let all = rows
        let at = all.firstIndex(of: focus) ?? 0
        visited.insert(Self.key(focus))
        focus = all[max(0, min(all.count - 1, at + step))]
        ensureEmptyLast()
    }

    /// The problems of a line (shown once it was left, or after F2).
    func problems(_ row: Row, today: CalendarDate) -> [IntakeProblem.Kind] {
        let all = intake.problems(today: today)
        let wanted: IntakeProblem.Row = switch row {
        case .applicant: .applicant
        case .address: .address
        case .person(let i): .person(i)
        case .name: .name
        }
        return all.filter { $0.row == wanted }.map(\.kind)
    }

    func showsProblems(_ row: Row) -> Bool { triedToSave || (visited.contains(Self.key(row)) && row != focus) }

    var isEmpty: Bool { intake.isEmpty }
}
