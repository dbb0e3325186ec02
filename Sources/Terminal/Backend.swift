/// Where frames go and events come from. The ncurses backend talks to a terminal; the test
/// backend keeps the last frame as text. Screens never know which one they have.
public protocol Backend: AnyObject {
    /// The current size of the screen.
    var size: Size { get }
    /// True when the screen can show UTF-8 (else buffers are drawn in ASCII mode).
    var supportsUnicode: Bool { get }
    /// Shows `buffer`; only cells that changed need to reach the terminal.
    func draw(_ buffer: ScreenBuffer)
    /// The next event, waiting at most `timeout` seconds (nil: wait for ever); nil on timeout.
    func nextEvent(timeout: Double?) -> Event?
    /// Gives the terminal to another program for the duration of `body` (Ctrl-E: the
    /// user's editor) and redraws after.
    func runOutside(_ body: () -> Void)
}

extension Backend {
    public func runOutside(_ body: () -> Void) { body() }
}

/// A backend without a terminal: events are queued by the test, frames are kept.
public final class TestBackend: Backend {
    public private(set) var size: Size
    public let supportsUnicode: Bool
    public private(set) var frames: [ScreenBuffer] = []
    private var queue: [Event] = []

    public init(size: Size, supportsUnicode: Bool = true) {
        self.size = size
        self.supportsUnicode = supportsUnicode
    }

    public var lastFrame: ScreenBuffer? { frames.last }

    public func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

    /// Queues events; a `.resize` also changes `size` when it is delivered.
    public func send(_ events: Event...) { queue += events }
    public func send(keys: [Key]) { queue += keys.map(Event.key) }
    /// Queues each character of `text` as a typed key.
    public func type(_ text: String) { queue += text.map { .key(.character($0)) } }

    public func nextEvent(timeout: Double?) -> Event? {
        guard !queue.isEmpty else { return nil }
        let event = queue.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public var pendingEvents: Int { queue.count }
}
