import Channels

/// Everything the user can ask for, whatever key or click asked for it.
public enum Action: Hashable, Sendable {
    case quit
    case togglePause
    /// Restarts from the preset as loaded.
    case restart
    /// Restarts with the current knob values, kinds, capacities and worker counts.
    case restartKeepingSettings
    case selectPreviousKnob
    case selectNextKnob
    /// Moves the selected slider by `steps` of its step (fine) ...
    case adjust(steps: Int)
    /// ... or by a tenth of its range (coarse: shift or PgUp/PgDn).
    case adjustCoarse(direction: Int)
    /// ... or to its least (direction -1, Home) or greatest value (End).
    case adjustToLimit(direction: Int)
    /// Switches the selected channel to the kind of key `1`-`6`.
    case switchKind(ChannelKind.Family)
    case selectNextChannel
    case selectNextGroup
    case addWorker
    case removeWorker
    case closeGroup
    /// Sends SIGKILL to the selected group's worker process (transport channels).
    case killProcess
    case toggleRecording
    case openPresets
    case toggleHelp
    /// Shows or hides the lesson strip, and steps through the lesson's lines.
    case toggleLessonStrip
    case nextLessonLine
    case previousLessonLine
    /// Sets a knob to a value (a click on a slider's track).
    case setKnob(index: Int, value: Double)
    /// In the preset list.
    case listUp
    case listDown
    case listChoose
    case dismiss
}
