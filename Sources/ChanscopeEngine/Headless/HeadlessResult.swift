import DequeModule

/// What a run without a screen saw: the latest snapshots, running totals, every broken identity.
///
/// Bounded: a run keeps its last `HeadlessOptions.historyLimit` snapshots and the last
/// `eventLimit` events, plus totals over the whole run, so an hour at 100 Hz costs no more
/// memory than a minute.
public struct HeadlessResult: Sendable {
    /// The most recent snapshots in order (all of them in a short run); the last is taken at the
    /// end, just before the workers are stopped.
    public private(set) var snapshots: [Snapshot] = []
    /// How many snapshots were taken in all.
    public private(set) var sampleCount = 0
    /// The most recent events, in order, and how many there were in all.
    public private(set) var events: [ExperimentEvent] = []
    public private(set) var eventCount = 0
    /// Accounting identity failures, one line each (expected empty; the first 100 kept).
    public private(set) var violations: [String] = []
    /// Rows written to the CSV file, if recording.
    public var rowsRecorded = 0
    /// Why recording stopped early (the run went on), if it did.
    public var recordingFailure: String?
    private var depthPeaks: [String: Int] = [:]
    private let historyLimit: Int

    /// How many events are kept.
    public static let eventLimit = 1000

    public init(historyLimit: Int) {
        self.historyLimit = max(1, historyLimit)
    }

    /// Takes in one snapshot: totals, peaks, events and the bounded history.
    public mutating func add(_ snapshot: Snapshot) {
        sampleCount += 1
        snapshots.append(snapshot)
        if snapshots.count > historyLimit { snapshots.removeFirst(snapshots.count - historyLimit) }
        events += snapshot.events
        eventCount += snapshot.events.count
        if events.count > Self.eventLimit { events.removeFirst(events.count - Self.eventLimit) }
        for channel in snapshot.channels {
            depthPeaks[channel.name] = max(depthPeaks[channel.name] ?? 0, channel.depth)
        }
        if let violation = snapshot.accountingViolation, violations.count < 100 {
            violations.append(NumberText.fixed(snapshot.time, decimals: 1) + " s: " + violation)
        }
    }

    /// The last snapshot.
    public var final: Snapshot? { snapshots.last }

    /// The largest depth a channel reached in any sample of the run.
    public func maxDepth(of channel: String) -> Int { depthPeaks[channel] ?? 0 }
}
