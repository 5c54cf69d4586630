/// A key press, already decoded from the terminal's escape sequences.
///
/// WHY an enum: the keymap table matches on these, and tests script them without a terminal.
public enum Key: Hashable, Sendable {
    /// A printable character, including space and non-ASCII text.
    case character(Character)
    case up, down, left, right
    case shiftLeft, shiftRight
    case pageUp, pageDown
    case home, end
    case tab, shiftTab
    case enter, escape, backspace
    /// Ctrl-C as a key; in cbreak mode it arrives as SIGINT instead (see `TerminalSignals`).
    case ctrlC
}
