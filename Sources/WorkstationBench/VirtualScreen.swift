import Terminal

/// What a terminal of `width`×`height` shows after the bytes a program wrote to it: enough of
/// xterm for what ncurses sends with `TERM=xterm-256color` (cursor addressing, erasing,
/// insert/delete, scrolling regions, repeat, the line-drawing set, UTF-8 and wide
/// characters). ncurses sends only what changed, so a text can be on the screen without
/// ever arriving whole: the team scenario waits for text on this screen, not in the bytes.
/// Colours and attributes are ignored.
struct VirtualScreen {
    let width: Int, height: Int
    /// One string per cell; "" is the right half of a wide character.
    private(set) var cells: [[String]]
    private var x = 0, y = 0
    /// At the last column after a character: the next one goes to the next line (xterm's
    /// delayed wrap, which ncurses counts on).
    private var pendingWrap = false
    private var top = 0, bottom: Int
    private var saved = (x: 0, y: 0)
    private var lineDrawing = false
    private var last: Unicode.Scalar = " "

    private enum State { case ground, escape, charset, skipOne, csi, osc, oscEscape, string, stringEscape }
    private var state = State.ground
    private var parameters: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Needed = 0

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        cells = Array(repeating: Array(repeating: " ", count: width), count: height)
        bottom = height - 1
    }

    /// The row `y` as text (trailing blanks kept).
    func line(_ row: Int) -> String { cells[row].joined() }
    var lines: [String] { (0..<height).map(line) }
    var text: String { lines.joined(separator: "\n") }

    /// True when `needle` is on one row of the screen.
    func contains(_ needle: String) -> Bool { cells.indices.contains { line($0).contains(needle) } }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { feed(byte) }
    }

    private mutating func feed(_ b: UInt8) {
        switch state {
        case .ground: ground(b)
        case .escape: escape(b)
        case .charset: lineDrawing = b == UInt8(ascii: "0"); state = .ground
        case .skipOne: state = .ground
        case .csi:
            if b >= 0x40 && b <= 0x7E { csi(b); state = .ground } else { parameters.append(b) }
        case .osc: if b == 0x07 { state = .ground } else if b == 0x1B { state = .oscEscape }
        case .oscEscape: state = b == UInt8(ascii: "\\") ? .ground : .osc
        case .string: if b == 0x1B { state = .stringEscape }
        case .stringEscape: state = b == UInt8(ascii: "\\") ? .ground : .string
        }
    }

    private mutating func ground(_ b: UInt8) {
        if utf8Needed > 0 {
            guard b & 0xC0 == 0x80 else { utf8Needed = 0; utf8 = []; ground(b); return }
            utf8.append(b)
            utf8Needed -= 1
            if utf8Needed == 0 {
                var value = UInt32(utf8[0]) & (utf8.count == 2 ? 0x1F : utf8.count == 3 ? 0x0F : 0x07)
                for c in utf8.dropFirst() { value = value << 6 | UInt32(c & 0x3F) }
                utf8 = []
                put(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return
        }
        switch b {
        case 0x1B: state = .escape
        case 0x0D: x = 0; pendingWrap = false
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08: x = max(0, x - 1); pendingWrap = false
        case 0x09: x = min(width - 1, (x / 8 + 1) * 8); pendingWrap = false
        case 0x00..<0x20, 0x7F: break
        case 0x20..<0x7F: put(Unicode.Scalar(b))
        case 0xC0..<0xE0: utf8 = [b]; utf8Needed = 1
        case 0xE0..<0xF0: utf8 = [b]; utf8Needed = 2
        case 0xF0..<0xF8: utf8 = [b]; utf8Needed = 3
        default: break
        }
    }

    private mutating func escape(_ b: UInt8) {
        state = .ground
        switch b {
        case UInt8(ascii: "["): parameters = []; state = .csi
        case UInt8(ascii: "]"): state = .osc
        case UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"): state = .string
        case UInt8(ascii: "("): state = .charset
        case UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "#"), UInt8(ascii: " "): state = .skipOne
        case UInt8(ascii: "7"): saved = (x, y)
        case UInt8(ascii: "8"): (x, y) = saved; pendingWrap = false
        case UInt8(ascii: "D"): lineFeed()
        case UInt8(ascii: "E"): x = 0; lineFeed()
        case UInt8(ascii: "M"): reverseIndex()
        case UInt8(ascii: "c"): self = VirtualScreen(width: width, height: height)
        default: break
        }
    }

    private mutating func csi(_ final: UInt8) {
        let privateMode = parameters.first.map { $0 >= 0x3C && $0 <= 0x3F } ?? false
        let numbers = String(decoding: parameters.filter { $0 >= 0x30 && $0 <= 0x3B }, as: UTF8.self)
            .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func n(_ i: Int = 0, _ otherwise: Int = 1) -> Int {
            guard i < numbers.count, let v = numbers[i], v > 0 || otherwise == 0 else { return otherwise }
            return v
        }
        if privateMode {
            // ?1049h: the alternate screen, cleared; every other private mode changes nothing drawn.
            if final == UInt8(ascii: "h") && numbers.contains(where: { $0 == 1049 || $0 == 47 || $0 == 1047 }) { erase(rows: 0..<height) }
            return
        }
        switch Character(Unicode.Scalar(final)) {
        case "A": move(toX: x, y: max(y < top ? 0 : top, y - n()))
        case "B", "e": move(toX: x, y: min(y > bottom ? height - 1 : bottom, y + n()))
        case "C", "a": move(toX: min(width - 1, x + n()), y: y)
        case "D": move(toX: max(0, x - n()), y: y)
        case "E": move(toX: 0, y: min(height - 1, y + n()))
        case "F": move(toX: 0, y: max(0, y - n()))
        case "G", "`": move(toX: n() - 1, y: y)
        case "d": move(toX: x, y: n() - 1)
        case "H", "f": move(toX: n(1) - 1, y: n(0) - 1)
        case "J":
            switch n(0, 0) {
            case 0: clear(row: y, from: x, to: width); erase(rows: (y + 1)..<height)
            case 1: erase(rows: 0..<y); clear(row: y, from: 0, to: x + 1)
            default: erase(rows: 0..<height)
            }
        case "K":
            switch n(0, 0) {
            case 0: clear(row: y, from: x, to: width)
            case 1: clear(row: y, from: 0, to: x + 1)
            default: clear(row: y, from: 0, to: width)
            }
        case "X": clear(row: y, from: x, to: min(width, x + n()))
        case "@":
            let k = min(n(), width - x)
            cells[y].insert(contentsOf: Array(repeating: " ", count: k), at: x)
            cells[y].removeLast(k)
        case "P":
            let k = min(n(), width - x)
            cells[y].removeSubrange(x..<(x + k))
            cells[y] += Array(repeating: " ", count: k)
        case "L": if (top...bottom).contains(y) { for _ in 0..<n() { shiftDown(from: y) } }
        case "M": if (top...bottom).contains(y) { for _ in 0..<n() { shiftUp(from: y) } }
        case "S": for _ in 0..<n() { shiftUp(from: top) }
        case "T": for _ in 0..<n() { shiftDown(from: top) }
        case "b": for _ in 0..<n() { put(last) }
        case "r":
            let t = n(0) - 1, b = n(1, height) - 1
            if t < b && b < height { top = t; bottom = b }
            move(toX: 0, y: 0)
        case "s": saved = (x, y)
        case "u": (x, y) = saved; pendingWrap = false
        default: break   // m (colours), h/l, n, t: nothing drawn
        }
    }

    private mutating func move(toX newX: Int, y newY: Int) {
        x = max(0, min(width - 1, newX)); y = max(0, min(height - 1, newY)); pendingWrap = false
    }

    private mutating func put(_ raw: Unicode.Scalar) {
        var scalar = raw
        if lineDrawing, let drawn = Self.lineDrawing[raw] { scalar = drawn }
        let w = DisplayWidth.of(scalar)
        if w == 0 {
            // A combining mark joins the character before it.
            let px = pendingWrap ? x : max(0, x - 1)
            cells[y][px] += String(scalar)
            return
        }
        if pendingWrap || x + w > width {
            x = 0; pendingWrap = false
            lineFeed()
        }
        if cells[y][x] == "" && x > 0 { cells[y][x - 1] = " " }   // half of a wide character overwritten
        cells[y][x] = String(scalar)
        if w == 2 { cells[y][x + 1] = "" }
        last = raw
        x += w
        if x >= width { x = width - 1; pendingWrap = true }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        if y == bottom { shiftUp(from: top) } else if y < height - 1 { y += 1 }
    }

    private mutating func reverseIndex() {
        pendingWrap = false
        if y == top { shiftDown(from: top) } else if y > 0 { y -= 1 }
    }

    /// Removes row `from` within the scrolling region; a blank row comes in at its bottom.
    private mutating func shiftUp(from row: Int) {
        guard row <= bottom else { return }
        cells.remove(at: row)
        cells.insert(Array(repeating: " ", count: width), at: bottom)
    }

    /// Inserts a blank row at `from`; the region's bottom row goes.
    private mutating func shiftDown(from row: Int) {
        guard row <= bottom else { return }
        cells.remove(at: bottom)
        cells.insert(Array(repeating: " ", count: width), at: row)
    }

    private mutating func clear(row: Int, from: Int, to: Int) {
        guard from < to else { return }
        for i in max(0, from)..<min(width, to) { cells[row][i] = " " }
    }

    private mutating func erase(rows: Range<Int>) {
        for row in rows where row >= 0 && row < height { cells[row] = Array(repeating: " ", count: width) }
    }

    /// DEC special graphics (`ESC ( 0`), as ncurses draws boxes on an xterm.
    static let lineDrawing: [Unicode.Scalar: Unicode.Scalar] = [
        "j": "┘", "k": "┐", "l": "┌", "m": "└", "n": "┼", "q": "─", "t": "├", "u": "┤", "v": "┴", "w": "┬", "x": "│",
        "a": "▒", "`": "◆", "f": "°", "g": "±", "~": "·", "o": "⎺", "s": "⎽", "0": "█", "y": "≤", "z": "≥", "{": "π", "|": "≠", "}": "£",
    ]
}
