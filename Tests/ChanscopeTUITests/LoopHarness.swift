import ChanscopeEngine
import Foundation
import Testing

@testable import ChanscopeTUI

/// The screen's own loop in process: `AppLoop` over the in-memory `TestBackend` and a real
/// `EngineSession` (real worker threads), so a scripted key goes key -> update -> command ->
/// engine -> answer -> frame, exactly as on a terminal.
///
/// Waits are bounded polls on a condition of the screen or the engine, never a fixed sleep.
final class LoopHarness {
    let backend: TestBackend
    let session: EngineSession
    let loop: AppLoop<TestBackend>
    let directory: String

    /// A running loop on `preset` at `width` x `height`; recordings go to a fresh folder.
    init(
        preset: Preset = .builtInDefault, width: Int = 120, height: Int = 35, presets: [AppState.PresetEntry] = [],
        paused: Bool = false
    ) {
        directory = NSTemporaryDirectory() + "chanscope-loop-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        backend = TestBackend(width: width, height: height)
        session = EngineSession(preset: preset, options: AppOptions(sampleHz: 50, recordingDirectory: directory, startPaused: paused)) { presets }
        loop = AppLoop(state: AppState(presetName: preset.name, lesson: preset.lesson), backend: backend, session: session, theme: Theme())
        for message in session.start() { loop.deliver(message) }
        waitForScreen("the first snapshot") { $0.contains(paused ? "PAUSED" : "running") }
    }

    deinit {
        session.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }

    var engine: Experiment { session.experiment }
    var state: AppState { loop.state }
    var screen: String { backend.lines().joined(separator: "\n") }

    /// Types `keys` one turn each, then draws the frame that follows.
    func press(_ keys: Key...) {
        for key in keys {
            backend.scriptedInput.append(.key(key))
            _ = try? loop.turn(timeoutMilliseconds: 0)
        }
        try? loop.drawIfNeeded()
    }

    /// A left click on column `x`, row `y`, then the frame that follows.
    func click(x: Int, y: Int) {
        backend.scriptedInput.append(.mousePress(x: x, y: y))
        _ = try? loop.turn(timeoutMilliseconds: 0)
        try? loop.drawIfNeeded()
    }

    /// Runs turns until `condition` holds for the drawn screen, at most `seconds`.
    @discardableResult
    func waitForScreen(_ what: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            _ = try? loop.turn(timeoutMilliseconds: 5)
            try? loop.drawIfNeeded()
            if condition(screen) { return true }
        }
        Issue.record("timed out waiting for \(what); screen:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    /// The worker row of group `name` (after its selection marker), not a lesson line that
    /// happens to mention the group.
    func groupRow(_ name: String) -> String? {
        backend.lines().first { line in
            let trimmed = line.drop { $0 == " " || $0 == "▸" || $0 == ">" }
            return trimmed.hasPrefix(name + " ")
        }
    }

    /// The screen's line that contains `text`, if any.
    func line(containing text: String) -> String? { backend.lines().first { $0.contains(text) } }
}
