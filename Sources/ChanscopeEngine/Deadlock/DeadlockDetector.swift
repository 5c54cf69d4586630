/// Reports a wait-for cycle once it has persisted past a grace period, and clears it when it
/// resolves: a pure check over each sample (the model is tokio-console's warnings).
///
/// The grace period keeps a healthy but busy system quiet: a pipeline whose stages are briefly
/// all blocked at one sample instant is not a deadlock; one that stays that way, with no message
/// moving through the cycle's channels, is.
public struct DeadlockDetector: Sendable {
    /// Seconds a cycle must persist before it is reported.
    public var grace: Double
    private var candidate: (cycle: String, since: Double, activity: [UInt64])?
    /// The cycle currently reported.
    public private(set) var reported: String?

    public init(grace: Double = 1.0) {
        self.grace = grace
    }

    /// What changed with this sample.
    public enum Change: Sendable, Equatable {
        case found(String)
        case cleared(String)
    }

    /// Feeds one sample taken at `time` (seconds); returns a change to log, if any.
    public mutating func update(_ graph: WaitForGraph, time: Double) -> Change? {
        let cycle = graph.findCycle()
        let activity = cycle.map(graph.activity(ofCycle:)) ?? []
        // The reported cycle is over as soon as it is no longer the one seen (even if another
        // cycle appears: that one must persist on its own), or as soon as messages move through it.
        if let previous = reported, previous != cycle || candidate?.activity != activity {
            reported = nil
            candidate = cycle.map { ($0, time, activity) }
            return .cleared(previous)
        }
        guard let cycle else {
            candidate = nil
            return nil
        }
        if candidate?.cycle != cycle || candidate?.activity != activity {
            candidate = (cycle, time, activity)
        }
        if reported != cycle, let since = candidate?.since, time - since >= grace {
            reported = cycle
            return .found(cycle)
        }
        return nil
    }
}
