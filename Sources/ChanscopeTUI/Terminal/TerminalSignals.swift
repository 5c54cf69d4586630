import Glibc
import Synchronization

/// Signal handling that keeps the terminal usable on every exit path.
///
/// WHY two kinds of handler:
/// - Quit signals (SIGINT, SIGTERM, SIGHUP) only record the signal in an `Atomic`; the UI loop
///   polls `takeQuitSignal()` each tick and leaves through its normal cleanup (`endwin`, closing
///   the CSV file). Without a handler ncurses would restore the screen and `exit(1)` itself,
///   skipping our cleanup.
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
        for signal in quitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                TerminalSignals.pendingQuit.store(received, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Puts the default action back for the quit signals.
    public static func removeQuitHandlers() {
        for signal in quitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = nil  // SIG_DFL
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
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

    // MARK: Crash guard

    /// Saves the terminal modes and installs the crash handlers; call before opening the UI.
    ///
    /// Installing twice does nothing. An alternate signal stack is set up for this thread if it
    /// has none, so a stack overflow can still be handled.
    public static func installCrashGuard() {
        guard !crashGuardInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        _ = terminalActive.load(ordering: .relaxed)
        _ = hasSavedModes.load(ordering: .relaxed)
        if tcgetattr(STDIN_FILENO, savedModes) == 0 {
            hasSavedModes.store(true, ordering: .releasing)
        }
        ensureAlternateStack()
        for (index, signal) in crashSignals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, context in
                TerminalSignals.restoreTerminalFromHandler()
                TerminalSignals.chainToPrevious(signal, info, context)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, previousActions + index)
        }
    }

    /// Tells the crash guard whether the screen is in UI mode (set after opening, clear after
    /// `endwin`), so a crash in headless mode writes no escape sequences.
    public static func setTerminalActive(_ active: Bool) {
        terminalActive.store(active, ordering: .releasing)
    }

    /// Async-signal-safe: writes the restore bytes and puts back the saved termios.
    static func restoreTerminalFromHandler() {
        guard terminalActive.exchange(false, ordering: .acquiringAndReleasing) else { return }
        let bytes = restoreSequence
        _ = write(STDOUT_FILENO, bytes.utf8Start, bytes.utf8CodeUnitCount)
        if hasSavedModes.load(ordering: .acquiring) {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, savedModes)
        }
    }

    /// Async-signal-safe: hands the signal to the handler installed before ours.
    static func chainToPrevious(
        _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
    ) {
        let index: Int
        switch signal {
        case SIGSEGV: index = 0
        case SIGBUS: index = 1
        case SIGILL: index = 2
        case SIGTRAP: index = 3
        case SIGABRT: index = 4
        case SIGFPE: index = 5
        default: return
        }
        // Put the previous action back first, so a second fault goes straight to it.
        sigaction(signal, previousActions + index, nil)
        let previous = previousActions[index]
        if previous.sa_flags & SA_SIGINFO != 0, let handler = previous.__sigaction_handler.sa_sigaction {
            handler(signal, info, context)
            return
        }
        let handler = previous.__sigaction_handler.sa_handler
        let raw = unsafeBitCast(handler, to: Int.self)
        if let handler, raw != 1 {  // 1 is SIG_IGN
            handler(signal)
            return
        }
        // SIG_DFL (or SIG_IGN, useless for a fault): die by the default action. The signal
        // is blocked while this handler runs, so it is delivered as soon as we return.
        var fallback = sigaction()
        fallback.__sigaction_handler.sa_handler = nil
        sigemptyset(&fallback.sa_mask)
        sigaction(signal, &fallback, nil)
        raise(signal)
    }

    /// Gives this thread an alternate signal stack if it has none.
    private static func ensureAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
    }
}
