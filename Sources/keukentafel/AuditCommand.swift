import ArgumentParser
import CaseStore
import Casework

/// `keukentafel audit verify|show`: the audit trail, for team leaders.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Het auditlogboek (alleen teamleiders). / The audit trail (team leaders only).",
        subcommands: [Verify.self, Show.self]
    )

    struct Verify: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Controleer de hele keten van het auditlogboek. / Check the whole chain of the audit trail.",
            discussion: """
            Uitkomst 0: de keten is heel; 65: de eerste regel die niet past wordt genoemd. \
            Exit 0: the chain is whole; 65: the first row that does not fit is named.
            """
        )

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global)
            let result = try StoreAccess.reporting(l) { try store.verifyAuditTrail(by: me.actor) }
            switch result {
            case .intact(let rows, let lastHash):
                Console.out(l.pick("ok, \(rows) \(rows == 1 ? "regel" : "regels")\n", "ok, \(rows) \(rows == 1 ? "row" : "rows")\n"))
                if let lastHash { Console.out(l.pick("laatste hash: \(lastHash)\n", "last hash: \(lastHash)\n")) }
            case .broken(let found):
                Console.error(Self.describe(found, l))
                throw Failure(status: Exit.badData)
            }
        }

        /// The first row that does not fit, named by id, time, user and action.
        static func describe(_ found: AuditBreak, _ l: Language) -> String {
            let head = l.pick("Het auditlogboek is niet intact: ", "The audit trail is not intact: ")
            let row = found.entry.map { e in
                // the row named is the one tampered with: its texts are shown, never obeyed
                let (at, user, action) = (ShownText.printable(e.at), ShownText.printable(e.user), ShownText.printable(e.action))
                return l.pick("regel \(e.id) (\(at), \(user), \(action))", "row \(e.id) (\(at), \(user), \(action))")
            } ?? ""
            func rows(_ from: Int64, _ to: Int64) -> String {
                from == to ? l.pick("regel \(from)", "row \(from)")
                    : l.pick("de regels \(from) tot en met \(to)", "rows \(from) to \(to)")
            }
            let text: String
            switch found.reason {
            case .changed:
                text = l.pick("\(row) is na het schrijven gewijzigd.", "\(row) was changed after it was written.")
            case .unlinked:
                text = l.pick("\(row) sluit niet aan op de regel ervoor: die is gewijzigd of verwijderd, of deze is ertussen gezet.",
                              "\(row) does not link to the row before it: that row was changed or removed, or this one was put in between.")
            case .missing(let from, let to):
                text = l.pick("vóór \(row) \(from == to ? "ontbreekt" : "ontbreken") \(rows(from, to)).",
                              "before \(row), \(rows(from, to)) \(from == to ? "is" : "are") missing.")
            case .cutOff(let to):
                if found.entry == nil {
                    text = l.pick("alle regels (\(rows(1, to))) ontbreken.", "every row (\(rows(1, to))) is missing.")
                } else {
                    let from = (found.entry?.id ?? 0) + 1
                    text = l.pick("na \(row) \(from == to ? "ontbreekt" : "ontbreken") \(rows(from, to)): het einde is afgeknipt.",
                                  "after \(row), \(rows(from, to)) \(from == to ? "is" : "are") missing: the end was cut off.")
                }
            }
            return head + text
        }
    }

    struct Show: ContractCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Wie een huishouden bekeek en wijzigde, oudste eerst. / Who viewed and changed a household, oldest first.",
            discussion: "Ook dit inzien komt in het auditlogboek. / This look is recorded in the audit trail too."
        )

        @Argument(help: "Het id van het huishouden. / The household id.")
        var id: String

        @OptionGroup var global: GlobalOptions

        func execute(_ l: Language) throws {
            let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global)
            let rows: [AuditEntry]
            do {
                rows = try store.showAuditTrail(household: id, by: me.actor)
            } catch StoreError.householdNotFound {
                Console.error(l.pick("Huishouden \(id) bestaat niet in deze opslag en komt niet voor in het auditlogboek.",
                                     "Household \(id) does not exist in this store and does not occur in the audit trail."))
                throw Failure(status: Exit.usage)
            } catch let error as StoreError {
                Console.error(error.message(in: l))
                throw Failure(status: StoreAccess.status(of: error))
            }
            Console.out(Self.table(rows, household: id, l))
        }

        /// Time, user, action and detail, one row a line, in columns.
        static func table(_ rows: [AuditEntry], household: String, _ l: Language) -> String {
            let userWidth = max(l.pick("gebruiker", "user").count, rows.map(\.user.count).max() ?? 0)
            let actionWidth = max(l.pick("actie", "action").count, rows.map(\.action.count).max() ?? 0)
            let timeWidth = max(l.pick("tijd", "time").count, rows.map(\.at.count).max() ?? 0)
            func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
            func line(_ time: String, _ user: String, _ action: String, _ detail: String) -> String {
                let text = pad(time, timeWidth) + "  " + pad(user, userWidth) + "  " + pad(action, actionWidth) + "  " + detail
                return String(text.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
            }
            var out = l.pick("Auditlogboek van \(household), oudste eerst (\(rows.count) \(rows.count == 1 ? "regel" : "regels")):\n",
                             "Audit trail of \(household), oldest first (\(rows.count) \(rows.count == 1 ? "row" : "rows")):\n")
            out += line(l.pick("tijd", "time"), l.pick("gebruiker", "user"), l.pick("actie", "action"), l.pick("details", "detail"))
            for row in rows {
                out += line(ShownText.printable(row.at), ShownText.printable(row.user), ShownText.printable(row.action),
                            ShownText.printable(row.detail))
            }
            return out
        }

    }
}
