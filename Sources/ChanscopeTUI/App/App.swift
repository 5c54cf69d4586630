import Channels
import ChanscopeEngine
import Foundation

/// The screen session on a real terminal: ncurses, signals, and the `AppLoop` over an
/// `EngineSession`.
///
/// This is the imperative shell around the pure parts (`AppState.update`, `ScreenView`): only
/// here do the real terminal and the signal handlers meet the loop.
public enum App {
    /// Runs the TUI on `preset` until the user quits or a quit signal arrives.
    ///
    /// The terminal is restored on every way out: `q`, Ctrl-C, SIGTERM, SIGHUP (handlers only set
    /// a flag the loop reads within one timeout), and a thrown error; the CSV file is closed first.
    public static func run(preset: Preset, options: AppOptions) throws {
        let glyphs = GlyphSet.detect(forceASCII: options.forceASCII)
        TerminalSignals.installCrashGuard()
        TerminalSignals.installQuitHandlers()
        defer { TerminalSignals.removeQuitHandlers() }
        let backend = try NcursesBackend(options: .init(asciiOnly: glyphs.isASCII))
        TerminalSignals.setTerminalActive(true)
        let session = EngineSession(preset: preset, options: options) { presetEntries(options: options) }
        defer {
            // Restore the terminal first, so a slow shutdown never leaves it garbled.
            backend.close()
            TerminalSignals.setTerminalActive(false)
            session.shutdown()
        }
        let theme = Theme(glyphs: glyphs, monochrome: !backend.usesColor)
        let loop = AppLoop(
            state: AppState(presetName: preset.name, lesson: preset.lesson, ascii: glyphs.isASCII),
            backend: backend, session: session, theme: theme)
        for message in session.start() { loop.deliver(message) }
        try backend.hideCursor()
        var immediateEmptyReads = 0
        // Wait for input at most this long, so a new snapshot is drawn within a quarter period.
        let timeout = max(10, min(100, Int(saturating: 250 / options.sampleHz)))

        while !loop.isFinished {
            if TerminalSignals.takeQuitSignal() != nil { break }
            let waitStart = MonotonicClock.now()
            if try loop.turn(timeoutMilliseconds: timeout) != nil {
                immediateEmptyReads = 0
                continue
            }
            // A read that returns at once with nothing, again and again, means the terminal is
            // gone (its window closed without a SIGHUP reaching us): end instead of spinning a
            // core forever.
            let waited = MonotonicClock.now() - waitStart
            immediateEmptyReads = waited < UInt64(timeout) * 250_000 ? immediateEmptyReads + 1 : 0
            if immediateEmptyReads >= 200 { break }
        }
    }

    /// The preset list's rows, from the same folders `chanscope presets` searches.
    static func presetEntries(options: AppOptions) -> [AppState.PresetEntry] {
        PresetLibrary.listAll(
            presetsDir: options.presetsDir, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath
        ).map { listing in
            AppState.PresetEntry(name: listing.name, line: listing.line, path: listing.path, isValid: listing.error == nil)
        }
    }
}
