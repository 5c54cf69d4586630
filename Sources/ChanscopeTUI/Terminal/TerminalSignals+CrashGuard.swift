import Glibc
import Synchronization

/// The crash guard: a crash gives the terminal back and says where its backtrace went.
///
/// WHY in a handler of our own: a crash cannot return to the loop, and the Swift runtime's own
/// handler knows nothing of the screen. Everything here is async-signal-safe: no allocation, no
/// locks, only `write`, `dup2`, `tcsetattr`, `sigaction` and `raise`, on bytes and descriptors
/// prepared before any handler can run.
extension TerminalSignals {
    /// The line printed after a crash, written once before the guard is installed.
    nonisolated(unsafe) static let crashNoticeBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: crashNoticeCapacity)
    static let crashNoticeCapacity = 4352
    /// How many bytes of `crashNoticeBytes` to print; 0 for no notice.
    static let crashNoticeLength = Atomic<Int>(0)
    /// Set by the first crash handler to print the notice, so two crashing threads print one.
    static let crashNoticeWritten = Atomic<Bool>(false)
    /// A copy of standard error, and /dev/null, for silencing the backtracer's own progress
    /// line while it writes its file (-1 when not silencing).
    static let savedStandardError = Atomic<Int32>(-1)
    static let nullDevice = Atomic<Int32>(-1)

    /// Prepares `notice` (one line) to be printed after a crash, and whether the Swift
    /// backtracer's progress line on standard error is silenced meanwhile (it is when the
    /// backtrace goes to a file that the notice names). Call before `installCrashGuard()`.
    public static func prepareCrashNotice(_ notice: String, silenceBacktracer: Bool) {
        let bytes = Array((notice + "\n").utf8.prefix(crashNoticeCapacity))
        bytes.withUnsafeBufferPointer { crashNoticeBytes.update(from: $0.baseAddress!, count: $0.count) }
        crashNoticeLength.store(bytes.count, ordering: .releasing)
        guard silenceBacktracer, savedStandardError.load(ordering: .acquiring) < 0 else { return }
        let copy = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 10)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard copy >= 0, null >= 0 else {
            if copy >= 0 { close(copy) }
            if null >= 0 { close(null) }
            return
        }
        nullDevice.store(null, ordering: .releasing)
        savedStandardError.store(copy, ordering: .releasing)
    }

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
                TerminalSignals.handleCrash(signal, info, context)
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

    /// Whether the screen is in UI mode, as last told by `setTerminalActive`.
    public static var isTerminalActive: Bool {
        terminalActive.load(ordering: .acquiring)
    }

    /// Async-signal-safe: terminal back, backtrace (quietly), one line, then death by `signal`.
    static func handleCrash(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        restoreTerminalFromHandler()
        let null = nullDevice.load(ordering: .acquiring)
        let saved = savedStandardError.load(ordering: .acquiring)
        let silence = null >= 0 && saved >= 0
        if silence { _ = dup2(null, STDERR_FILENO) }
        chainToPrevious(signal, info, context)
        if silence { _ = dup2(saved, STDERR_FILENO) }
        writeCrashNotice()
        dieByDefaultAction(signal)
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

    /// Async-signal-safe: prints the prepared notice on standard error, once.
    static func writeCrashNotice() {
        let length = crashNoticeLength.load(ordering: .acquiring)
        guard length > 0, !crashNoticeWritten.exchange(true, ordering: .acquiringAndReleasing) else { return }
        _ = write(STDERR_FILENO, crashNoticeBytes, length)
    }

    /// Async-signal-safe: hands the signal to the handler installed before ours (the Swift
    /// runtime's backtracer), if there was one; returns when it does.
    static func chainToPrevious(
        _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
    ) {
        guard let index = crashSignals.firstIndex(of: signal) else { return }
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
        }
    }

    /// Async-signal-safe: makes `signal` end the process by its default action. It is blocked
    /// while this handler runs, so it is delivered as soon as the handler returns — also when
    /// it came from `kill`, after which the runtime's handler would otherwise let us run on.
    static func dieByDefaultAction(_ signal: Int32) {
        setHandler(signal, nil)
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
