/// Draws whole frames through a backend, writing only what changed since the last one.
///
/// WHY (ratatui's `Terminal`): views render a complete grid each tick, which keeps them pure;
/// this type remembers the previous grid, diffs, and sends only the difference, so a quiet
/// screen costs no terminal output. A resize or `clear` forgets the previous grid.
public final class Terminal<Backend: TerminalBackend> {
    public let backend: Backend
    /// The grid last flushed, or nil when the terminal's content is unknown.
    public private(set) var previous: Grid?

    public init(backend: Backend) {
        self.backend = backend
    }

    /// Renders a frame at the backend's current size and flushes the changes.
    /// - Returns: the diff that was written.
    @discardableResult
    public func draw(_ render: (inout Grid) -> Void) throws -> FrameDiff {
        let size = backend.size
        var grid = Grid(width: size.width, height: size.height)
        render(&grid)
        let diff = FrameDiff(from: previous, to: grid)
        if !diff.isEmpty { try backend.draw(diff) }
        try backend.flush()
        previous = grid
        return diff
    }

    /// Blanks the screen and forces the next frame to be drawn in full.
    public func clear() throws {
        try backend.clear()
        previous = nil
    }

    /// Forgets the screen content (after a resize), so the next frame is drawn in full.
    public func invalidate() {
        previous = nil
    }
}
