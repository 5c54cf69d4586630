import Glibc
import Testing

@testable import ChanscopeTUI

@Suite(.serialized) struct TerminalSignalsTests {
    /// Sends `signal` to the process (any thread that does not block it takes it; the test
    /// runner's threads may block signals, so `raise` on this thread is not enough) and waits
    /// up to a second for the handler to record it.
    private func sendAndWait(_ signal: Int32) -> Int32? {
        kill(getpid(), signal)
        for _ in 0..<200 {
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
