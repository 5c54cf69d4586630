import Channels
import ChanscopeEngine

/// Settings the screen changed that the newest snapshot may not show yet.
///
/// WHY: the sampler may read the knobs just before a key changes one and hand that snapshot
/// over just after; drawing it would put the old value back on screen for a whole sampling
/// period (about one arrow press in ten did that). Each change is remembered with the engine's
/// control revision after it, and laid over any snapshot taken at an older revision.
public struct PendingControls: Sendable, Equatable {
    public var knobs: [String: Double] = [:]
    public var kinds: [String: ChannelKind] = [:]
    public var paused: Bool?
    /// The engine's `controlRevision` once these changes were in place.
    public var revision = 0

    public init() {}

    public var isEmpty: Bool { knobs.isEmpty && kinds.isEmpty && paused == nil }

    /// Whether `snapshot` was sampled before the changes took effect.
    public func predates(_ snapshot: Snapshot) -> Bool { snapshot.controlRevision < revision }

    /// `snapshot` with the remembered settings laid over it.
    public func applied(to snapshot: Snapshot) -> Snapshot {
        var result = snapshot
        for (name, value) in knobs {
            if let index = result.knobs.firstIndex(where: { $0.name == name }) { result.knobs[index].value = value }
        }
        for (name, kind) in kinds {
            if let index = result.channels.firstIndex(where: { $0.name == name }) { result.channels[index].stats.kind = kind }
        }
        if let paused { result.isPaused = paused }
        return result
    }
}
