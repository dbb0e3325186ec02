import CaseStore
import Casework
import Terminal

/// What every screen has around it: the header with who is working where, and the notice
/// for a window that is too small.
enum Chrome {
    static func header(_ state: AppState, env: AppEnvironment, into buffer: inout ScreenBuffer, rect: Rect) {
        let l = env.l
        buffer.fill(rect, role: .statusBar)
        var x = rect.x + 1
        x += buffer.put("Keukentafel", x: x, y: rect.y, role: .title)
        let who = " · \(env.staff.name) (\(env.staff.role.name(in: l))\(env.staff.team.isEmpty ? "" : ", " + env.staff.team))"
        var right = rect.maxX - 1
        let badge = env.store.kind == .demo ? l.pick(" DEMO — oefengegevens ", " DEMO — practice data ") : ""
        // A read-only store is always marked, whatever else must give way: every attempt to
        // change something will be refused, and the user should know why before trying.
        let readOnly = env.store.isReadOnly ? l.pick(" alleen lezen ", " read-only ") : ""
        let marks = DisplayWidth.of(badge) + DisplayWidth.of(readOnly) + (readOnly.isEmpty ? 0 : 1)
        x += buffer.put(DisplayWidth.truncate(who, to: right - marks - 1 - x), x: x, y: rect.y, role: .statusBar)
        if !badge.isEmpty {
            right -= DisplayWidth.of(badge)
            buffer.put(badge, x: right, y: rect.y, role: .demoBadge)
            right -= 1
        }
        if !readOnly.isEmpty {
            right -= DisplayWidth.of(readOnly)
            buffer.put(readOnly, x: right, y: rect.y, role: .warning)
            right -= 1
        }
        // The last two parts of the path: enough to see which store is open.
        let storeText = env.store.location.path.split(separator: "/").suffix(2).joined(separator: "/") + " "
        let storeX = right - DisplayWidth.of(storeText)
        if storeX > x + 2 { buffer.put(storeText, x: storeX, y: rect.y, role: .statusBar) }
    }

    /// At most this many lines for a sentence wider than the screen.
    static let statusLines = 3

    /// The sentence for the user on the status line. One that does not fit takes up to three
    /// lines, rising over the bottom of the screen until the next key, rather than being cut:
    /// a refusal must say why and what to do (a read-only store, a full disk).
    static func status(_ message: StatusMessage, into buffer: inout ScreenBuffer, status: Rect, above body: Rect) {
        let role: StyleRole = message.isError ? .error : .success
        var lines = [" " + message.text]
        if DisplayWidth.of(lines[0]) > status.width {
            let wrapped = TextWrap.wrap(message.text, width: max(1, status.width - 2))
            let room = max(1, min(statusLines, status.y - body.y + 1))
            lines = wrapped.prefix(room).map { " " + $0 }
            if wrapped.count > room, let last = lines.last {
                // Only on a screen far too small for it: the layout check fails on this.
                CutText.record(message.text, shown: lines.joined(separator: " "), isMessage: true)
                lines[lines.count - 1] = DisplayWidth.truncate(last + " …", to: status.width, ascii: buffer.ascii)
            }
        }
        for (i, line) in lines.enumerated() {
            let y = status.y - (lines.count - 1) + i
            var text = line
            // The rest of the row is the message's: in ASCII mode that is room for "EUR" and "...".
            if buffer.ascii || lines.count > 1 { text += String(repeating: " ", count: max(0, status.width - DisplayWidth.of(text))) }
            if lines.count > 1 { buffer.fill(Rect(x: status.x, y: y, width: status.width, height: 1)) }
            buffer.put(text, x: status.x, y: y, width: status.width, role: role)
        }
    }

    /// A sentence for the user in lines of `width`, at most `maxLines`: a mistake in a form,
    /// which must be read whole. Only on a screen far too small for it is it cut, and the
    /// layout check then fails.
    static func paragraph(_ text: String, width: Int, maxLines: Int, ascii: Bool) -> [String] {
        let lines = TextWrap.wrap(text, width: max(1, width))
        guard lines.count > maxLines else { return lines }
        CutText.record(text, shown: lines.prefix(maxLines).joined(separator: " "), isMessage: true)
        var shown = Array(lines.prefix(max(0, maxLines)))
        if let last = shown.indices.last { shown[last] = DisplayWidth.truncate(shown[last] + " …", to: width, ascii: ascii) }
        return shown
    }

    static func tooSmall(_ size: Size, env: AppEnvironment, into buffer: inout ScreenBuffer) {
        let l = env.l
        let text = l.pick("Het venster is te klein (\(size.width)×\(size.height)). Maak het minstens 80×24; F10 stopt.",
                          "The window is too small (\(size.width)×\(size.height)). Make it at least 80×24; F10 quits.")
        let lines = TextWrap.wrap(text, width: max(1, size.width - 2))
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, role: .warning)
        }
    }
}
