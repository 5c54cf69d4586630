import Channels
import ChanscopeEngine

/// The receipts of controls that the newest snapshot may not show yet.
///
/// WHY: the sampler may read the knobs just before a key changes one and deliver that snapshot
/// just after; drawing it would put the old value back on screen for a whole sampling period.
/// Each receipt says what the engine stored and at which revision; it is laid over every
/// snapshot sampled at a lower revision and dropped by the first one sampled at or after it.
public struct ControlReceipts: Sendable, Equatable {
    public private(set) var waiting: [ControlReceipt] = []

    public init() {}

    public var isEmpty: Bool { waiting.isEmpty }

    /// Remembers a receipt until a snapshot at its revision arrives.
    public mutating func add(_ receipt: ControlReceipt) {
        guard receipt.change != .none else { return }
        waiting.append(receipt)
    }

    /// `snapshot` with what it is too old to show laid over it; receipts it already shows go.
    public mutating func lay(over snapshot: Snapshot) -> Snapshot {
        waiting.removeAll { $0.revision <= snapshot.controlRevision }
        return waiting.reduce(snapshot) { Self.apply($1.change, to: $0) }
    }

    /// `snapshot` with one change applied.
    static func apply(_ change: ControlReceipt.Change, to snapshot: Snapshot) -> Snapshot {
        var result = snapshot
        switch change {
        case .knob(let id, let value):
            if let index = result.knobs.firstIndex(where: { $0.id == id }) { result.knobs[index].value = value }
        case .kind(let channel, let kind):
            if let index = result.channels.firstIndex(where: { $0.id == channel }) { result.channels[index].stats.kind = kind }
        case .paused(let paused):
            result.isPaused = paused
        case .none:
            break
        }
        return result
    }
}
