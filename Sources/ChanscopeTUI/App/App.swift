import Channels
import ChanscopeEngine
import Foundation

/// The screen session: one loop that waits for input, updates the state, carries out the
/// effects and draws the newest snapshot (bubbletea's and htop's loop).
///
/// This is the imperative shell around the pure parts (`AppState.update`, `ScreenView`):
/// only here do the engine, the recorder and the terminal meet.
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
        var session = Session(preset: preset, options: options)
        defer {
            // Restore the terminal first, so a slow shutdown never leaves it garbled.
            backend.close()
            TerminalSignals.setTerminalActive(false)
            session.stop(inBackground: false)
        }
        let theme = Theme(glyphs: glyphs, monochrome: !backend.usesColor)
        let terminal = Terminal(backend: backend)
        var state = AppState(presetName: preset.name, lesson: preset.lesson, ascii: glyphs.isASCII)
        session.start()
        if let path = options.recordPath {
            do { try session.startRecording(to: path) } catch { state.flash = error.description }
        }
        try backend.hideCursor()
        var dirty = true
        var running = true
        var immediateEmptyReads = 0
        // Wait for input at most this long, so a new snapshot is drawn within a quarter period.
        let timeout = max(10, min(100, Int(250 / options.sampleHz)))

        while running {
            if TerminalSignals.takeQuitSignal() != nil { break }
            for snapshot in session.drainSnapshots() {
                state.receive(snapshot)
                dirty = true
            }
            if let failure = session.takeRecordingFailure() {
                state.flash = failure
                dirty = true
            }
            let recording = session.recording
            if state.recordingPath != recording?.path || state.recordedRows != (recording?.rows ?? 0) {
                state.recordingPath = recording?.path
                state.recordedRows = recording?.rows ?? 0
                dirty = true
            }
            if dirty {
                try terminal.draw { grid in ScreenView.render(state, theme: theme, on: &grid) }
                dirty = false
            }
            let waitStart = MonotonicClock.now()
            guard let event = backend.readInput(timeoutMilliseconds: timeout) else {
                // A read that returns at once with nothing, again and again, means the terminal
                // is gone (its window closed without a SIGHUP reaching us): end instead of
                // spinning a core forever.
                let waited = MonotonicClock.now() - waitStart
                immediateEmptyReads = waited < UInt64(timeout) * 250_000 ? immediateEmptyReads + 1 : 0
                if immediateEmptyReads >= 200 { break }
                continue
            }
            immediateEmptyReads = 0
            var action: Action?
            switch event {
            case .key(let key):
                action = key == .ctrlC ? .quit : state.action(for: key)
            case .mousePress(let x, let y):
                action = ScreenView.action(forClickAt: x, y, state: state, size: backend.size)
            case .resize:
                terminal.invalidate()
            }
            dirty = true
            guard let action else { continue }
            for effect in state.update(action) {
                switch effect {
                case .quit:
                    running = false
                case .setPaused(let paused):
                    session.experiment.setPaused(paused)
                    state.show(paused: paused)
                case .setKnob(let name, let value):
                    if let stored = session.experiment.setKnob(name, to: value) {
                        state.show(knob: name, value: stored)
                    }
                case .setKind(let channel, let kind):
                    session.experiment.setKind(of: channel, to: kind)
                    if let current = session.experiment.kind(of: channel) { state.show(channel: channel, kind: current) }
                case .addWorker(let group):
                    session.experiment.addWorker(to: group)
                case .removeWorker(let group):
                    session.experiment.removeWorker(from: group)
                case .closeGroup(let group):
                    session.experiment.closeGroup(group)
                case .startRecording:
                    do {
                        try session.startRecording(to: Session.recordingPath(for: session.preset.name))
                    } catch {
                        state.flash = error.description
                    }
                case .stopRecording:
                    session.stopRecording()
                case .loadPresetList:
                    state.showPresets(presetEntries(options: options))
                case .restart, .loadPreset:
                    var next = session.experiment.currentPreset()
                    if case .loadPreset(let path) = effect {
                        do {
                            next = try PresetLoader.load(path: path)
                        } catch {
                            state.flash = error.lines.first ?? "cannot load \(path)"
                            continue
                        }
                    }
                    session.stop(inBackground: true)
                    session = Session(preset: next, options: options)
                    let selections = (state.selectedKnob, state.selectedChannel, state.selectedGroup)
                    state = AppState(presetName: next.name, lesson: next.lesson, ascii: glyphs.isASCII)
                    if case .restart = effect {
                        (state.selectedKnob, state.selectedChannel, state.selectedGroup) = selections
                    }
                    session.start()
                    terminal.invalidate()
                }
            }
            state.confirm(revision: session.experiment.controlRevision)
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
