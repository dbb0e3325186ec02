import CaseStore
import Casework
import Foundation
import Terminal
import Testing
@testable import Workstation

/// The part of the layout walk (LayoutTests) for a case from intake to closing: the
/// overview's forms on every item, the plan and its forms, the handover note, the intake
/// with its mistakes and the duplicate question, a closed household. Long values, diacritics,
/// `€` and a wide character throughout.
extension LayoutTests {
    static let longNote = "Anne-Marie belt liever na 16 uur; Mehmet werkt in ploegendienst. Sleutel bij de buren (nr. 1236). "
        + "Let op de beslaglegging van het CJIB: € 1.234,56 per maand tot maart."

    /// On the overview of hh-lang-0001, as its team leader.
    static func walkOverviewAndPlan(_ app: App, _ at: String) throws {
        Self.keys(app, .character("1"), .home)
        let items = HouseholdOverview.items(HouseholdOverview.rows(try #require(app.state.household), ctx: app.context(),
                                                                   width: app.state.size.width - 3))
        for (i, item) in items.enumerated() {
            Self.look(app, "overview item \(i + 1) \(item) \(at)")
            Self.keys(app, .enter)
            if app.state.household?.tab == .plan {
                Self.look(app, "plan from goal \(item) \(at)")
                Self.keys(app, .character("1"))
            } else {
                Self.look(app, "overview form \(item) \(at)", help: i == 0)
                Self.keys(app, .escape)
            }
            Self.keys(app, .down)
        }
        // a new member with a long name; removing one is asked first; assigning with a note
        Self.keys(app, .home, .down, .character("a"))
        Self.type(app, "Zoë-Louise Verheijen-De Koning-Van Oranje"); Self.keys(app, .tab); Self.type(app, "29-02-2024")
        Self.look(app, "member new \(at)")
        Self.keys(app, .tab, .character("a")); Self.keys(app, .function(2)); Self.look(app, "member second applicant refused \(at)")
        Self.keys(app, .escape, .down, .delete); Self.look(app, "member remove asked \(at)"); Self.keys(app, .escape)
        Self.keys(app, .character("o")); Self.type(app, longNote); Self.look(app, "assign \(at)", help: true); Self.keys(app, .escape)
        Self.keys(app, .character("s")); Self.keys(app, .function(2)); Self.look(app, "close refused \(at)"); Self.keys(app, .escape)

        // the plan: a goal and two actions with long texts, its forms, the review date, the print
        Self.keys(app, .character("5")); Self.look(app, "plan \(at)", help: true)
        Self.keys(app, .character("a")); Self.type(app, "Anne-Marie en Mehmet betalen de huur van € 1.234,56 weer elke maand op tijd, ook na de verhuizing")
        Self.keys(app, .tab, .character("h")); Self.type(app, "01-06-2027"); Self.look(app, "plan goal form \(at)")
        Self.keys(app, .function(2))
        Self.keys(app, .character("+")); Self.type(app, "Betalingsregeling met Parteon over de achterstand van € 2.345,67")
        Self.keys(app, .tab); Self.type(app, "Schuldhulpverlening Zaanstad (Kredietbank)"); Self.keys(app, .tab); Self.type(app, "20-11-2026")
        Self.look(app, "plan action form \(at)"); Self.keys(app, .function(2))
        Self.keys(app, .character("+")); Self.type(app, "王小明 gaat mee naar het gesprek"); Self.keys(app, .tab); Self.type(app, "王小明")
        Self.keys(app, .function(2)); Self.look(app, "plan with actions \(at)")
        Self.keys(app, .home, .enter); Self.type(app, "31-03-2027"); Self.look(app, "plan review form \(at)"); Self.keys(app, .function(2))
        Self.keys(app, .end, .delete); Self.look(app, "plan action remove asked \(at)"); Self.keys(app, .escape)
        Self.keys(app, .character("p")); Self.look(app, "plan printed \(at)")
        Self.keys(app, .character("1"))
    }

    /// From the caseload: the intake with mistakes, the duplicate question, saving anyway;
    /// closing the new household, the closed list, reopening it; the handover note.
    static func walkIntake(_ app: App, _ at: String) throws {
        Self.keys(app, .character("n")); Self.look(app, "intake empty \(at)", help: true)
        Self.type(app, "Anne-Marie van den Berg-Oudshoorn 29-02-1984 123456789"); Self.keys(app, .enter)
        Self.type(app, "Burgemeester van Walsum-Bijleveldweg 1234 K, 0506 EA Zaandam-Oost (Zaanstad)"); Self.keys(app, .enter)
        Self.type(app, "王小明 03-03-2015"); Self.keys(app, .enter)
        Self.type(app, "Zoë-Louise Verheijen-De Koning 12-12-2012"); Self.keys(app, .control("r"))
        Self.look(app, "intake typed \(at)")
        Self.keys(app, .function(2)); Self.look(app, "intake mistakes \(at)")
        // mend the BSN and the postcode
        Self.keys(app, .up, .up, .up, .end); for _ in 0..<10 { Self.keys(app, .backspace) }
        Self.keys(app, .down, .end); for _ in 0..<31 { Self.keys(app, .backspace) }
        Self.type(app, "1506 EA Zaandam-Oost (Zaanstad)"); Self.keys(app, .function(2))
        Self.look(app, "intake duplicates \(at)")
        Self.keys(app, .function(2))
        Self.look(app, "intake saved \(at)")
        let id = try #require(app.state.household?.id, "the intake did not land on the new household")
        // closing it: the form, then the closed list, the closed household, reopening
        Self.keys(app, .character("s")); Self.keys(app, .character("a")); Self.type(app, longNote); Self.look(app, "close form \(at)")
        Self.keys(app, .function(2)); Self.look(app, "closed, back on the caseload \(at)")
        while app.state.caseload.scope != .closed { Self.keys(app, .function(4)) }
        Self.look(app, "closed list \(at)")
        try #require(app.state.caseload.count == 1, "the closed household is not on the closed list: \(app.render().text)")
        try open(id, in: app)
        Self.look(app, "closed household \(at)", help: true)
        Self.keys(app, .character("r")); Self.look(app, "reopen asked \(at)"); Self.keys(app, .enter)
        // assigned to Roos with a note: what she sees on opening it
        Self.keys(app, .character("o"), .character("r")); Self.type(app, longNote); Self.keys(app, .function(2))
        Self.keys(app, .escape)
        while app.state.caseload.scope != .all { Self.keys(app, .function(4)) }
        while app.env.staff.user != "r.westra" { Self.keys(app, .function(9)) }
        try open(id, in: app)
        Self.look(app, "handover \(at)")
        Self.keys(app, .enter); Self.look(app, "handover read \(at)")
        Self.keys(app, .escape)
        while app.env.staff.user != "j.bakker" { Self.keys(app, .function(9)) }
        // an intake left halfway: the question
        Self.keys(app, .character("n")); Self.type(app, "Piet"); Self.keys(app, .escape); Self.look(app, "intake leave asked \(at)")
        Self.keys(app, .character("d"))
        while app.state.caseload.scope != .all { Self.keys(app, .function(4)) }
    }
}
