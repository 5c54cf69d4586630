/// What a run without a screen saw: every snapshot, every event, and any broken identity.
public struct HeadlessResult: Sendable {
    /// Every snapshot in order; the last is taken at the end, just before the workers are stopped.
    public var snapshots: [Snapshot]
    /// Accounting identity failures, one line each (expected empty).
    public var violations: [String]
    /// Rows written to the CSV file, if recording.
    public var rowsRecorded: Int

    /// The last snapshot.
    public var final: Snapshot? { snapshots.last }
    /// Every event of the run, in order.
    public var events: [ExperimentEvent] { snapshots.flatMap(\.events) }
    /// The largest depth a channel reached in any sample.
    public func maxDepth(of channel: String) -> Int {
        snapshots.compactMap { $0.channel(named: channel)?.depth }.max() ?? 0
    }
}
