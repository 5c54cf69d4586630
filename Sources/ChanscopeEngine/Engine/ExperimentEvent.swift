/// Something that changed during an experiment, for the event log and the CSV `event` column.
public struct ExperimentEvent: Sendable, Hashable {
    /// What sort of change it was, so the screen can colour it.
    public enum Kind: String, Sendable, Hashable {
        case started, knob, kind, capacity, workerAdded, workerRemoved, groupClosed, groupFinished
        case disconnect, deadlock, deadlockCleared, paused, resumed, prefill, recording, accounting
    }

    /// Seconds since the experiment started.
    public var time: Double
    public var kind: Kind
    /// One human line, e.g. `work: kind bounded(8) -> dropping(8)`.
    public var text: String

    public init(time: Double, kind: Kind, text: String) {
        self.time = time
        self.kind = kind
        self.text = text
    }

    /// Whether the event is bad news the screen should make stand out.
    public var isAlarm: Bool {
        switch kind {
        case .disconnect, .deadlock, .accounting: true
        default: false
        }
    }
}
