import Glibc
import Synchronization

/// Ctrl-Z (SIGTSTP) and `fg` (SIGCONT) without leaving the terminal in the shell's mode.
///
/// WHY flags: stopping needs `endwin` first and resuming needs the screen's mode back
/// (`reset_prog_mode`, keypad, a full redraw), and curses may only be called from the UI
/// thread, never from a handler. So the handlers only set flags, and the backend acts on them
/// between two reads of input (the signal interrupts the wait, so at once). A plain SIGSTOP
/// cannot be caught at all: then only the SIGCONT flag tells the backend that the shell has had
/// the terminal meanwhile (an interactive shell puts its own cooked mode back).
extension TerminalSignals {
    /// The job-control signals with a flag-setting handler while the screen is open.
    public static let jobControlSignals: [Int32] = [SIGTSTP, SIGCONT]

    /// True after SIGTSTP until the backend takes it.
    static let pendingSuspend = Atomic<Bool>(false)
    /// True after SIGCONT until the backend takes it.
    static let pendingResume = Atomic<Bool>(false)

    /// Installs the flag-setting handlers for SIGTSTP and SIGCONT (replacing ncurses' own).
    ///
    /// No `SA_RESTART`, as for the quit signals: the signal ends the backend's input wait.
    public static func installJobControlHandlers() {
        _ = pendingSuspend.load(ordering: .relaxed)
        _ = pendingResume.load(ordering: .relaxed)
        setSuspendHandler(installed: true)
        setHandler(SIGCONT) { _ in TerminalSignals.pendingResume.store(true, ordering: .relaxed) }
    }

    /// Puts the default actions back for SIGTSTP and SIGCONT.
    public static func removeJobControlHandlers() {
        for signal in jobControlSignals { setHandler(signal, nil) }
    }

    /// Whether SIGTSTP arrived since the last call; clears it.
    public static func takeSuspendRequest() -> Bool {
        pendingSuspend.exchange(false, ordering: .relaxed)
    }

    /// Whether SIGCONT arrived since the last call (the process ran again after a stop, so the
    /// terminal's mode and content are unknown); clears it.
    public static func takeResumeSignal() -> Bool {
        pendingResume.exchange(false, ordering: .relaxed)
    }

    /// Stops the whole process as SIGTSTP's default action would, and returns once it is
    /// continued (by `fg` or SIGCONT). Call with the terminal already given back (`endwin`).
    public static func stopProcess() {
        setSuspendHandler(installed: false)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &unblock, &previousMask)
        raise(SIGTSTP)  // default action: every thread stops here until SIGCONT
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        setSuspendHandler(installed: true)
    }

    /// Installs the flag-setting SIGTSTP handler, or the default action.
    private static func setSuspendHandler(installed: Bool) {
        setHandler(SIGTSTP, installed ? { _ in TerminalSignals.pendingSuspend.store(true, ordering: .relaxed) } : nil)
    }
}
