import CNcursesw
import Glibc

/// The real terminal, through ncursesw: the only type that calls curses.
///
/// WHY `newterm` and not `initscr`: `initscr` prints and exits the process on an unknown `TERM`;
/// `newterm` returns nil, which becomes a `TerminalError` the command line can report. Colours
/// are used only when the terminal has them and `NO_COLOR` is unset; otherwise styles keep only
/// their attributes. In ASCII mode only ASCII reaches ncurses. One thread owns an instance.
public final class NcursesBackend: TerminalBackend {
    /// How the backend talks to the terminal.
    public struct Options: Hashable, Sendable {
        /// Never use colour, even when the terminal has it.
        public var monochrome: Bool
        /// Replace every non-ASCII character with `?` before it reaches ncurses.
        public var asciiOnly: Bool
        /// Report left-button presses as `InputEvent.mousePress`.
        public var mouse: Bool

        public init(monochrome: Bool = false, asciiOnly: Bool = false, mouse: Bool = true) {
            self.monochrome = monochrome
            self.asciiOnly = asciiOnly
            self.mouse = mouse
        }
    }

    let options: Options
    /// True when colour pairs are in use (terminal has colours, `NO_COLOR` unset).
    public let usesColor: Bool
    /// True when `use_default_colors` worked, so `Color.default` is the terminal's own colour.
    let hasDefaultColors: Bool
    let colorCount: Int
    let pairLimit: Int
    var pairs: [ColorPairKey: Int16] = [:]
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    /// False once `close()` ran: every later call is a no-op.
    public private(set) var isOpen = true
    /// Whether the cursor is hidden, to hide it again after a stop and `fg`.
    private(set) var cursorHidden = true

    /// Opens the terminal on standard input and output and puts it into UI mode.
    ///
    /// Calls `setlocale(LC_ALL, "")` first so wide characters work under a UTF-8 locale.
    /// `NO_COLOR` (set to any value) forces monochrome.
    /// - Throws: `TerminalError` when stdin/stdout is not a tty or `TERM` is unusable.
    public init(options: Options = Options()) throws {
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty else { throw TerminalError.cannotOpenTerminal(term: nil) }
        // Duplicates, so closing these FILEs later never closes the process's own stdin/stdout.
        guard let output = fdopen(dup(STDOUT_FILENO), "w") else { throw TerminalError.cannotOpenTerminal(term: term) }
        guard let input = fdopen(dup(STDIN_FILENO), "r") else {
            fclose(output)
            throw TerminalError.cannotOpenTerminal(term: term)
        }
        guard let screen = newterm(nil, output, input) else {
            fclose(output)
            fclose(input)
            throw TerminalError.cannotOpenTerminal(term: term)
        }
        set_term(screen)
        self.screen = screen
        self.output = output
        self.input = input
        self.options = options

        let window = chanscope_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        if options.mouse {
            mouseinterval(0)  // report presses at once; no waiting to combine clicks
            Self.reportMouse(true)
        }
        TerminalSignals.installJobControlHandlers()

        let wantsColor = !options.monochrome && getenv("NO_COLOR") == nil && has_colors()
        if wantsColor, start_color() == OK {
            usesColor = true
            hasDefaultColors = use_default_colors() == OK
            colorCount = Int(chanscope_COLORS())
            pairLimit = min(Int(chanscope_COLOR_PAIRS()), Int(Int16.max))
        } else {
            usesColor = false
            hasDefaultColors = false
            colorCount = 0
            pairLimit = 0
        }
    }

    deinit {
        close()
    }

    /// Leaves UI mode and restores the terminal; safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        TerminalSignals.removeJobControlHandlers()
        if options.mouse { Self.reportMouse(false) }
        curs_set(1)
        endwin()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }

    /// Turns left-button reports on or off.
    ///
    /// Releases too: with presses only, ncurses swallows the release sequence inside wget_wch
    /// and keeps reading past the timeout, freezing the loop until the next key. A release
    /// reports no event (see mouseEvent()).
    static func reportMouse(_ on: Bool) {
        mousemask(on ? chanscope_BUTTON1_PRESSED | chanscope_BUTTON1_RELEASED : 0, nil)
    }

    public var size: TerminalSize {
        guard isOpen else { return TerminalSize(width: 0, height: 0) }
        let window = chanscope_stdscr()
        return TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func draw(_ diff: FrameDiff) throws {
        guard isOpen else { return }
        let window = chanscope_stdscr()
        let asciiOnly = options.asciiOnly
        for run in diff.runs {
            var needsMove = true
            for (offset, item) in run.cells.enumerated() {
                let column = Int32(run.x + offset)
                // The terminal fills a wide character's right half itself; after one, the
                // cursor is placed by hand, so a width table that differs never shifts the row.
                if item.isContinuation, !asciiOnly {
                    needsMove = true
                    continue
                }
                if needsMove { wmove(window, Int32(run.y), column) }
                let (attributes, pair) = attributesAndPair(for: item.style)
                var cell = NcursesBackend.cchar(for: item, asciiOnly: asciiOnly, attributes: attributes, pair: pair)
                // Writing the bottom-right cell reports ERR (the cursor cannot advance); the
                // cell is still written, so the result is ignored.
                _ = wadd_wch(window, &cell)
                needsMove = item.width == 2 && !asciiOnly
                if needsMove, NcursesBackend.drawsNarrow(item) {
                    var blank = NcursesBackend.cchar(for: .continuation(style: item.style), asciiOnly: true, attributes: attributes, pair: pair)
                    wmove(window, Int32(run.y), column + 1)
                    _ = wadd_wch(window, &blank)
                }
            }
        }
    }

    public func flush() throws {
        guard isOpen else { return }
        wrefresh(chanscope_stdscr())
    }

    public func clear() throws {
        guard isOpen else { return }
        wclear(chanscope_stdscr())
    }

    public func showCursor() throws {
        guard isOpen else { return }
        cursorHidden = false
        curs_set(1)
    }

    public func hideCursor() throws {
        guard isOpen else { return }
        cursorHidden = true
        curs_set(0)
    }

    public func readInput(timeoutMilliseconds: Int) -> InputEvent? {
        guard isOpen else { return nil }
        if let event = handleJobControl() { return event }
        let window = chanscope_stdscr()
        // A bounded wait, never nodelay: the loop sleeps in the kernel between ticks.
        wtimeout(window, Int32(clamping: max(0, timeoutMilliseconds)))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        // Ctrl-Z or `fg` during the wait ends it (EINTR); act before reporting anything else.
        if let event = handleJobControl() { return event }
        switch result {
        case KEY_CODE_YES:
            return event(forKeyCode: Int32(bitPattern: code))
        case OK:
            return event(forCharacter: UInt32(code))
        default:
            return nil
        }
    }
}
