#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Channels

/// The channel's own work per message, measured on one thread with nobody to wait for: a batch
/// of sends, then the same batch of receives, over and over.
///
/// WHY beside the two-thread scenarios: what instrumentation adds (a stamp now and then, a
/// latency sample, a counter) is a few nanoseconds of work per message, while two threads on a
/// shared two-core machine vary by 2-3x from run to run with how the scheduler places them. One
/// thread has no placement to vary, so the difference between raw and instrumented is the
/// instrumentation's cost and little else.
public enum OneThreadCost {
    /// The kinds measured: every kind a single thread can send to and receive from.
    public static let kinds: [ChannelKind] = [.bounded(1024), .unbounded, .dropping(1024), .overwriting(1024)]

    /// Messages per batch: sent, then received, so the ring is filled and drained like a busy one.
    static let batch = 512

    /// Nanoseconds per message (one send and one receive) over `messages` messages.
    public static func nanosecondsPerMessage(kind: ChannelKind, messages: Int, instrumented: Bool) -> Double {
        let channel = Channel<UInt64>(kind: kind, stampsMessages: instrumented)
        let sender = channel.makeSender()
        let receiver = channel.makeReceiver()
        let batches = max(1, messages / batch)
        var sum: UInt64 = 0
        let start = threadTime()
        for round in 0..<batches {
            let base = UInt64(round * batch)
            for offset in 0..<UInt64(batch) { _ = sender.send(base &+ offset) }
            for _ in 0..<batch {
                if case .received(let value, _) = receiver.receive() { sum &+= value }
            }
        }
        let elapsed = threadTime() - start
        // Every message was received: the sum is checked so none of the work can be skipped.
        let n = UInt64(batches * batch)
        precondition(sum == n &* (n &- 1) / 2, "one-thread run lost messages")
        return Double(elapsed) / Double(batches * batch)
    }

    /// The calling thread's CPU time in nanoseconds: time the thread was not running (the
    /// machine busy elsewhere) does not count, which is most of the noise on a shared machine.
    private static func threadTime() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
