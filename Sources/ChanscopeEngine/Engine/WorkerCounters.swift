import Synchronization

/// One worker's live counters, written by its thread and read by the sampler without locks.
///
/// Atomics rather than a lock: a worker with zero waits runs millions of steps a second and the
/// sampler must never slow it down or be blocked by it. Each value is monotonic or a plain
/// state, so a reading a few nanoseconds stale is still true.
final class WorkerCounters: Sendable {
    let state = Atomic<UInt8>(WorkerState.starting.rawValue)
    /// Index of the channel the worker is sending to or receiving from, or -1.
    let channelIndex = Atomic<Int>(-1)
    /// For a select (`channelIndex` is `WorkerCounters.selecting`): a bit per channel waited on
    /// (the first 64 channels).
    let selectChannels = Atomic<UInt64>(0)
    let made = Atomic<UInt64>(0)
    let done = Atomic<UInt64>(0)
    let sent = Atomic<UInt64>(0)
    let received = Atomic<UInt64>(0)
    let emptyPolls = Atomic<UInt64>(0)
    /// Every `poll`, empty or not.
    let polls = Atomic<UInt64>(0)
    /// The thread's CPU-time clock while it runs (see `ThreadCPUClock`), and its CPU time in all
    /// once it has ended (the clock is gone with the thread).
    let cpuClock = Atomic<Int32>(ThreadCPUClock.none)
    let finalCPUNanos = Atomic<UInt64>(0)
    /// The thread's kernel id while it runs, 0 before and after: where the sampler reads its
    /// time in the kernel (`ThreadKernelTime`).
    let threadID = Atomic<Int32>(0)
    /// Nanoseconds the thread spent in the kernel: as it counted them itself when it ended (or
    /// a worker process reported them), and as the sampler last read them while it ran.
    let finalKernelNanos = Atomic<UInt64>(0)
    let sampledKernelNanos = Atomic<UInt64>(0)
    /// A byte of what `compute` computed, published so the optimiser cannot skip the work.
    let workChecksum = Atomic<UInt32>(0)
    /// Messages in hand when the worker was closed or removed (they never reached a channel).
    let abandoned = Atomic<UInt64>(0)
    /// Nanoseconds spent inside sends and receives, finished ones only.
    let sendNanos = Atomic<UInt64>(0)
    let receiveNanos = Atomic<UInt64>(0)
    /// When the thread ended (monotonic nanoseconds), or 0 while it runs: events about ends are
    /// stamped and ordered by it, so "consumer finished" comes before the disconnect it caused.
    let endedAt = Atomic<UInt64>(0)
    /// Set when the worker ended on its group's `stop_on` sentinel.
    let stoppedBySentinel = Atomic<Bool>(false)
    /// How long the last `join` waited (nanoseconds), 0 before the first.
    let lastJoinNanos = Atomic<UInt64>(0)
    /// When the current send or receive began, or 0 when none is under way.
    let operationStart = Atomic<UInt64>(0)

    /// The `channelIndex` of a worker waiting in a select over several channels.
    static let selecting = -2

    var currentState: WorkerState {
        WorkerState(rawValue: state.load(ordering: .relaxed)) ?? .working
    }

    func set(_ newState: WorkerState) {
        state.store(newState.rawValue, ordering: .relaxed)
    }

    /// CPU time the thread has used so far (nanoseconds of a core).
    func cpuNanos() -> UInt64 {
        let clock = cpuClock.load(ordering: .acquiring)
        if clock != ThreadCPUClock.none, let now = ThreadCPUClock.nanoseconds(of: clock) { return max(now, finalCPUNanos.load(ordering: .relaxed)) }
        return finalCPUNanos.load(ordering: .acquiring)
    }

    /// Time the thread has spent in the kernel so far (nanoseconds of a core). Read from `/proc`
    /// while it runs, so only one reader calls it (the sampler, or in a worker process its
    /// reporter), which keeps the reading for after the end.
    func kernelNanos() -> UInt64 {
        let tid = threadID.load(ordering: .acquiring)
        if tid > 0, let now = ThreadKernelTime.nanoseconds(ofThread: tid) {
            sampledKernelNanos.store(max(now, sampledKernelNanos.load(ordering: .relaxed)), ordering: .relaxed)
        }
        return max(sampledKernelNanos.load(ordering: .relaxed), finalKernelNanos.load(ordering: .acquiring))
    }

    /// Total time inside sends and receives up to `now`, counting an operation still under way.
    func blockedNanos(now: UInt64) -> (send: UInt64, receive: UInt64) {
        let start = operationStart.load(ordering: .acquiring)
        let currentState = currentState
        var send = sendNanos.load(ordering: .relaxed)
        var receive = receiveNanos.load(ordering: .relaxed)
        if start != 0, now > start {
            if currentState == .blockedOnSend { send &+= now - start }
            if currentState == .blockedOnReceive { receive &+= now - start }
        }
        return (send, receive)
    }
}
