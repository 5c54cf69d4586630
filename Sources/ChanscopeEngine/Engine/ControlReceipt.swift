import Channels

/// What a control stored in the engine, and the engine's control revision once it was in place.
///
/// WHY: the sampler may read the knobs just before a key changes one and deliver that snapshot
/// just after. The screen keeps each receipt and lays what it stored over snapshots sampled at a
/// lower revision, so a key's change never flickers back to the old value.
public struct ControlReceipt: Sendable, Equatable {
    /// What the control left in place.
    public enum Change: Sendable, Equatable {
        case knob(KnobID, Double)
        case kind(ChannelID, ChannelKind)
        case paused(Bool)
        /// Nothing a snapshot shows changed (e.g. a worker added: the next snapshot shows it).
        case none
    }

    public var change: Change
    /// The engine's `controlRevision` after the change.
    public var revision: Int

    public init(_ change: Change, revision: Int) {
        self.change = change
        self.revision = revision
    }
}

extension ControlReceipt {
    /// The value a knob control stored, if this is a knob's receipt.
    public var knobValue: Double? {
        if case .knob(_, let value) = change { value } else { nil }
    }
}
