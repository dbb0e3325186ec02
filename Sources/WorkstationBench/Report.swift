import Foundation

/// The benchmark's figures as a plain-text table, each next to its budget.
public enum Report {
    public static func table(_ figures: [Figure], factor: Double = 1) -> String {
        let header = ["measure", "households", "median", "p99", "max", "budget", ""]
        var rows: [[String]] = [header]
        for f in figures {
            let number: (Double) -> String = { v in
                v.isNaN ? "—" : (f.unit == "ms" || f.unit == "×" || f.unit == "MB" || f.unit == "%" ? String(format: "%.2f", v) : String(format: "%.0f", v))
            }
            let budget = f.budget.map { "\(f.statistic == .value || f.statistic == .max ? "" : f.statistic.rawValue + " ")\(f.atLeast ? "≥" : "≤") \(number($0)) \(f.unit)" } ?? "—"
            let verdict = f.budget == nil ? "" : (f.within(factor: factor) ? "ok" : "OVER")
            rows.append([f.name, "\(f.households)", number(f.samples.median) + " " + f.unit, number(f.samples.p99) + " " + f.unit,
                         number(f.samples.max) + " " + f.unit, budget, verdict])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
