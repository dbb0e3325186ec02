import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel train …`: practice cases with checkpoints on a practice store
/// (docs/training.md). Trainees start, check and reset their own copy; a trainer sees
/// everyone's progress, looks at a copy and writes feedback.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Oefencasussen met controlepunten. / Practice cases with checkpoints.",
        subcommands: [List.self, Start.self, Check.self, Reset.self, Progress.self, Show.self, Feedback.self, Report.self, Lesson.self],
        defaultSubcommand: List.self
    )

    /// Who works on the practice store: `--as` a member of its staff, or the OS user. A
    /// trainee who is not on it yet is added as a caseworker (it is a practice store).
    struct Who: ParsableArguments {
        @Option(name: .customLong("as"), help: ArgumentHelp("Werk als deze gebruiker (standaard de OS-gebruiker). / Work as this user (default: the OS user).",
                                                            valueName: "user"))
        var user: String?
    }

    struct List: ContractCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "De oefencasussen. / The practice cases.")
        @Flag(help: "Als JSON. / As JSON.") var json = false
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let cases = try Training.catalogue(l)
            if json {
                Console.out(JSONWriter.write(.array(cases.map { c in
                    .object(["id": .string(c.id), "level": .number(String(c.level)), "title": .string(c.title.text(l)),
                             "checkpoints": .number(String(c.checkpoints.count))])
                })) + "\n")
                return
            }
            Console.out(l.pick("Oefencasussen (start met: keukentafel train start CASUS --store OEFENOPSLAG):\n",
                               "Practice cases (start with: keukentafel train start CASE --store PRACTICE-STORE):\n"))
            for c in cases {
                Console.out("  \(c.id)  \(String(repeating: "●", count: c.level))\(String(repeating: "○", count: 3 - c.level))  \(c.title.text(l))\n")
            }
        }
    }

    struct Start: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Begin aan een oefencasus (een eigen kopie) en open de werkplek. / Start a practice case (a copy of your own) and open the workstation.")
        @Argument(help: "De casus (id of bestand). / The case (id or file).") var practice: String
        @Flag(help: "Alleen de kopie maken, de werkplek niet openen. / Only make the copy, do not open the workstation.")
        var noWorkstation = false
        @Option(help: ArgumentHelp("Kleurenschema. / Colour theme.", valueName: "name")) var theme: String?
        @OptionGroup var who: Who
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let practice = try Training.find(self.practice, l)
            let (store, me) = try Training.open(global, who, l, traineeIfNew: true)
            let id = try StoreAccess.reporting(l) { try store.startPractice(practice, trainee: me.user, by: me.actor) }
            if noWorkstation {
                Console.out(l.pick("\(me.user) werkt aan \(practice.id): huishouden \(id).\n", "\(me.user) works on \(practice.id): household \(id).\n"))
                return
            }
            try WorkstationLauncher.run(store: store, staff: me, global: global, theme: theme)
        }
    }

    struct Check: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "Welke controlepunten kloppen (zonder het antwoord). / Which checkpoints hold (without the answer).")
        @Argument(help: "De casus. / The case.") var practice: String
        @Flag(help: "Als JSON. / As JSON.") var json = false
        @OptionGroup var who: Who
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let practice = try Training.find(self.practice, l)
            let (store, me) = try Training.open(global, who, l, traineeIfNew: false)
            let id = try Training.copy(of: practice, for: me.user, in: store, l)
            let results = try StoreAccess.reporting(l) { try store.checkPractice(practice, household: id, today: try ProgramClock.today(), by: me.actor) }
            let feedback = try StoreAccess.reporting(l) { try store.practiceFeedback(household: id) }
            if json {
                Console.out(JSONWriter.write(Training.json(results, feedback: feedback, l)) + "\n")
            } else {
                Console.out(Training.text(practice, results, feedback: feedback, l))
            }
        }
    }

    struct Reset: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset", abstract: "Begin opnieuw: uw kopie weer zoals de casus begint. / Start again: your copy as the case begins.")
        @Argument(help: "De casus. / The case.") var practice: String
        @OptionGroup var who: Who
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let practice = try Training.find(self.practice, l)
            let (store, me) = try Training.open(global, who, l, traineeIfNew: true)
            let id = try StoreAccess.reporting(l) { try store.startPractice(practice, trainee: me.user, again: true, by: me.actor) }
            Console.out(l.pick("\(practice.id) begint opnieuw voor \(me.user) (huishouden \(id)); de anderen werken verder.\n",
                               "\(practice.id) starts again for \(me.user) (household \(id)); the others go on.\n"))
        }
    }

    struct Progress: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress", abstract: "Voor de trainer: per cursist en casus welke controlepunten kloppen, en sinds wanneer. / For the trainer: per trainee and case which checkpoints hold, and since when.")
        @OptionGroup var who: Who
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let (store, me) = try Training.open(global, who, l, traineeIfNew: false)
            try Training.requireTrainer(me, l)
            let rows = try Training.progress(store, me, l)
            if rows.isEmpty { Console.out(l.pick("Nog niemand is aan een oefencasus begonnen.\n", "Nobody has started a practice case yet.\n")); return }
            for row in rows {
                let held = row.results.filter(\.holds).count
                Console.out("\(row.copy.trainee)  \(row.copy.caseId)  \(held)/\(row.results.count)\n")
                for r in row.results {
                    let since = r.since.map { " " + l.pick("sinds", "since") + " " + $0.localDate.dutch + " " + $0.localTime } ?? ""
                    Console.out("    \(r.holds ? "✓" : "·") \(r.checkpoint.text.text(l))\(since)\n")
                }
            }
        }
    }

    struct Show: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Voor de trainer: de kopie van een cursist, alleen lezen. / For the trainer: a trainee's copy, read only.")
        @Argument(help: "De casus. / The case.") var practice: String
        @Argument(help: "De cursist. / The trainee.") var trainee: String
        @OptionGroup var who: Who
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let practice = try Training.find(self.practice, l)
            let (store, me) = try Training.open(global, who, l, traineeIfNew: false)
            try Training.requireTrainer(me, l)
            let id = try Training.copy(of: practice, for: trainee, in: store, l)
            let file = try StoreAccess.reporting(l) { try store.viewCaseFile(id, by: me.actor, action: "practice.show") }
            let today = try ProgramClock.today()
            let rules = try StoreAccess.reporting(l) { try store.rules() }
            if case .success(let overview) = rules.overview(of: file, on: today) {
                Console.out(OverviewReport.text(overview, file: file, language: l))
            }
            let results = try StoreAccess.reporting(l) { try store.practiceResults(practice, household: id, today: today) }
            Console.out("\n" + Training.text(practice, results, feedback: try StoreAccess.reporting(l) { try store.practiceFeedback(household: id) }, l))
        }
    }

    struct Feedback: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "feedback", abstract: "Voor de trainer: feedback die de cursist bij de casus ziet. / For the trainer: feedback the trainee sees with the case.")
        @Argument(help: "De casus. / The case.") var practice: String
        @Argument(help: "De cursist. / The trainee.") var trainee: String
        @Argument(help: "De feedback. / The feedback.") var text: String
        @OptionGroup var who: Who
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let practice = try Training.find(self.practice, l)
            let (store, me) = try Training.open(global, who, l, traineeIfNew: false)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                Console.error(l.pick("De feedback is leeg. Schrijf wat de cursist moet lezen.", "The feedback is empty. Write what the trainee should read."))
                throw Failure(status: Exit.usage)
            }
            let id = try Training.copy(of: practice, for: trainee, in: store, l)
            try StoreAccess.reporting(l) { try store.addPracticeFeedback(household: id, text: text, by: me.actor) }
            Console.out(l.pick("Feedback voor \(trainee) bij \(practice.id) bewaard.\n", "Feedback for \(trainee) on \(practice.id) saved.\n"))
        }
    }

    struct Report: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "report", abstract: "De voortgang van de groep als JSON. / The group's progress as JSON.")
        @Flag(help: "Als JSON (standaard). / As JSON (the default).") var json = false
        @OptionGroup var who: Who
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let (store, me) = try Training.open(global, who, l, traineeIfNew: false)
            try Training.requireTrainer(me, l)
            let rows = try Training.progress(store, me, l)
            Console.out(JSONWriter.write(.object(["practice": .bool(true), "copies": .array(rows.map { row in
                .object(["trainee": .string(row.copy.trainee), "case": .string(row.copy.caseId), "household": .string(row.copy.householdId),
                         "startedAt": .string(row.copy.startedAt.iso),
                         "held": .number(String(row.results.filter(\.holds).count)), "checkpoints": .number(String(row.results.count)),
                         "results": Training.json(row.results, feedback: row.feedback, l)])
            })])) + "\n")
        }
    }
}

extension TrainCommand {
    struct Lesson: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "lesson",
            abstract: "Voor de teamleider: een gesloten huishouden als geanonimiseerde oefencasus. / For the team leader: a closed household as an anonymised practice case.",
            discussion: """
            Namen, adressen, BSN's, IBAN's en vrije teksten worden vervangen; bedragen, besluiten en uitkomsten blijven, en alle \
            data schuiven evenveel dagen op zodat de casus op \(PracticeLesson.start.dutch) begint. Het bestand komt nooit over een \
            bestaand bestand heen.
            Names, addresses, BSNs, IBANs and free texts are replaced; amounts, decisions and outcomes stay, and every date moves \
            by the same number of days so the case starts on \(PracticeLesson.start.iso). The file never replaces an existing one.
            """)
        @Argument(help: "Het gesloten huishouden. / The closed household.") var household: String
        @Option(help: ArgumentHelp("Wat het team leerde (bijvoorbeeld een regel die een goede uitkomst blokkeerde). / What the team learned.", valueName: "text"))
        var note: String
        @Option(help: ArgumentHelp("Hetzelfde in het Engels (standaard de Nederlandse tekst). / The same in English.", valueName: "text"))
        var noteEn: String?
        @Option(help: ArgumentHelp("De titel. / The title.", valueName: "text")) var title: String?
        @Option(help: ArgumentHelp("Het id van de casus. / The case's id.", valueName: "id")) var id: String?
        @Option(name: .shortAndLong, help: ArgumentHelp("Het bestand. / The file.", valueName: "file")) var output: String
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                Console.error(l.pick("--note is leeg: schrijf wat het team van deze casus leerde.", "--note is empty: write what the team learned from this case."))
                throw Failure(status: Exit.usage)
            }
            guard !FileManager.default.fileExists(atPath: output) else {
                Console.error(l.pick("\(output) bestaat al; kies een nieuwe naam. Er is niets geschreven.", "\(output) already exists; choose a new name. Nothing was written."))
                throw Failure(status: Exit.usage)
            }
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global)
            guard me.role == .teamleader else {
                try StoreAccess.reporting(l) { throw StoreError.notAllowed(user: me.user, role: me.role, action: .makeLesson) }
                return
            }
            let rows = try StoreAccess.reporting(l) { try store.householdRows(household) }
            guard rows.record.isClosed else {
                Console.error(l.pick("\(household) is nog open. Alleen een gesloten huishouden wordt een oefencasus; sluit het eerst af.",
                                     "\(household) is still open. Only a closed household becomes a practice case; close it first."))
                throw Failure(status: Exit.usage)
            }
            let file = try StoreAccess.reporting(l) { try store.viewCaseFile(household, by: me.actor, action: "practice.lesson") }
            let today = try ProgramClock.today()
            let lessonId = id ?? "les-\(today.iso)"
            let json = PracticeLesson.make(from: file, id: lessonId, note: LocalText(nl: note, en: noteEn ?? note),
                                           title: LocalText(nl: title ?? "Les uit de praktijk", en: title ?? "A lesson from practice"))
            // It must read as a practice case, or it is not written.
            if case .failure(let rejection) = PracticeCaseReader.read(json) {
                for p in rejection.problems { Console.error("\(p.path): \(p.kind.message(in: l))") }
                throw Failure(status: Exit.badData)
            }
            try OutputFile.write(JSONWriter.write(json) + "\n", to: output, language: l)
            Console.out(l.pick("Oefencasus \(lessonId) geschreven naar \(output).\n", "Practice case \(lessonId) written to \(output).\n"))
        }
    }
}

/// The practice cases shipped in `training/` and what the commands share.
enum Training {
    /// Where the practice cases are: `KEUKENTAFEL_TRAINING`, beside the package, or `./training`.
    static func locate() -> String? {
        if let set = ProcessInfo.processInfo.environment["KEUKENTAFEL_TRAINING"], !set.isEmpty { return set }
        guard let samples = SampleData.locate() else { return nil }
        let beside = URL(fileURLWithPath: samples).deletingLastPathComponent().appendingPathComponent("training").path
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// Every practice case of the folder, easy first; a file that does not read stops with its problems (65).
    static func catalogue(_ l: Language, quiet: Bool = false) throws -> [PracticeCase] {
        guard let folder = locate() else {
            if quiet { return [] }
            Console.error(l.pick("De oefencasussen (training/) zijn niet gevonden. Zet KEUKENTAFEL_TRAINING op de map.",
                                 "The practice cases (training/) were not found. Set KEUKENTAFEL_TRAINING to the folder."))
            throw Failure(status: Exit.storage)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        if quiet { return names.compactMap { try? read(folder + "/" + $0, l, quiet: true) }.sorted { ($0.level, $0.id) < ($1.level, $1.id) } }
        return try names.map { try read(folder + "/" + $0, l) }.sorted { ($0.level, $0.id) < ($1.level, $1.id) }
    }

    static func read(_ path: String, _ l: Language, quiet: Bool = false) throws -> PracticeCase {
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error(l.pick("\(path) is niet te lezen.", "\(path) cannot be read."))
            throw Failure(status: Exit.storage)
        }
        switch PracticeCaseReader.read(text: String(decoding: data, as: UTF8.self)) {
        case .success(let c): return c
        case .failure(let rejection):
            if !quiet { for p in rejection.problems { Console.error("\(path): \(p.path.isEmpty ? "" : p.path + ": ")\(p.kind.message(in: l))") } }
            throw Failure(status: Exit.badData)
        }
    }

    /// A case by its id, or a file of one.
    static func find(_ name: String, _ l: Language) throws -> PracticeCase {
        if name.hasSuffix(".json") { return try read(name, l) }
        let cases = try catalogue(l)
        guard let found = cases.first(where: { $0.id == name }) else {
            Console.error(l.pick("Er is geen oefencasus \(name). De casussen: \(cases.map(\.id).joined(separator: ", ")).",
                                 "There is no practice case \(name). The cases: \(cases.map(\.id).joined(separator: ", ")).")); throw Failure(status: Exit.usage)
        }
        return found
    }

    /// The practice store (`--store` or KEUKENTAFEL_STORE; never the real default) and who works on it.
    static func open(_ global: GlobalOptions, _ who: TrainCommand.Who, _ l: Language, traineeIfNew: Bool) throws -> (Store, StaffMember) {
        guard let path = global.store ?? ProcessInfo.processInfo.environment["KEUKENTAFEL_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            Console.error(l.pick("Noem de oefenopslag met --store PAD (een oefenopslag, nooit de echte).",
                                 "Name the practice store with --store PATH (a practice store, never the real one)."))
            throw Failure(status: Exit.usage)
        }
        guard let samples = SampleData.locate() else {
            Console.error(l.pick("De voorbeelddata (sample-data/) is niet gevonden.", "The sample data (sample-data/) was not found."))
            throw Failure(status: Exit.storage)
        }
        let clock = try ProgramClock.make()
        let store = try StoreAccess.reporting(l) { try DemoCommand.practiceStore(at: path, sampleData: samples, clock: clock) }
        let user = who.user ?? OSUser.current
        return (store, try StoreAccess.reporting(l) {
            if let member = try store.staff().first(where: { $0.user == user }) { return member }
            guard traineeIfNew, let leader = try store.staff().first(where: { $0.role == .teamleader }) else {
                throw StoreError.unknownUser(user: user, path: store.location.path)
            }
            let member = StaffMember(user: user, name: user, role: .caseworker, team: leader.team)
            try store.addStaff(member, by: leader.actor)
            return member
        })
    }

    /// The household of `trainee`'s copy of `practice`; a sentence and 64 when there is none.
    static func copy(of practice: PracticeCase, for trainee: String, in store: Store, _ l: Language) throws -> String {
        try StoreAccess.reporting(l) {
            let id = Store.practiceCopyId(caseId: practice.id, trainee: trainee)
            guard try store.practiceCopy(household: id) != nil else { throw StoreError.practiceNotStarted(caseId: practice.id, trainee: trainee) }
            return id
        }
    }

    static func requireTrainer(_ me: StaffMember, _ l: Language) throws {
        guard me.role == .trainer || me.role == .teamleader else {
            Console.error(l.pick("Dit overzicht is voor trainers en teamleiders; \(me.user) is \(me.role.dutchName).",
                                 "This view is for trainers and team leaders; \(me.user) is a \(me.role.rawValue)."))
            throw Failure(status: Exit.usage)
        }
    }

    struct Row { let copy: PracticeCopy; let results: [PracticeCheckResult]; let feedback: [PracticeFeedback] }

    /// Every copy checked now (which records the check), by case and trainee.
    static func progress(_ store: Store, _ me: StaffMember, _ l: Language) throws -> [Row] {
        let cases = Dictionary(try catalogue(l).map { ($0.id, $0) }) { a, _ in a }
        let today = try ProgramClock.today()
        return try StoreAccess.reporting(l) {
            try store.practiceCopies().compactMap { copy in
                guard let practice = cases[copy.caseId] else { return nil }
                return Row(copy: copy, results: try store.checkPractice(practice, household: copy.householdId, today: today, by: me.actor),
                           feedback: try store.practiceFeedback(household: copy.householdId))
            }
        }
    }

    static func text(_ practice: PracticeCase, _ results: [PracticeCheckResult], feedback: [PracticeFeedback], _ l: Language) -> String {
        var out = "\(practice.title.text(l))\n"
        for r in results {
            out += "  \(r.holds ? "✓" : "·") \(r.checkpoint.text.text(l))\n"
        }
        out += l.pick("\(results.filter(\.holds).count) van \(results.count) controlepunten kloppen.\n",
                      "\(results.filter(\.holds).count) of \(results.count) checkpoints hold.\n")
        for f in feedback {
            out += l.pick("Feedback van \(f.trainer) (\(f.at.localDate.dutch)): \(f.text)\n", "Feedback from \(f.trainer) (\(f.at.localDate.dutch)): \(f.text)\n")
        }
        return out
    }

    static func json(_ results: [PracticeCheckResult], feedback: [PracticeFeedback], _ l: Language) -> JSONValue {
        .object(["checkpoints": .array(results.map { r in
            .object(["id": .string(r.checkpoint.id), "text": .string(r.checkpoint.text.text(l)), "holds": .bool(r.holds),
                     "since": r.since.map { .string($0.iso) } ?? .null])
        }), "feedback": .array(feedback.map { .object(["at": .string($0.at.iso), "trainer": .string($0.trainer), "text": .string($0.text)]) })])
    }
}
