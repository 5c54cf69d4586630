/// What the app loop must do to the outside world after an update: the only impure part.
public enum Effect: Hashable, Sendable {
    case quit
    case setPaused(Bool)
    case restart
    case setKnob(name: String, value: Double)
    case setKind(channel: String, kind: String)
    case addWorker(group: String)
    case removeWorker(group: String)
    case closeGroup(group: String)
    case startRecording
    case stopRecording
    case loadPresetList
    case loadPreset(path: String)
}
