import Testing
@testable import Casework

/// What is marked "Intern:" in a motivation stays out of the letter's prefilled reasons.
@Suite("Internal notes")
struct InternalNotesTests {
    @Test("From Intern: to the end of its line; a line that was only that goes; other text as it was", arguments: [
        ("Zonder opvang verliest Sanne haar baan. Intern: Sanne is erg moe.", "Zonder opvang verliest Sanne haar baan."),
        ("Eerste regel.\nINTERN: Dennis drinkt.\nDerde regel.", "Eerste regel.\nDerde regel."),
        ("Internal: only for us\nFor the resident.", "For the resident."),
        ("Geen interne notitie: internet is duur.", "Geen interne notitie: internet is duur."),   // "internet" is no marker
        ("Hélène (€ 240,00) heeft COPD.\n\nIntern:", "Hélène (€ 240,00) heeft COPD."),
        ("", ""),
    ])
    func removed(text: String, expected: String) {
        #expect(InternalNotes.removed(from: text) == expected)
    }
}
