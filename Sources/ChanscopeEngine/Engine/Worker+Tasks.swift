import Channels

/// Python's queue semantics: `task_done`, `join` and the sentinel that stops a worker.
extension Worker {
    /// Finishes every message this worker has received from joined channels since the last time
    /// (Python's `task_done`, once per message got).
    func finishTasks() {
        guard ports.countsTasks else { return }
        for receiver in receivers {
            if let inlet = receiver as? TaskCountingInlet { inlet.finishReceived() }
        }
    }

    /// Waits, shown as joining, until every message accepted on the channel is finished.
    func join(channel: Int) -> WorkerState? {
        guard let ledger = ports.ledgers[safe: channel] ?? nil else { return nil }
        counters.channelIndex.store(channel, ordering: .relaxed)
        counters.set(.joining)
        let start = MonotonicClock.now()
        let finished = ledger.waitUntilFinished { shouldStop }
        counters.lastJoinNanos.store(max(1, MonotonicClock.now() &- start), ordering: .relaxed)
        counters.set(.working)
        return finished ? nil : .finished
    }

    /// Ends the worker when the message just received is its group's sentinel: the sentinel is
    /// finished like any message (Python's consumer calls `task_done` for the `None` too).
    func stopOnSentinel(_ hand: inout Message?) -> WorkerState? {
        guard let stop = group.stopTag, hand?.tag == stop else { return nil }
        consume(&hand)
        finishTasks()
        counters.stoppedBySentinel.store(true, ordering: .relaxed)
        return .finished
    }
}
