import CNcursesw

/// Stopping and resuming the screen around Ctrl-Z, SIGSTOP and `fg`.
///
/// WHY here: `TerminalSignals` only records SIGTSTP and SIGCONT; acting on them means calling
/// curses, which only the backend does, on the UI thread. A resume reports `.resize(size)`, the
/// event that already makes the loop forget its last frame and draw everything, so the loop
/// needs no case of its own.
extension NcursesBackend {
    /// Acts on a pending stop or resume; returns the event that makes the loop redraw, or nil.
    func handleJobControl() -> InputEvent? {
        var resumed = false
        if TerminalSignals.takeSuspendRequest() {
            suspend()
            resumed = true
        }
        // After our own stop SIGCONT has set the flag too; after a SIGSTOP it is the only sign.
        if TerminalSignals.takeResumeSignal() { resumed = true }
        guard resumed else { return nil }
        resume()
        return .resize(size)
    }

    /// Gives the terminal back to the shell and stops until continued.
    private func suspend() {
        if options.mouse { Self.reportMouse(false) }
        endwin()
        // Nothing for the crash guard to undo while the shell has the terminal.
        let wasActive = TerminalSignals.isTerminalActive
        TerminalSignals.setTerminalActive(false)
        TerminalSignals.stopProcess()
        TerminalSignals.setTerminalActive(wasActive)
    }

    /// Puts the screen's mode back (the shell may have set its own meanwhile) and blanks the
    /// screen, so the next frame is drawn in full.
    private func resume() {
        let window = chanscope_stdscr()
        // After `endwin` the refresh below re-enters program mode by itself; after a SIGSTOP
        // curses never left it, so the tty modes saved by cbreak/noecho are put back here.
        if !isendwin() { reset_prog_mode() }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        if options.mouse { Self.reportMouse(true) }
        curs_set(cursorHidden ? 0 : 1)
        wclear(window)
        wrefresh(window)
    }
}
