#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CThreadSupport
import Synchronization

extension Channel {
    /// How many times a thread that must wait lets the other side move before it parks.
    /// Parking and waking cost two system calls and a context switch; the other side usually
    /// makes progress within a few yields, which is what the fast peers do too.
    static var spinsBeforeParking: Int { 16 }

    /// How long a send that found no room (a receive that found nothing, a rendezvous sender
    /// whose offer is out) waits for the other side before it turns to the state machine, which
    /// takes both locks and parks (nanoseconds; a deadline ends it sooner). On two busy cores the
    /// other side is usually a few hundred nanoseconds away; the rest rides out the other thread
    /// being descheduled for a timer tick, where giving up would cost a park and a wake-up on
    /// both sides.
    static var waitNanoseconds: UInt64 { 40_000 }

    /// How many times a slow-path spin yields, looking at the ring's positions in between,
    /// before it takes the locks again; also polls per wait round above.
    static var pollsPerSpin: Int { 4 }

    /// How many times one poll reads the watched value, pausing the core in between (about
    /// 20 ns each here), before it yields: a cache line written on the other core arrives in
    /// 100-300 ns, and a yield lets the other side run when both share a core.
    static var pausesPerPoll: Int { 16 }

    /// How many CPU pauses (about 1.2 microseconds here) a receiver that emptied a buffered
    /// channel waits before it looks for the next message (see `waitForOtherSide`).
    static var backoffPauses: Int { 64 }

    /// When a wait for the other side gives up: `waitNanoseconds` from now, or the caller's
    /// deadline if that comes first. Read only by a thread about to wait.
    @inline(__always)
    func waitDeadline(_ deadline: UInt64?) -> UInt64 {
        let end = MonotonicClock.now() &+ Channel.waitNanoseconds
        guard let deadline else { return end }
        return min(end, deadline)
    }

    /// Waits a little for the other side to make `condition` (read holding `lock`) true, and
    /// says whether it did; `lock` is held on entry and on return.
    ///
    /// With one sender and one receiver the two threads hand messages to each other, and
    /// spinning holding the lock (`waitHoldingLock`) is fastest. With several threads on a side,
    /// waiting holding the lock would put the others to sleep on it, and spinning would take the
    /// cores the other side needs: then the lock is let go and the thread yields, looking at the
    /// other side's ring position (memory that never moves) in between.
    ///
    /// `backingOff`: a receiver that emptied a channel holding several messages first lets the
    /// sender get a few messages ahead (`backoffPauses`). Checking at once would fetch the very
    /// cache line the sender is writing, message after message, and the two would run in lock
    /// step at half the speed they reach a few slots apart.
    @inline(__always)
    func waitForOtherSide(
        holding lock: ConditionLock, watching position: UnsafeMutablePointer<Atomic<Int>>, giveUpAt: UInt64,
        backingOff: Bool = false, _ condition: () -> Bool
    ) -> Bool {
        if fast.oneOnEachSide {
            if backingOff {
                for _ in 0..<Channel.backoffPauses { chanscope_cpu_relax() }
            }
            return waitHoldingLock(giveUpAt: giveUpAt, condition)
        }
        while !condition() {
            if MonotonicClock.now() >= giveUpAt { return false }
            let seen = position.pointee.load(ordering: .relaxed)
            lock.unlock()
            for _ in 0..<Channel.pollsPerSpin {
                sched_yield()
                if position.pointee.load(ordering: .relaxed) != seen { break }
            }
            lock.lock()
        }
        return true
    }

    /// Waits a little for `condition`, holding this side's lock, and says whether it came true.
    ///
    /// WHY wait holding the lock: the other side's fast path does not need it, and the slots
    /// the condition reads can only move or be freed under both locks, so the wait can read them
    /// directly (one cache line that the other core writes) instead of a position beside them.
    /// It reads the condition with a CPU pause in between, and yields now and then in case the
    /// other side is waiting for this core. It gives up at `giveUpAt`, and as soon as a thread
    /// waits to take both locks (a woken receiver, a sender going to park, the sampler, a kind
    /// change): that thread may be the very one this one waits for, and it must not wait long.
    @inline(__always)
    func waitHoldingLock(giveUpAt: UInt64, _ condition: () -> Bool) -> Bool {
        while true {
            for _ in 0..<Channel.pausesPerPoll {
                if condition() { return true }
                chanscope_cpu_relax()
            }
            if fast.bothLockWaiters.pointee.load(ordering: .relaxed) > 0 || MonotonicClock.now() >= giveUpAt {
                return condition()
            }
            sched_yield()
        }
    }

    /// Lets the other side move before trying again (both locks held on entry and exit): the
    /// locks are released, the ring's positions are polled without them for a few yields, and
    /// the locks are taken again as soon as something moved.
    ///
    /// A receiver may meet a rendezvous sender in the hand-off slot while it takes the locks
    /// again (`lockBothAsReceiver`); the message it took is returned.
    @discardableResult
    func spin(_ wakeups: inout Wakeups, asReceiver: Bool) -> (element: Element, stamp: UInt64)? {
        flush(&wakeups)
        let seenHead = head.pointee.load(ordering: .relaxed)
        let seenTail = tail.pointee.load(ordering: .relaxed)
        unlockBoth()
        for _ in 0..<Channel.pollsPerSpin {
            sched_yield()
            if head.pointee.load(ordering: .relaxed) != seenHead || tail.pointee.load(ordering: .relaxed) != seenTail { break }
            if asReceiver && fast.handoffState.pointee.load(ordering: .relaxed) == HandoffState.offered.rawValue { break }
        }
        if asReceiver { return lockBothAsReceiver() }
        lockBoth()
        return nil
    }
}
