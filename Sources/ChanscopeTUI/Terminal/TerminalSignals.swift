import Glibc
import Synchronization

/// Signal handling that keeps the terminal usable on every exit path.
///
/// WHY three kinds of handler:
/// - Quit signals (SIGINT, SIGTERM, SIGHUP) only record the signal in an `Atomic`; the UI loop
///   polls `takeQuitSignal()` each tick and leaves through its normal cleanup (`endwin`, closing
///   the CSV file). Without a handler ncurses would restore the screen and `exit(1)` itself,
///   skipping our cleanup. The signal is also remembered (`receivedQuitSignal`), so the command
///   line can exit with 128 + signal afterwards, as a shell expects of a program it interrupted.
/// - Job-control signals (SIGTSTP, SIGCONT) only set flags too; the backend stops and resumes the
///   screen on the UI thread (see `TerminalSignals+JobControl.swift`).
/// - Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE) cannot return to the
///   loop. The guard writes precomputed bytes that leave the alternate screen, show the
///   cursor, reset attributes and stop mouse reporting, restores the termios saved at start,
///   and then chains to the handler that was there before (the Swift runtime's backtracer) or
///   dies by the default action. Everything it does is async-signal-safe: no allocation, no
///   locks, only `write`, `tcsetattr`, `sigaction` and `raise`.
public enum TerminalSignals {
    /// The signals that ask the program to quit.
    public static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The signals the crash guard intercepts.
    public static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// The last quit signal received and not yet taken, 0 if none.
    static let pendingQuit = Atomic<Int32>(0)
    /// The last quit signal received at all, 0 if none; `takeQuitSignal()` leaves it.
    static let receivedQuit = Atomic<Int32>(0)
    /// True while the screen is in UI mode, so the crash guard has something to undo.
    static let terminalActive = Atomic<Bool>(false)
    /// True once `savedModes` holds the termios read at start.
    static let hasSavedModes = Atomic<Bool>(false)
    static let crashGuardInstalled = Atomic<Bool>(false)

    /// The termios of standard input before the UI changed it; written once, read in handlers.
    nonisolated(unsafe) static let savedModes: UnsafeMutablePointer<termios> = {
        let pointer = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        pointer.initialize(to: termios())
        return pointer
    }()

    /// The actions that were installed before the crash guard, one per `crashSignals` entry.
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 6)
        pointer.initialize(repeating: sigaction(), count: 6)
        return pointer
    }()

    /// Bytes that undo UI mode: reset attributes, mouse reporting off (X10, button, any-event,
    /// SGR), cursor visible, leave the alternate screen, then a newline. A literal lives in
    /// the binary, so reading it in a handler allocates nothing.
    static var restoreSequence: StaticString {
        "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?25h\u{1B}[?1049l\r\n"
    }

    // MARK: Quit signals

    /// Installs the flag-setting handlers for SIGINT, SIGTERM and SIGHUP.
    ///
    /// No `SA_RESTART`: a signal interrupts the loop's `getch` wait, so the loop sees the flag
    /// at once instead of after its timeout.
    public static func installQuitHandlers() {
        _ = pendingQuit.load(ordering: .relaxed)  // initialise before any handler can run
        _ = receivedQuit.load(ordering: .relaxed)
        for signal in quitSignals {
            setHandler(signal) { received in
                TerminalSignals.receivedQuit.store(received, ordering: .relaxed)
                TerminalSignals.pendingQuit.store(received, ordering: .relaxed)
            }
        }
    }

    /// Puts the default action back for the quit signals.
    public static func removeQuitHandlers() {
        for signal in quitSignals { setHandler(signal, nil) }
    }

    /// Installs `handler` for `signal` with an empty mask and no flags (so no `SA_RESTART`: the
    /// signal ends a blocking wait), or the default action for nil. Async-signal-safe.
    static func setHandler(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler  // nil is SIG_DFL
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }

    /// The quit signal received since the last call, or nil; clears it.
    public static func takeQuitSignal() -> Int32? {
        let signal = pendingQuit.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The quit signal received and not yet taken, without clearing it.
    public static var pendingQuitSignal: Int32? {
        let signal = pendingQuit.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The last quit signal that arrived while the handlers were installed, taken or not.
    public static var receivedQuitSignal: Int32? {
        let signal = receivedQuit.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The exit status a program ended by `signal` reports: 128 + signal (130 for SIGINT).
    public static func exitStatus(forQuitSignal signal: Int32) -> Int32 {
        128 + signal
    }
}
