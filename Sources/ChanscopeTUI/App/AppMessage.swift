import ChanscopeEngine

/// Everything that can change the screen's model, as a message to `AppState.update`.
///
/// WHY one type (bubbletea's `Msg`): input, the sampler and the engine's answers all arrive the
/// same way, so nothing but `update` writes the model and every change is testable in order.
public enum AppMessage: Sendable, Equatable {
    /// A key press.
    case key(Key)
    /// The left button went down on column `x`, row `y`.
    case click(x: Int, y: Int)
    /// The terminal has this size now (also sent once at start).
    case resized(TerminalSize)
    /// A snapshot from the sampler.
    case snapshot(Snapshot)
    /// What a control stored in the engine, at which revision.
    case controlApplied(ControlReceipt)
    /// Recording began to this file.
    case recordingStarted(path: String)
    /// Rows written to the recording so far.
    case recordingRows(Int)
    /// Recording stopped after this many rows.
    case recordingStopped(rows: Int)
    /// Recording could not start or stopped on an error: one line saying why.
    case recordingFailed(String)
    /// The preset list, to show.
    case presetListLoaded([AppState.PresetEntry])
    /// A preset could not be loaded: one line saying why.
    case presetFailed(String)
    /// A new experiment runs; `keepSelections` after a restart of the same preset.
    case sessionStarted(presetName: String, lesson: String, keepSelections: Bool)
}
