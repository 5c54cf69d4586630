import Channels

/// The checks the sampler runs on every reading, each a small pure function that returns the
/// events it finds (tokio-console's lints over state).
enum SnapshotChecks {
    /// A broken accounting identity (never expected: the counters are exact).
    static func accounting(_ channel: ChannelID, _ counters: ChannelCounters, time: Double) -> ExperimentEvent? {
        counters.identityViolation.map {
            ExperimentEvent(time: time, kind: .accounting, text: "accounting broken: \(channel): \($0)")
        }
    }

    /// The last sender or the last receiver going away since the previous reading.
    static func disconnects(
        _ channel: ChannelID, _ stats: ChannelStats, sendersWereGone: Bool, receiversWereGone: Bool, time: Double
    ) -> [ExperimentEvent] {
        var events: [ExperimentEvent] = []
        let counters = stats.counters
        if stats.sendersGone && !sendersWereGone {
            events.append(ExperimentEvent(
                time: time, kind: .disconnect,
                text: "\(channel): every sender is gone"
                    + (counters.depth > 0 ? "; receivers drain \(counters.depth) then disconnect" : "; receivers see disconnected")))
        }
        if stats.receiversGone && !receiversWereGone {
            events.append(ExperimentEvent(
                time: time, kind: .disconnect,
                text: "\(channel): every receiver is gone; sends fail"
                    + (counters.discarded > 0 ? ", \(counters.discarded) queued discarded" : "")))
        }
        return events
    }

    /// A group whose every worker has now ended.
    static func finished(_ group: GroupSnapshot, wasFinished: Bool, time: Double) -> ExperimentEvent? {
        // `time`: when its last worker ended, so events at one sample list in the order they happened.
        guard group.isFinished, !wasFinished else { return nil }
        // Closed by the user (c) is said so: its workers did not run out of work.
        let reason = group.workerStates.contains(.killed) ? "killed" : group.isClosed ? "closed"
            : group.workerStates.contains(.disconnected) ? "disconnected" : "done"
        return ExperimentEvent(time: time, kind: .groupFinished, text: "\(group.name) finished (\(reason))")
    }

    /// A deadlock found or resolved by the detector.
    static func deadlock(_ change: DeadlockDetector.Change?, time: Double) -> ExperimentEvent? {
        switch change {
        case .found(let cycle)?: ExperimentEvent(time: time, kind: .deadlock, text: "deadlock: \(cycle)")
        case .cleared(let cycle)?: ExperimentEvent(time: time, kind: .deadlockCleared, text: "deadlock resolved: \(cycle)")
        case nil: nil
        }
    }
}

extension SnapshotChecks {
    /// A broken link identity (`LinkCounters`; never expected: the link counts exactly).
    static func linkAccounting(_ channel: ChannelID, _ counters: LinkCounters, time: Double) -> ExperimentEvent? {
        counters.identityViolation.map {
            ExperimentEvent(time: time, kind: .accounting, text: "accounting broken: \(channel) link: \($0)")
        }
    }
}
