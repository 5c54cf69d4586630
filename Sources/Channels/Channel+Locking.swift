#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CThreadSupport
import Synchronization

extension Channel {
    /// Runs `body` with both locks held: the state is then the whole truth.
    func locked<T>(_ body: (inout ChannelState<Element>) -> T) -> T {
        lockBoth()
        defer { unlockBoth() }
        return body(&state.pointee)
    }

    /// Takes both locks, receive lock first (the one order every path uses).
    ///
    /// While the send lock is busy the receive lock is let go again for a moment: a rendezvous
    /// sender holds the send lock while its message waits in the hand-off slot, and only a
    /// receiver, which needs the receive lock, can take it. After a few tries it simply waits
    /// (a hand-off gives up within a bounded time), so many busy senders cannot starve it.
    ///
    /// It counts itself in `bothLockWaiters` meanwhile, so a thread waiting holding one of the
    /// locks for the other side gives up at once.
    @inline(__always)
    func lockBoth() {
        fast.bothLockWaiters.pointee.add(1, ordering: .relaxed)
        defer { fast.bothLockWaiters.pointee.subtract(1, ordering: .relaxed) }
        for _ in 0..<Channel.pollsPerSpin {
            receiveLock.lock()
            if sendLock.tryLock() { return }
            receiveLock.unlock()
            sched_yield()
        }
        receiveLock.lock()
        sendLock.lock()
    }

    /// `lockBoth()` for a receiver: while the send lock is busy it keeps the receive lock and
    /// takes a message offered in the hand-off slot, which is what the sender holding the send
    /// lock may be waiting for. Returns that message (both locks held in every case).
    func lockBothAsReceiver() -> (element: Element, stamp: UInt64)? {
        fast.bothLockWaiters.pointee.add(1, ordering: .relaxed)
        defer { fast.bothLockWaiters.pointee.subtract(1, ordering: .relaxed) }
        receiveLock.lock()
        for attempt in 1...(Channel.pausesPerPoll * Channel.pollsPerSpin) {
            if sendLock.tryLock() { return nil }
            if let taken = fast.takeOffer() {
                // Its sender sees it taken, counts the send and lets go of the send lock.
                sendLock.lock()
                return taken
            }
            chanscope_cpu_relax()
            if attempt % Channel.pausesPerPoll == 0 { sched_yield() }
        }
        // Whoever holds the send lock gives up any wait for this side now (it sees this thread
        // counted above), so waiting for it is short.
        sendLock.lock()
        return nil
    }

    @inline(__always)
    func unlockBoth() {
        sendLock.unlock()
        receiveLock.unlock()
    }

    /// Wakes one waiter of a condition decided with only one side's lock held: the waiter may
    /// still be between registering and parking, which it does holding `lock`, so the signal is
    /// sent under that lock to be sure it lands.
    func signal(_ lock: ConditionLock, _ condition: ConditionLock.Condition) {
        lock.lock()
        lock.signal(condition)
        lock.unlock()
    }

    /// Carries out pending wake-ups before parking: a waiter must never sleep on a wake-up it
    /// owes someone else (a rendezvous sender's offer must reach the receiver first).
    func flush(_ wakeups: inout Wakeups) {
        wake(wakeups)
        wakeups = []
    }

    @inline(__always)
    func wake(_ wakeups: Wakeups) {
        guard !wakeups.isEmpty else { return }
        if wakeups.contains(.watchers) { notifyWatchers() }
        // Decided with both locks held, after any waiter to wake had parked (it holds its own
        // condition's lock from registering until it waits), so no lock is needed to signal.
        if wakeups.contains(.allReceivers) {
            receiveLock.broadcast(.receivers)
        } else if wakeups.contains(.oneReceiver) {
            receiveLock.signal(.receivers)
        }
        if wakeups.contains(.allSpaceWaiters) {
            sendLock.broadcast(.space)
        } else if wakeups.contains(.oneSpaceWaiter) {
            sendLock.signal(.space)
        }
        if wakeups.contains(.allHandoffWaiters) {
            sendLock.broadcast(.handoff)
        }
    }
}
