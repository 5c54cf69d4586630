/// Why the terminal could not be used, as a one-line message for the user.
///
/// WHY its own type: the command line prints `description` and suggests `--headless` instead of
/// letting ncurses print and exit (which `initscr` does on an unknown `TERM`).
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// ncurses could not set up the terminal named by `TERM` (nil when `TERM` is unset).
    case cannotOpenTerminal(term: String?)
    /// Standard input or output is not a terminal (a pipe or a file).
    case notATerminal

    public var description: String {
        switch self {
        case .cannotOpenTerminal(let term?):
            return "chanscope: cannot open terminal \"\(term)\" (unknown TERM?); use --headless or set TERM"
        case .cannotOpenTerminal(nil):
            return "chanscope: cannot open terminal (TERM is not set); use --headless or set TERM"
        case .notATerminal:
            return "chanscope: standard input/output is not a terminal; use --headless"
        }
    }
}
