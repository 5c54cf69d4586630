/// Something that changed during an experiment, for the event log and the CSV `event` column.
public struct ExperimentEvent: Sendable, Hashable {
    /// What sort of change it was, so the screen can colour it.
    public enum Kind: String, Sendable, Hashable {
        case started, knob, kind, capacity, workerAdded, workerRemoved, groupClosed, groupFinished
        case disconnect, deadlock, deadlockCleared, paused, resumed, prefill, recording, accounting, memory
        /// A worker process started, was signalled or ended (transport channels).
        case process
    }

    /// Seconds since the experiment started.
    public var time: Double
    public var kind: Kind
    /// One human line, e.g. `work: kind bounded(8) -> dropping(8)`.
    public var text: String
    /// For a knob or worker-count change: the numbers behind `text`, so bursts can fold.
    public var change: ValueChange?

    public init(time: Double, kind: Kind, text: String, change: ValueChange? = nil) {
        self.time = time
        self.kind = kind
        self.text = text
        self.change = change
    }

    /// An event for a value change, worded by it.
    public init(time: Double, kind: Kind, change: ValueChange) {
        self.init(time: time, kind: kind, text: change.text, change: change)
    }

    /// How long after one change of a knob a further change still folds into it on screen.
    public static let burstSeconds = 2.0

    /// This event folded into `earlier` when both change the same knob within a burst: one line
    /// from where the first began to where this one ends, at this one's time; nil otherwise.
    public func folded(into earlier: ExperimentEvent) -> ExperimentEvent? {
        guard let change, let before = earlier.change, change.knob == before.knob, kind == earlier.kind
            || (kind == .workerAdded || kind == .workerRemoved) && (earlier.kind == .workerAdded || earlier.kind == .workerRemoved),
            time - earlier.time <= Self.burstSeconds
        else { return nil }
        let merged = change.merged(after: before)
        return ExperimentEvent(time: time, kind: kind, change: merged)
    }

    /// Whether the event is bad news the screen should make stand out.
    public var isAlarm: Bool {
        switch kind {
        case .disconnect, .deadlock, .accounting, .memory: true
        default: false
        }
    }
}
