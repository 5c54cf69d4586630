import Glibc
import Testing

@testable import ChanscopeTUI

@Suite(.serialized) struct TerminalSignalsTests {
    /// Sends `signal` to the process (any thread that does not block it takes it; the test
    /// runner's threads may block signals, so `raise` on this thread is not enough) and waits
    /// up to 10 s for the handler to record it (a loaded, sanitized run can take long).
    private func sendAndWait(_ signal: Int32) -> Int32? {
        kill(getpid(), signal)
        for _ in 0..<2000 {
            if let received = TerminalSignals.takeQuitSignal() { return received }
            usleep(5_000)
        }
        return nil
    }

    @Test func quitSignalsOnlySetTheFlag() {
        TerminalSignals.installQuitHandlers()
        defer { TerminalSignals.removeQuitHandlers() }
        _ = TerminalSignals.takeQuitSignal()
        #expect(TerminalSignals.pendingQuitSignal == nil)
        #expect(sendAndWait(SIGTERM) == SIGTERM)
        #expect(TerminalSignals.takeQuitSignal() == nil)
        #expect(sendAndWait(SIGHUP) == SIGHUP)
        #expect(sendAndWait(SIGINT) == SIGINT)
    }

    @Test func aQuitSignalIsRememberedForTheExitStatus() {
        TerminalSignals.installQuitHandlers()
        defer { TerminalSignals.removeQuitHandlers() }
        TerminalSignals.receivedQuit.store(0, ordering: .relaxed)
        #expect(TerminalSignals.receivedQuitSignal == nil)
        #expect(sendAndWait(SIGHUP) == SIGHUP)
        // Taken by the loop, still known to the command line.
        #expect(TerminalSignals.receivedQuitSignal == SIGHUP)
        #expect(TerminalSignals.exitStatus(forQuitSignal: SIGINT) == 130)
        #expect(TerminalSignals.exitStatus(forQuitSignal: SIGTERM) == 143)
        #expect(TerminalSignals.exitStatus(forQuitSignal: SIGHUP) == 129)
        TerminalSignals.receivedQuit.store(0, ordering: .relaxed)
    }

    @Test func jobControlSignalsOnlySetFlags() {
        TerminalSignals.installJobControlHandlers()
        defer { TerminalSignals.removeJobControlHandlers() }
        _ = TerminalSignals.takeSuspendRequest()
        _ = TerminalSignals.takeResumeSignal()
        kill(getpid(), SIGTSTP)  // with the handler installed this must not stop the test run
        #expect(poll { TerminalSignals.takeSuspendRequest() })
        #expect(!TerminalSignals.takeSuspendRequest())
        kill(getpid(), SIGCONT)
        #expect(poll { TerminalSignals.takeResumeSignal() })
        #expect(!TerminalSignals.takeResumeSignal())
    }

    /// Polls `condition` for up to 10 s.
    private func poll(_ condition: () -> Bool) -> Bool {
        for _ in 0..<2000 {
            if condition() { return true }
            usleep(5_000)
        }
        return false
    }

    @Test func crashLogSettingsNameAFileThePidAndNoInteraction() {
        let path = CrashLog.logPath(directory: "/tmp/x/", pid: 42)
        #expect(path == "/tmp/x/chanscope-crash-42.txt")
        #expect(CrashLog.logPath(directory: nil, pid: 7) == "/tmp/chanscope-crash-7.txt")
        #expect(CrashLog.logPath(directory: "/odd,dir", pid: 7) == "/tmp/chanscope-crash-7.txt")
        let settings = CrashLog.settings(logPath: path)
        #expect(settings.split(separator: ",").contains("interactive=no"))
        #expect(CrashLog.outputFile(inSettings: settings) == path)
        #expect(CrashLog.outputFile(inSettings: "interactive=no,output-to=stderr") == nil)
        #expect(CrashLog.outputFile(inSettings: "interactive=no") == nil)
        #expect(CrashLog.notice(logPath: path) == "chanscope crashed; the backtrace is in /tmp/x/chanscope-crash-42.txt")
        #expect(!CrashLog.notice(logPath: "/tmp/\u{1B}x").unicodeScalars.contains("\u{1B}"))
    }

    @Test func restoreSequenceLeavesAlternateScreenAndShowsCursor() {
        let bytes = TerminalSignals.restoreSequence.description
        #expect(bytes.contains("\u{1B}[?1049l"))
        #expect(bytes.contains("\u{1B}[?25h"))
        #expect(bytes.contains("\u{1B}[0m"))
        #expect(bytes.contains("\u{1B}[?1000l"))
    }

    @Test func glyphDetection() {
        #expect(GlyphSet.detect(forceASCII: true) == .ascii)
        let detected = GlyphSet.detect(forceASCII: false)
        #expect(detected == (GlyphSet.localeIsUTF8() ? .unicode : .ascii))
    }

    @Test func asciiGlyphsAreASCII() {
        let g = GlyphSet.ascii
        let all = String(g.sparkline) + String([g.gaugeFull, g.gaugeEmpty, g.slotFilled, g.slotEmpty,
            g.sliderTrack, g.sliderKnob, g.worker, g.horizontal, g.vertical, g.topLeft, g.topRight,
            g.bottomLeft, g.bottomRight]) + g.arrow + g.ellipsis
        #expect(all.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(GlyphSet.unicode.sparkline.count == 8 && g.sparkline.count == 8)
    }
}
