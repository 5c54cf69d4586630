/// Something the user did: a key, a mouse press, or a terminal resize.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// The left button went down on column `x`, row `y` (0-based).
    case mousePress(x: Int, y: Int)
    /// The terminal now has this size; the next frame must be drawn in full.
    case resize(TerminalSize)
}
