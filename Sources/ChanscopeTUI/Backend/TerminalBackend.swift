/// The few operations a terminal must offer: the only seam between views and a real screen.
///
/// WHY so small (ratatui's `Backend`): views never see it; `Terminal` computes the diff and
/// hands it over, so a test backend in memory and ncurses are interchangeable. Not `Sendable`:
/// one thread owns the terminal.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }
    /// Writes the changed cells (not yet visible until `flush`).
    func draw(_ diff: FrameDiff) throws
    /// Makes what was drawn visible.
    func flush() throws
    /// Blanks the whole screen; the next frame must be drawn in full.
    func clear() throws
    func showCursor() throws
    func hideCursor() throws
    /// Waits up to `timeoutMilliseconds` for input; nil on timeout or an ignored key.
    func readInput(timeoutMilliseconds: Int) -> InputEvent?
}
