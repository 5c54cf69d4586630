/// Reports a wait-for cycle once it has persisted past a grace period, and clears it when it
/// resolves: a pure check over each sample (the model is tokio-console's warnings).
///
/// The grace period keeps a healthy but busy system quiet: a pipeline whose stages are briefly
/// all blocked at one sample instant is not a deadlock; one that stays that way is.
public struct DeadlockDetector: Sendable {
    /// Seconds a cycle must persist before it is reported.
    public var grace: Double
    private var candidate: (cycle: String, since: Double)?
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
        guard let cycle = graph.findCycle() else {
            candidate = nil
            if let previous = reported {
                reported = nil
                return .cleared(previous)
            }
            return nil
        }
        if candidate?.cycle != cycle {
            candidate = (cycle, time)
        }
        if reported != cycle, let since = candidate?.since, time - since >= grace {
            reported = cycle
            return .found(cycle)
        }
        return nil
    }
}
