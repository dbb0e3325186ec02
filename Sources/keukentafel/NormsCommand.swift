import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel norms add FILE | list`: the norm tables (docs/rules.md, "The norm tables").
/// The shipped ones come with the program; a team leader adds a newer one without a release.
struct NormsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "norms",
        abstract: "De normtabellen van de bijstand. / The social-assistance norm tables.",
        subcommands: [Add.self, List.self]
    )

    struct Add: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Voeg een nieuwe normtabel toe (alleen teamleiders). / Add a new norm table (team leaders only).",
            discussion: """
            Het bestand heeft het formaat keukentafel-norms/1 (docs/rules.md): validFrom, source en een bedrag voor \
            elke categorie. Een tabel die een categorie mist, een datum die er al is of een bedrag dat meer dan 10% lager \
            of 25% hoger is dan in de tabel ervoor, wordt geweigerd (exit 65) en er verandert niets.
            """
        )

        @Argument(help: "Een normtabel (JSON, keukentafel-norms/1). / A norm table (JSON).")
        var file: String

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let table = try CaseFileLoading.loadSettings(path: file, language: l, NormTableFile.read)
            let (store, me) = try StoreAccess.openAsStaff(global)
            try StoreAccess.reporting(l) { try store.addNormTable(table, file: file, by: me.actor) }
            Console.out(l.pick("Normtabel vanaf \(table.validFrom.dutch) toegevoegd; hij geldt voor elke berekening vanaf die dag.\n",
                               "Norm table from \(table.validFrom.iso) added; it applies to every computation from that day.\n"))
        }
    }

    struct List: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Toon de normtabellen en welke nu geldt. / List the norm tables and which is in force."
        )

        @Flag(name: .long, help: "Als JSON: een lijst van keukentafel-norms/1-objecten. / As JSON: a list of norm table objects.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, _) = try StoreAccess.openAsStaff(global)
            let rules = try StoreAccess.reporting(l) { try store.rules() }
            let today = store.clock.today
            if json {
                Console.out(JSONWriter.write(.array(rules.normTables.tables.map(NormTableFile.json))))
                return
            }
            let inForce = try? rules.normTables.table(on: today).get()
            var out = ""
            let raiseName = l.pick("verhoging 18–20 zonder steun ouders (art. 20 lid 3)", "raise 18–20 without parental help (art. 20(3))")
            let width = (NormCategory.allCases.map { $0.name(in: l).count } + [raiseName.count]).max()! + 2
            for table in rules.normTables.tables {
                let mark = table.validFrom == inForce?.validFrom ? l.pick(" ← geldt nu", " ← in force") : ""
                out += l.pick("vanaf ", "from ") + table.validFrom.dutch + mark + "\n"
                out += "  " + table.source + "\n"
                for category in NormCategory.allCases {
                    let name = category.name(in: l)
                    out += "  " + name + String(repeating: " ", count: max(1, width - name.count))
                        + table.norm(for: category).dutch.rightAligned(12) + "\n"
                }
                if let raise = table.youthRaise {
                    let name = l.pick("verhoging 18–20 zonder steun ouders (art. 20 lid 3)", "raise 18–20 without parental help (art. 20(3))")
                    out += "  " + name + String(repeating: " ", count: max(1, width - name.count)) + raise.dutch.rightAligned(12) + "\n"
                }
                out += "\n"
            }
            let ages = rules.policy(on: today).policy.pensionAges
            out += l.pick("Pensioenleeftijd (AOW)", "Pension age (AOW)") + "\n"
            for age in ages.ages { out += "  " + l.pick("vanaf ", "from ") + age.from.dutch + ": " + age.text(in: l) + "\n" }
            Console.out(out)
        }
    }
}

extension String {
    /// Right-aligned in `width` columns (figures line up in a listing).
    func rightAligned(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
