import Channels
import Synchronization

/// Python's `unfinished_tasks` for one channel that a `join` waits on: how many of the messages
/// it accepted their receivers have finished (`task_done`).
///
/// Unfinished is then `accepted - overwritten - discarded - finished`: a message accepted is
/// queued, in a receiver's hand, finished, or pushed out (an eviction or a discard, which no
/// receiver will ever finish). Finishing happens under the experiment's wait condition, so a
/// joiner that checks and then waits there cannot miss the finish that lets it go.
final class TaskLedger: Sendable {
    let channel: Channel<Message>
    private let finishedCount = Atomic<UInt64>(0)
    private let gate: WaitCondition

    init(channel: Channel<Message>, gate: WaitCondition) {
        self.channel = channel
        self.gate = gate
    }

    /// Messages finished so far.
    var finished: UInt64 { finishedCount.load(ordering: .acquiring) }

    /// Records `count` messages finished and wakes joiners to look again.
    func finish(_ count: UInt64) {
        guard count > 0 else { return }
        gate.withLock { _ = finishedCount.wrappingAdd(count, ordering: .acquiringAndReleasing) }
        gate.broadcast()
    }

    /// Unfinished messages given the channel's counters and a `finished` read no later than them.
    static func unfinished(_ counters: ChannelCounters, finished: UInt64) -> Int {
        let out = counters.overwritten &+ counters.discarded &+ finished
        return counters.accepted > out ? Int(clamping: counters.accepted - out) : 0
    }

    /// Unfinished now: `finished` is read first, so it never counts a finish of a message the
    /// channel reading has not yet seen received.
    var unfinishedNow: Int {
        let done = finished
        return Self.unfinished(Channel.sample([channel])[0].counters, finished: done)
    }

    /// Waits until nothing is unfinished, or `stop()` says to give up; true when all finished.
    ///
    /// Woken by every finish; an eviction or a discard finishes without a `task_done`, so the
    /// wait also looks again every `recheck` nanoseconds.
    func waitUntilFinished(recheck: UInt64 = 100_000_000, stop: () -> Bool) -> Bool {
        gate.withLock {
            while true {
                if stop() { return false }
                if unfinishedNow == 0 { return true }
                gate.wait(until: MonotonicClock.now() &+ recheck)
            }
        }
    }
}

extension TaskLedger {
    /// A ledger for each channel some group `join`s, nil for the others.
    static func ledgers(for preset: Preset, channels: [Channel<Message>], gate: WaitCondition) -> [TaskLedger?] {
        let joined = Set(preset.workers.flatMap(\.steps).compactMap { step -> String? in
            if case .join(let channel) = step { channel } else { nil }
        })
        return zip(preset.channels, channels).map { spec, channel in
            joined.contains(spec.name) ? TaskLedger(channel: channel, gate: gate) : nil
        }
    }
}

extension TaskLedger {
    /// Fills the groups' sentinel, pool and join figures from the reading (the builder's part).
    static func markPools(_ snapshot: inout Snapshot, _ reading: ExperimentReading) {
        let joined = Set(reading.finishedTasks.indices.filter { reading.finishedTasks[$0] != nil })
        for index in snapshot.groups.indices {
            guard let group = reading.groups[safe: index] else { continue }
            snapshot.groups[index].stoppedBySentinel = group.stoppedBySentinel
            snapshot.groups[index].isPool = !joined.isDisjoint(with: group.receivesFrom)
            snapshot.groups[index].waitingOn = group.waitingOn
            snapshot.groups[index].lastJoinSeconds = group.lastJoinNanos > 0 ? Double(group.lastJoinNanos) / 1e9 : nil
        }
    }
}
