/// What one worker thread is doing right now, as the screen shows it.
public enum WorkerState: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Not started yet.
    case starting
    /// Making, handing on or consuming a message.
    case working
    /// In a `sleep` step.
    case sleeping
    /// Inside a blocking send: the channel is full (or, on a rendezvous, no receiver yet).
    case blockedOnSend
    /// Inside a blocking receive: nothing queued yet.
    case blockedOnReceive
    /// The last `poll` found the channel empty.
    case pollingEmpty
    /// Held at a step boundary by pause.
    case paused
    /// Done: its limit was reached, or it was closed or removed.
    case finished
    /// Done because the other side of a channel went away.
    case disconnected
    /// In a `work` step with `as: reading`: inside the readers-writers database, reading.
    case reading
    /// In a `work` step with `as: writing`: inside the database, alone, writing.
    case writing
    /// In a `join` step: waiting for every message of a channel to be finished.
    case joining
    /// Done because its worker process was killed by a signal (`K`, `crash_after`): it neither
    /// finished its work nor saw a disconnect. (Last, so the raw values worker processes
    /// publish keep their meaning.)
    case killed

    public var description: String {
        switch self {
        case .starting: "starting"
        case .working: "working"
        case .sleeping: "sleeping"
        case .blockedOnSend: "blocked on send"
        case .blockedOnReceive: "blocked on receive"
        case .pollingEmpty: "polling (empty)"
        case .paused: "paused"
        case .finished: "finished"
        case .disconnected: "disconnected"
        case .reading: "reading"
        case .writing: "writing"
        case .joining: "joining"
        case .killed: "killed"
        }
    }

    /// Whether the thread has ended.
    public var isDone: Bool { self == .finished || self == .disconnected || self == .killed }

    /// Whether the worker is waiting inside a channel operation.
    public var isBlocked: Bool { self == .blockedOnSend || self == .blockedOnReceive }
}

extension WorkerState {
    /// The state to show for a worker that spent these shares (0...100) of the sampling window
    /// inside sends and receives: most of the window blocked on one side is that side's state,
    /// so a producer blocked 95% of the time never shows as sleeping because the sample fell in
    /// its sleep. Ended, paused and starting workers show as they are.
    public func asSpent(sendShare: Double, receiveShare: Double) -> WorkerState {
        switch self {
        case .finished, .disconnected, .killed, .paused, .starting: return self
        default: break
        }
        if sendShare >= Self.mostOfTheWindow && sendShare >= receiveShare { return .blockedOnSend }
        if receiveShare >= Self.mostOfTheWindow { return .blockedOnReceive }
        return self
    }

    /// The share of the window (percent) from which a blocked side is the worker's state.
    public static let mostOfTheWindow = 50.0
}
