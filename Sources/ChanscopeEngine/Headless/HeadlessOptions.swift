/// How a run without a screen goes: how long, how often to sample, where to record.
public struct HeadlessOptions: Sendable, Equatable {
    /// Seconds to run; the run ends earlier once every group has finished.
    public var duration: Double
    /// Samples per second.
    public var sampleHz: Double
    /// A CSV file to record to (never overwritten), or nil.
    public var recordPath: String?
    /// Seeds sleep jitter.
    public var seed: UInt64
    /// Seconds a wait-for cycle must persist before it is reported as a deadlock.
    public var deadlockGrace: Double
    /// How many of the latest snapshots the result keeps (running totals cover the rest).
    public var historyLimit: Int
    /// Where the memory guard holds a growing channel's producers.
    public var memoryLimit: MemoryLimit

    /// The longest headless run: about 31 years, far inside what the clock's nanoseconds hold.
    public static let longestDuration = 1e9

    /// Why `seconds` cannot be a run's duration (`--duration`), or nil when it can.
    public static func durationProblem(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds > 0, seconds <= longestDuration else {
            return "--duration must be a number of seconds above 0 and at most \(NumberText.plain(longestDuration))"
        }
        return nil
    }

    public init(
        duration: Double = 10, sampleHz: Double = 10, recordPath: String? = nil, seed: UInt64 = 0x5EED,
        deadlockGrace: Double = 1.0, historyLimit: Int = 3000, memoryLimit: MemoryLimit = .machineDefault
    ) {
        self.duration = duration
        self.sampleHz = sampleHz
        self.recordPath = recordPath
        self.seed = seed
        self.deadlockGrace = deadlockGrace
        self.historyLimit = historyLimit
        self.memoryLimit = memoryLimit
    }
}
