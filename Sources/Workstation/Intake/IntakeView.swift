import CaseStore
import Casework
import Terminal

/// The intake drawn: per line its label (the role a person will have), the field, and
/// under it what was read — or, once the line was left, what is wrong with it, whole.
enum IntakeView {
    static let labelWidth = 13

    static func label(_ row: IntakeState.Row, _ s: IntakeState, _ ctx: ScreenContext) -> String {
        let l = ctx.l
        switch row {
        case .applicant: return l.pick("Aanvrager", "Applicant")
        case .address: return l.pick("Adres", "Address")
        case .name: return l.pick("Naam huish.", "Household")
        case .person(let i):
            if s.persons[i].text.isEmpty { return l.pick("Persoon \(i + 2)", "Person \(i + 2)") }
            let role = s.intake.roles(today: ctx.today)[i].name(in: l)
            return role.prefix(1).uppercased() + role.dropFirst()
        }
    }

    /// What the line says, read: the parts, each checked; nil when there is nothing to read yet.
    static func readBack(_ row: IntakeState.Row, _ s: IntakeState, _ ctx: ScreenContext) -> String? {
        let l = ctx.l
        let text = s.field(row).text
        switch row {
        case .applicant, .person:
            guard !text.isEmpty else {
                return row == s.focus ? l.pick("naam, geboortedatum, eventueel BSN", "name, birth date, BSN if known")
                    + (row == .applicant ? "" : l.pick(" — Ctrl-R kiest de rol", " — Ctrl-R picks the role")) : nil
            }
            let p = PersonLine.read(text, today: ctx.today)
            var parts = [p.name.isEmpty ? "?" : p.name]
            if let born = p.birthDate { parts.append(born.dutch + l.pick(" (\(born.age(on: ctx.today)) jaar)", " (age \(born.age(on: ctx.today)))")) }
            if let bsn = p.bsn { parts.append("BSN " + bsn.masked + l.pick(" klopt", " valid")) }
            return parts.joined(separator: " · ")
        case .address:
            guard !text.isEmpty else { return row == s.focus ? l.pick("straat huisnummer, postcode plaats", "street number, postcode city") : nil }
            let a = AddressLine.read(text)
            return [a.street, a.houseNumber + a.addition, a.postcode, a.city].map { $0.isEmpty ? "?" : $0 }.joined(separator: " · ")
        case .name:
            return text.isEmpty ? l.pick("leeg: ", "empty: ") + s.intake.householdName(today: ctx.today) : nil
        }
    }

    static func render(_ s: IntakeState, ctx: ScreenContext, into buffer: inout ScreenBuffer, area: Rect, buttons: [KeyHint]) {
        let l = ctx.l
        let (top, rest) = area.splitTop(2)
        buffer.put(l.pick("Nieuw huishouden — wie wonen er?", "New household — who lives there?"), x: top.x + 1, y: top.y, role: .title)
        let fieldX = rest.x + 1 + labelWidth
        let fieldWidth = max(20, min(72, rest.width - labelWidth - 3))
        let textWidth = rest.maxX - fieldX - 1
        // Each line: the field, then what was read or what is wrong (as many lines as it takes).
        var blocks: [(row: IntakeState.Row, lines: [(String, StyleRole)])] = []
        for row in s.rows {
            var lines: [(String, StyleRole)] = []
            let problems = s.showsProblems(row) ? s.problems(row, today: ctx.today) : []
            if problems.isEmpty {
                if let read = readBack(row, s, ctx) { lines += TextWrap.wrap(read, width: textWidth).map { ($0, .dim) } }
            } else {
                for p in problems { lines += TextWrap.wrap(p.message(in: l), width: textWidth).map { ($0, .error) } }
            }
            blocks.append((row, lines))
        }
        // From the top while the line being typed fits; else it is the last one shown.
        let heights = blocks.map { 1 + $0.lines.count }
        let focusIndex = blocks.firstIndex { $0.row == s.focus } ?? 0
        var first = 0
        while first < focusIndex && heights[first...focusIndex].reduce(0, +) > rest.height { first += 1 }
        var y = rest.y
        for block in blocks[first...] {
            guard y < rest.maxY else { break }
            let focused = block.row == s.focus && s.duplicates == nil && !s.confirmLeave
            let wrong = s.showsProblems(block.row) && !s.problems(block.row, today: ctx.today).isEmpty
            buffer.put(label(block.row, s, ctx), x: rest.x + 1, y: y, width: labelWidth - 1, role: focused ? .keyName : .normal)
            s.field(block.row).render(into: &buffer, rect: Rect(x: fieldX, y: y, width: fieldWidth, height: 1), focused: focused,
                                      error: wrong ? "!" : nil)
            y += 1
            for (text, role) in block.lines where y < rest.maxY {
                buffer.put(text, x: fieldX, y: y, width: textWidth, role: role)
                y += 1
            }
        }
        if let found = s.duplicates {
            let list = found.enumerated().map { (i, d) in (i == s.duplicateSelected ? "› " : "  ") + d.sentence(in: l) }.joined(separator: "\n")
            Dialog(title: l.pick("Dit gezin is mogelijk al bekend", "This family may be known already"),
                   message: l.pick("Voor het opslaan gevonden (↑ ↓ kiest):", "Found before saving (↑ ↓ chooses):") + "\n" + list,
                   buttons: buttons, maxWidth: 78).render(into: &buffer, bounds: area)
        } else if s.confirmLeave {
            Dialog(title: l.pick("Inname niet opgeslagen", "Intake not saved"),
                   message: l.pick("Wat u typte is nog geen huishouden. Bewaren als concept, weggooien, of verder typen?",
                                   "What you typed is not a household yet. Keep it as a draft, throw it away, or keep typing?"),
                   buttons: buttons).render(into: &buffer, bounds: area)
        }
    }
}
