import ChanscopeEngine

/// The screen's loop, generic over the terminal backend: messages in, `update`, commands out,
/// answers back in, and a frame drawn when anything changed (bubbletea's loop).
///
/// WHY generic: tests run the very loop the screen runs, with the in-memory `TestBackend` and a
/// real `EngineSession`, so a scripted key reaches the engine and the next frame shows the change.
public final class AppLoop<Backend: TerminalBackend> {
    /// The model; only `update` changes it.
    public private(set) var state: AppState
    public let terminal: Terminal<Backend>
    public let session: any SessionControl
    public let theme: Theme
    private var dirty = true

    public init(state: AppState, backend: Backend, session: any SessionControl, theme: Theme) {
        self.state = state
        terminal = Terminal(backend: backend)
        self.session = session
        self.theme = theme
        deliver(.resized(backend.size))
    }

    /// Whether `q` (or a quit command) ended the session.
    public var isFinished: Bool { state.isQuitting }

    /// Feeds one message to `update`, runs the commands it returns against the session, and feeds
    /// their answers back, in order, until nothing is left.
    public func deliver(_ message: AppMessage) {
        var queue = [message]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            if case .sessionStarted = next { terminal.invalidate() }
            let commands = state.update(next)
            dirty = true
            for command in commands where command != .quit {
                queue += session.run(command)
            }
        }
    }

    /// One turn: takes what the session has for the screen, draws if anything changed, then
    /// waits up to `timeoutMilliseconds` for one input event and delivers it.
    /// - Returns: the input event read, or nil when the wait ended with none.
    @discardableResult
    public func turn(timeoutMilliseconds: Int) throws -> InputEvent? {
        for message in session.takeMessages() { deliver(message) }
        try drawIfNeeded()
        guard let event = terminal.backend.readInput(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        switch event {
        case .key(let key):
            deliver(.key(key))
        case .mousePress(let x, let y):
            deliver(.click(x: x, y: y))
        case .resize(let size):
            terminal.invalidate()
            deliver(.resized(size))
        }
        return event
    }

    /// Draws the model if it changed since the last frame.
    public func drawIfNeeded() throws {
        guard dirty else { return }
        let state = state
        let theme = theme
        try terminal.draw { grid in ScreenView.render(state, theme: theme, on: &grid) }
        dirty = false
    }
}
