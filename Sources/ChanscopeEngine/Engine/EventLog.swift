/// The events logged since the last snapshot, and how many were ever logged (the revision).
///
/// Not thread-safe by itself: the experiment uses it under its lock. Every control that changes
/// something logs once, after its change is in place, so a snapshot that read a revision at least
/// as high as a control's also shows that control's effect.
struct EventLog {
    private var pending: [ExperimentEvent] = []
    /// How many events have been logged.
    private(set) var revision = 0

    /// Queues an event for the next snapshot and counts the revision.
    mutating func record(_ event: ExperimentEvent) {
        pending.append(event)
        revision += 1
    }

    /// Takes every event queued since the last call: they belong to exactly one snapshot.
    mutating func takeEvents() -> [ExperimentEvent] {
        defer { pending.removeAll() }
        return pending
    }
}
