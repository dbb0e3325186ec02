import ArgumentParser
import CaseStore
import Casework
import Foundation

/// `keukentafel report [--from DATE --to DATE] [--csv FILE | --json]`: what the practice
/// yields, the same figures as the dashboard.
struct ReportCommand: ContractCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Wat de maatwerkpraktijk oplevert (als het dashboard). / What the practice yields (as the dashboard)."
    )

    @Option(name: .long, help: ArgumentHelp("Vanaf (JJJJ-MM-DD; standaard 1 januari van dit jaar).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Tot en met (JJJJ-MM-DD; standaard vandaag).", valueName: "date"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Team (standaard uw eigen team; 'alle' voor alle teams).", valueName: "team"))
    var team: String?

    @Option(name: .long, help: ArgumentHelp("Schrijf CSV naar dit bestand. / Write CSV to this file.", valueName: "file"))
    var csv: String?

    @Flag(name: .long, help: "JSON op de uitvoer. / JSON on standard output.")
    var json = false

    @OptionGroup var demo: DemoIdentity
    @OptionGroup var global: GlobalOptions

    func execute(_ l: Language) throws {
        let today = try ProgramClock.today()
        func date(_ text: String?, _ fallback: CalendarDate, _ name: String) throws -> CalendarDate {
            guard let text else { return fallback }
            guard let d = CalendarDate(iso: text) else {
                Console.error(l.pick("--\(name) \(text) is geen datum (verwacht JJJJ-MM-DD).", "--\(name) \(text) is not a date (expected YYYY-MM-DD)."))
                throw Failure(status: Exit.usage)
            }
            return d
        }
        let start = try date(from, CalendarDate(year: today.year, month: 1, day: 1)!, "from")
        let end = try date(to, today, "to")
        let (store, me) = try StoreAccess.openRealOrDemoAsStaff(global, demoUser: demo.user)
        let teamFilter: String? = team == "alle" || team == "all" ? nil : (team ?? (me.team.isEmpty ? nil : me.team))
        let report = try StoreAccess.reporting(l) {
            try store.practiceReport(team: teamFilter, from: start, to: end, now: PracticeReport.endOfDay(today))
        }
        // Vroegsignalering over the same period (every team: signals come in for the municipality).
        let signals = SignalFigures.compute(try StoreAccess.reporting(l) { try store.signalDelivery(from: start, to: end) })
        // Practice figures say so wherever they go, so they are never taken for the real ones.
        let practice = store.kind == .demo
        if let csv {
            try OutputFile.write((practice ? "# DEMO — oefengegevens, geen echte cijfers\n" : "") + ReportCSV.text(report), to: csv, language: l)
        }
        if json || csv == nil {
            if json {
                var object = report.json
                if case .object(var o) = object {
                    o["signals"] = signals.json
                    if practice { o["practice"] = .bool(true) }
                    object = .object(o)
                }
                Console.out(JSONWriter.write(object))
            } else {
                Console.out((practice ? l.pick("DEMO — oefengegevens, geen echte cijfers\n", "DEMO — practice data, not real figures\n") : "")
                            + ReportCSV.summary(report, l))
            }
        }
    }
}

/// The report as CSV (one figure per row, for a spreadsheet) and as a short text.
enum ReportCSV {
    static func text(_ r: PracticeReport) -> String {
        var rows = [["figure", "key", "count", "amount"]]
        rows.append(["grants", "all", String(r.grants.count), r.grants.total.plain])
        for route in Route.allCases { let t = r.byRoute[route] ?? .init(); rows.append(["route", route.rawValue, String(t.count), t.total.plain]) }
        for c in GrantCategory.allCases { if let t = r.byCategory[c] { rows.append(["category", c.rawValue, String(t.count), t.total.plain]) } }
        for w in r.byCaseworker.keys.sorted() { let t = r.byCaseworker[w]!; rows.append(["caseworker", w, String(t.count), t.total.plain]) }
        rows.append(["underMandate", "", String(r.underMandate), ""])
        for o in Evaluation.Outcome.allCases { rows.append(["shortTerm", o.rawValue, String(r.shortTerm[o] ?? 0), ""]) }
        for s in Evaluation.SocietalCost.allCases { rows.append(["societalCost", s.rawValue, String(r.societalCost[s] ?? 0), ""]) }
        rows.append(["unevaluated", "", String(r.unevaluated), ""])
        rows.append(["netAvoided", "", "", r.netAvoided.plain])
        rows.append(["paymentMedianHours", "", r.medianPaymentHours.map { PracticeReport.decimal($0) } ?? "", ""])
        rows.append(["paymentWithin24hShare", "", r.within24hShare.map { PracticeReport.decimal($0) } ?? "", ""])
        rows.append(["decisionMedianDays", "", r.medianDecisionDays.map { PracticeReport.decimal($0) } ?? "", ""])
        rows.append(["objections", "received", String(r.objections), ""])
        rows.append(["objections", "open", String(r.objectionsOpen), ""])
        for o in ObjectionOutcome.allCases { rows.append(["objectionOutcome", o.rawValue, String(r.objectionOutcomes[o] ?? 0), ""]) }
        rows.append(["objections", "newDecision", String(r.objectionsWithNewDecision), ""])
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func field(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func summary(_ r: PracticeReport, _ l: Language) -> String {
        l.pick("\(r.from.dutch) t/m \(r.to.dutch): \(r.grants.count) toekenningen, samen \(r.grants.total.dutch); vermeden kosten min bijstand \(r.netAvoided.dutch); \(r.unevaluated) nog niet geëvalueerd.\n",
               "\(r.from.iso) to \(r.to.iso): \(r.grants.count) grants, together \(r.grants.total.dutch); costs avoided minus grants \(r.netAvoided.dutch); \(r.unevaluated) not yet evaluated.\n")
    }
}
