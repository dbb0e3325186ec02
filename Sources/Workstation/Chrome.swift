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
        x += buffer.put(DisplayWidth.truncate(who, to: right - DisplayWidth.of(badge) - 1 - x), x: x, y: rect.y, role: .statusBar)
        if !badge.isEmpty {
            right -= DisplayWidth.of(badge)
            buffer.put(badge, x: right, y: rect.y, role: .demoBadge)
            right -= 1
        }
        // The last two parts of the path: enough to see which store is open.
        let where_ = env.store.location.path.split(separator: "/").suffix(2).joined(separator: "/")
        let storeText = (env.store.isReadOnly ? l.pick("alleen lezen · ", "read-only · ") : "") + where_ + " "
        let storeX = right - DisplayWidth.of(storeText)
        if storeX > x + 2 { buffer.put(storeText, x: storeX, y: rect.y, role: .statusBar) }
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
