import Channels
import ChanscopeEngine

/// What `update` asks the outside world to do: the only impure part of a key press.
///
/// Commands run against a `SessionControl`, which answers with messages (a control's receipt,
/// a recording started or failed, a new session), so the model changes only in `update`.
public enum Command: Hashable, Sendable {
    case quit
    case setPaused(Bool)
    /// A new experiment from the preset as it was loaded (the lesson starts over).
    case restart
    /// A new experiment from the current settings: knob values, kinds, capacities, workers.
    case restartKeepingSettings
    case setKnob(KnobID, Double)
    case setKind(ChannelID, ChannelKind.Family)
    case addWorker(GroupID)
    case removeWorker(GroupID)
    case closeGroup(GroupID)
    case killProcess(GroupID)
    case startRecording
    case stopRecording
    case loadPresetList
    case loadPreset(path: String)
}
