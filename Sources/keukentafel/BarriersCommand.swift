import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel barriers add|list`: the register of rule barriers — where a rule or a
/// system blocked the right outcome, which case, what it cost (docs/training.md). The
/// dashboard lists them by rule, for the municipality's policy evaluation.
struct BarriersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "barriers",
        abstract: "Het register van regels die een goede uitkomst blokkeerden. / The register of rules that blocked a good outcome.",
        subcommands: [Add.self, List.self],
        defaultSubcommand: List.self
    )

    struct Add: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Leg een belemmering vast. / Record a barrier.")
        @Option(help: ArgumentHelp("Welke regel of welk systeem, bijvoorbeeld 'Pw art. 13 lid 1 (geen bijstand voor studenten)'. / Which rule or system.", valueName: "text"))
        var rule: String
        @Option(help: ArgumentHelp("Wat er gebeurde en wat de goede uitkomst was geweest. / What happened and what the right outcome would have been.", valueName: "text"))
        var what: String
        @Option(help: ArgumentHelp("Het huishouden (optioneel). / The household (optional).", valueName: "id"))
        var household: String?
        @Option(help: ArgumentHelp("Wat het kostte, in euro's (optioneel), bijvoorbeeld 1.250,00. / What it cost, in euros (optional).", valueName: "amount"))
        var cost: String?
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            var amount: Money?
            if let cost {
                switch AmountParser.parseTyped(cost) {
                case .success(let m): amount = m
                case .failure:
                    Console.error(l.pick("--cost \(cost) is geen bedrag. Schrijf het als 1.250,00 of 1250.", "--cost \(cost) is not an amount. Write it as 1250.00 or 1,250.00."))
                    throw Failure(status: Exit.usage)
                }
            }
            guard !rule.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                Console.error(l.pick("Noem de regel (--rule) en wat er gebeurde (--what).", "Name the rule (--rule) and what happened (--what)."))
                throw Failure(status: Exit.usage)
            }
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global)
            let id = try StoreAccess.reporting(l) { try store.recordRuleBarrier(rule: rule, household: household, what: what, cost: amount, by: me.actor) }
            Console.out(l.pick("Belemmering \(id) vastgelegd.\n", "Barrier \(id) recorded.\n"))
        }
    }

    struct List: ContractCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Alle belemmeringen, per regel. / Every barrier, by rule.")
        @Flag(help: "Als JSON. / As JSON.") var json = false
        @OptionGroup var global: GlobalOptions
        func execute(_ l: Language) throws {
            let (store, _) = try StoreAccess.openRealOrDemoAsStaff(global)
            let tallies = try StoreAccess.reporting(l) { try store.ruleBarrierTallies() }
            let all = try StoreAccess.reporting(l) { try store.ruleBarriers() }
            if json {
                Console.out(JSONWriter.write(.object([
                    "byRule": .array(tallies.map { .object(["rule": .string($0.rule), "count": .number(String($0.count)), "cost": .string($0.cost.plain)]) }),
                    "barriers": .array(all.map { b in
                        .object(["id": .number(String(b.id)), "rule": .string(b.rule), "household": b.householdId.map { .string($0) } ?? .null,
                                 "what": .string(b.what), "cost": b.cost.map { .string($0.plain) } ?? .null,
                                 "recordedBy": .string(b.recordedBy), "recordedAt": .string(b.recordedAt.iso)])
                    }),
                ])) + "\n")
                return
            }
            if tallies.isEmpty { Console.out(l.pick("Nog geen belemmeringen vastgelegd.\n", "No barriers recorded yet.\n")); return }
            for t in tallies {
                Console.out("\(t.rule): \(t.count)× · \(l == .nl ? t.cost.dutch : t.cost.plain)\n")
                for b in all where b.rule == t.rule {
                    Console.out("    \(b.recordedAt.localDate.dutch) \(b.recordedBy)\(b.householdId.map { " · \($0)" } ?? ""): \(b.what)\(b.cost.map { " (\(l == .nl ? $0.dutch : $0.plain))" } ?? "")\n")
                }
            }
        }
    }
}
