#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CThreadSupport
import Synchronization

/// A multi-producer, multi-consumer channel of one of five kinds, with exact accounting.
///
/// The rules live in `ChannelState`, a value guarded by two locks: senders hold the send lock,
/// receivers the receive lock, and anything that concerns both ends (parking, disconnects, kind
/// changes, reading the counters) holds both, receive lock first. A send that finds room, a
/// receive that finds a message and a rendezvous hand-off to a receiver that is not parked need
/// only their own side's lock (see `ChannelFastPath`), so a producer and a consumer on two
/// cores do not take turns on one lock for every message. Messages are sent and received
/// through `Sender` and `Receiver` handles, whose live counts decide disconnection the way
/// Rust's `std::sync::mpsc` does.
public final class Channel<Element: Sendable>: @unchecked Sendable {
    /// Receivers park on it (`.receivers`).
    let receiveLock = ConditionLock()
    /// Senders park on it (`.space`, `.handoff`).
    let sendLock = ConditionLock()
    /// Allocated once so the hot path mutates it in place, without exclusivity bookkeeping.
    let state: UnsafeMutablePointer<ChannelState<Element>>
    /// Sends that find room and receives that find a message, under one side's lock.
    private let fast: ChannelFastPath<Element>
    /// The ring's positions, polled without a lock by a spinning slow path.
    private var head: UnsafeMutablePointer<Atomic<Int>> { fast.head }
    private var tail: UnsafeMutablePointer<Atomic<Int>> { fast.tail }
    /// Whether sends are stamped at all (fixed at creation, so readable without the lock).
    let stampsMessages: Bool

    /// Creates a channel with no handles yet; make them with `makeSender()`/`makeReceiver()`.
    ///
    /// - Parameter stampsMessages: stamp each message with its acceptance time and record queueing
    ///   latency. The experiment engine wants it; the raw benchmark can turn it off.
    public init(kind: ChannelKind, stampsMessages: Bool = true) {
        self.stampsMessages = stampsMessages
        state = .allocate(capacity: 1)
        state.initialize(to: ChannelState(kind: kind, stampsMessages: stampsMessages))
        fast = ChannelFastPath(memory: state.pointee.memory)
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// A new sender handle; the channel counts it as live until it is closed or released.
    public func makeSender() -> Sender<Element> {
        locked { $0.addSender() }
        return Sender(channel: self)
    }

    /// A new receiver handle; the channel counts it as live until it is closed or released.
    public func makeReceiver() -> Receiver<Element> {
        locked { $0.addReceiver() }
        return Receiver(channel: self)
    }

    /// The current kind (and capacity).
    public var kind: ChannelKind { locked { $0.kind } }

    /// Switches the kind or capacity while senders and receivers may be blocked on it.
    public func setKind(_ kind: ChannelKind) {
        var wakeups = Wakeups()
        locked { $0.setKind(kind, wakeups: &wakeups) }
        wake(wakeups)
    }

    /// Changes the capacity, keeping the kind (no effect on `unbounded` and `rendezvous`).
    public func setCapacity(_ capacity: Int) {
        var wakeups = Wakeups()
        locked { $0.setKind($0.kind.withCapacity(capacity), wakeups: &wakeups) }
        wake(wakeups)
    }

    /// The counters, as one consistent value.
    public var counters: ChannelCounters { locked { $0.counters } }

    /// A consistent reading of everything but latency.
    public func stats() -> ChannelStats {
        locked { stats(of: $0, latency: .empty) }
    }

    /// A consistent reading including the queueing latency since the previous `sample()`.
    ///
    /// Meant for one sampler: each call starts a new latency interval.
    public func sample() -> ChannelStats {
        locked { state in
            let latency = state.takeLatency()
            return stats(of: state, latency: latency)
        }
    }

    /// `sample()` of several distinct channels as of one instant: every lock is taken (in array
    /// order) before any is read, so a message moving from one channel to another between two
    /// readings is never counted in both, or in neither.
    ///
    /// No other operation holds two channels' locks, so taking them in a fixed order cannot
    /// deadlock.
    public static func sample(_ channels: [Channel]) -> [ChannelStats] {
        for channel in channels { channel.lockBoth() }
        defer { for channel in channels.reversed() { channel.unlockBoth() } }
        return channels.map { channel in
            let latency = channel.state.pointee.takeLatency()
            return channel.stats(of: channel.state.pointee, latency: latency)
        }
    }

    private func stats(of state: ChannelState<Element>, latency: LatencySummary) -> ChannelStats {
        ChannelStats(
            kind: state.kind, counters: state.counters,
            senders: state.liveSenders, receivers: state.liveReceivers,
            blockedSenders: state.blockedSenders, blockedReceivers: state.blockedReceivers,
            latency: latency)
    }

    // MARK: Operations used by the handles

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

    /// Sends, waiting as the kind says while `deadline` (monotonic ns) allows; `nil` waits forever.
    ///
    /// The message is stamped with its acceptance time when the channel's `StampPacer` says so.
    @inline(__always)
    func send(
        _ element: Element, waits: Bool, deadline: UInt64?, handle: Sender<Element>
    ) -> SendResult<Element> {
        var wakeReceiver = false
        sendLock.lock()
        var stamp = stampsMessages ? fast.nextStamp() : 0
        if let result = fast.send(element, now: stamp, wakeReceiver: &wakeReceiver) {
            sendLock.unlock()
            if wakeReceiver { signal(receiveLock, .receivers) }
            return result
        }
        if waits && fast.mayOfferDirectly {
            let handedOver = handOver(element, stamp: stamp, giveUpAt: waitDeadline(deadline))
            sendLock.unlock()
            if handedOver { return .sent }
        } else {
            if waits && fast.otherSideMayMove(forSender: true)
                && waitForOtherSide(holding: sendLock, watching: head, giveUpAt: waitDeadline(deadline), { fast.roomAppeared }) {
                // Accepted later than first tried: the queueing latency starts at acceptance.
                if stamp != 0 { stamp = MonotonicClock.now() }
                if let result = fast.send(element, now: stamp, wakeReceiver: &wakeReceiver) {
                    sendLock.unlock()
                    if wakeReceiver { signal(receiveLock, .receivers) }
                    return result
                }
            }
            sendLock.unlock()
        }
        return sendSlowly(element, stamp: stamp, waits: waits, deadline: deadline, handle: handle)
    }

    /// Offers `element` through the hand-off slot and waits, holding the send lock, for a
    /// receiver to take it: true when one did, false when none came while a waiting thread would
    /// poll (the message is withdrawn; the caller then offers it through the state machine, which
    /// parks). Holding the send lock keeps the offer invisible to everything that takes both.
    private func handOver(_ element: Element, stamp: UInt64, giveUpAt: UInt64) -> Bool {
        fast.postOffer(element, stamp: stamp)
        if waitHoldingLock(giveUpAt: giveUpAt, { fast.offerTaken }) {
            fast.completeOffer()
            return true
        }
        if fast.withdrawOffer() { return false }
        // A receiver claimed it at the last moment and is moving it out (holding the receive
        // lock, so it cannot be waiting for this one).
        var pauses = 0
        while !fast.offerTaken {
            chanscope_cpu_relax()
            pauses += 1
            if pauses % Channel.pausesPerPoll == 0 { sched_yield() }
        }
        fast.completeOffer()
        return true
    }

    /// When a wait for the other side gives up: `waitNanoseconds` from now, or the caller's
    /// deadline if that comes first. Read only by a thread about to wait.
    @inline(__always)
    private func waitDeadline(_ deadline: UInt64?) -> UInt64 {
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
    private func waitForOtherSide(
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
    private func waitHoldingLock(giveUpAt: UInt64, _ condition: () -> Bool) -> Bool {
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

    /// A send that needs both locks: no room, a rendezvous, an overwrite, a disconnect.
    private func sendSlowly(
        _ element: Element, stamp: UInt64, waits: Bool, deadline: UInt64?, handle: Sender<Element>
    ) -> SendResult<Element> {
        var wakeups = Wakeups()
        lockBoth()
        var step = state.pointee.send(element, mayOffer: waits, now: stamp, wakeups: &wakeups)
        if case .finished(let result) = step {
            unlockBoth()
            wake(wakeups)
            return result
        }
        // Slow path: the send has to wait for room or for a receiver.
        state.pointee.blockedSenders += 1
        var spins = 0
        let result: SendResult<Element>
        while true {
            switch step {
            case .finished(let finished):
                result = finished
            case .full:
                if !waits {
                    result = .full(element)
                } else if handle.isClosed {
                    result = .cancelled(element)
                } else if let deadline, MonotonicClock.now() >= deadline {
                    result = .timedOut(element)
                } else if spins < Channel.spinsBeforeParking {
                    spins += 1
                    spin(&wakeups, asReceiver: false)
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                } else {
                    state.pointee.parkedForSpace += 1
                    flush(&wakeups)
                    receiveLock.unlock()
                    _ = sendLock.wait(.space, until: deadline)
                    sendLock.unlock()
                    lockBoth()
                    state.pointee.spaceWaiterWoke()
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                }
            case .offered(let offered):
                switch state.pointee.checkOffer(offered) {
                case .taken:
                    result = .sent
                case .returned:
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                case .pending:
                    let givingUp: SendResult<Element>? =
                        handle.isClosed
                        ? .cancelled(element)
                        : (deadline.map { MonotonicClock.now() >= $0 } ?? false) ? .timedOut(element) : nil
                    if givingUp == nil, spins < Channel.spinsBeforeParking {
                        spins += 1
                        spin(&wakeups, asReceiver: false)
                        continue
                    }
                    if let givingUp {
                        switch state.pointee.withdrawOffer(offered) {
                        case .taken: result = .sent
                        case .pending, .returned: result = givingUp
                        }
                    } else {
                        state.pointee.parkedForHandoff += 1
                        flush(&wakeups)
                        receiveLock.unlock()
                        _ = sendLock.wait(.handoff, until: deadline)
                        sendLock.unlock()
                        lockBoth()
                        state.pointee.parkedForHandoff -= 1
                        continue
                    }
                }
            }
            break
        }
        state.pointee.blockedSenders -= 1
        unlockBoth()
        wake(wakeups)
        return result
    }

    /// Tries a waiting send again; a stamped message is stamped anew, since it is accepted now.
    private func retrySend(_ element: Element, stamped: Bool, waits: Bool, wakeups: inout Wakeups) -> ChannelState<Element>.SendStep {
        state.pointee.send(element, mayOffer: waits, now: stamped ? MonotonicClock.now() : 0, wakeups: &wakeups)
    }

    /// The time to pass to `ChannelState.receive`: read only when the message about to be taken
    /// carries a stamp (both locks held).
    @inline(__always)
    private func receiveTime() -> UInt64 {
        state.pointee.headIsStamped ? MonotonicClock.now() : 0
    }

    /// Receives, waiting while `deadline` allows when `waits`; `nil` waits forever.
    @inline(__always)
    func receive(waits: Bool, deadline: UInt64?, handle: Receiver<Element>) -> ReceiveResult<Element> {
        var wakeSpaceWaiter = false
        receiveLock.lock()
        if let taken = fast.receive(wakeSpaceWaiter: &wakeSpaceWaiter) {
            receiveLock.unlock()
            if wakeSpaceWaiter { signal(sendLock, .space) }
            return .received(taken.element, acceptedAt: taken.stamp)
        }
        if waits && fast.otherSideMayMove(forSender: false)
            && waitForOtherSide(
                holding: receiveLock, watching: tail, giveUpAt: waitDeadline(deadline),
                backingOff: fast.buffersSeveral, { fast.messageAppeared }),
            let taken = fast.receive(wakeSpaceWaiter: &wakeSpaceWaiter)
        {
            receiveLock.unlock()
            if wakeSpaceWaiter { signal(sendLock, .space) }
            return .received(taken.element, acceptedAt: taken.stamp)
        }
        receiveLock.unlock()
        return receiveSlowly(waits: waits, deadline: deadline, handle: handle)
    }

    /// A receive that found nothing queued and no offer in the hand-off slot: offers waiting in
    /// the state machine, disconnection and waiting need both locks.
    private func receiveSlowly(waits: Bool, deadline: UInt64?, handle: Receiver<Element>) -> ReceiveResult<Element> {
        var wakeups = Wakeups()
        if let taken = lockBothAsReceiver() {
            unlockBoth()
            return .received(taken.element, acceptedAt: taken.stamp)
        }
        var step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
        if case .empty = step, waits {
            state.pointee.blockedReceivers += 1
            var spins = 0
            while case .empty = step {
                if handle.isClosed { break }
                if let deadline, MonotonicClock.now() >= deadline { break }
                if spins < Channel.spinsBeforeParking {
                    spins += 1
                    if let taken = spin(&wakeups, asReceiver: true) {
                        step = .received(taken.element, acceptedAt: taken.stamp)
                    } else {
                        step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
                    }
                    continue
                }
                state.pointee.parkedReceivers += 1
                flush(&wakeups)
                sendLock.unlock()
                _ = receiveLock.wait(.receivers, until: deadline)
                fast.bothLockWaiters.pointee.add(1, ordering: .relaxed)
                sendLock.lock()
                fast.bothLockWaiters.pointee.subtract(1, ordering: .relaxed)
                state.pointee.receiverWoke()
                step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
            }
            state.pointee.blockedReceivers -= 1
        }
        unlockBoth()
        wake(wakeups)
        switch step {
        case .received(let element, let acceptedAt): return .received(element, acceptedAt: acceptedAt)
        case .disconnected: return .disconnected
        case .empty: return !waits ? .empty : handle.isClosed ? .cancelled : .timedOut
        }
    }

    /// Releases one sender handle.
    func releaseSender() {
        var wakeups = Wakeups()
        locked { $0.removeSender(wakeups: &wakeups) }
        wake(wakeups)
    }

    /// Releases one receiver handle.
    func releaseReceiver() {
        var wakeups = Wakeups()
        locked { $0.removeReceiver(wakeups: &wakeups) }
        wake(wakeups)
    }

    // MARK: Helpers

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
    private func lockBothAsReceiver() -> (element: Element, stamp: UInt64)? {
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

    /// Lets the other side move before trying again (both locks held on entry and exit): the
    /// locks are released, the ring's positions are polled without them for a few yields, and
    /// the locks are taken again as soon as something moved.
    ///
    /// A receiver may meet a rendezvous sender in the hand-off slot while it takes the locks
    /// again (`lockBothAsReceiver`); the message it took is returned.
    @discardableResult
    private func spin(_ wakeups: inout Wakeups, asReceiver: Bool) -> (element: Element, stamp: UInt64)? {
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

    /// Wakes one waiter of a condition decided with only one side's lock held: the waiter may
    /// still be between registering and parking, which it does holding `lock`, so the signal is
    /// sent under that lock to be sure it lands.
    private func signal(_ lock: ConditionLock, _ condition: ConditionLock.Condition) {
        lock.lock()
        lock.signal(condition)
        lock.unlock()
    }

    /// Carries out pending wake-ups before parking: a waiter must never sleep on a wake-up it
    /// owes someone else (a rendezvous sender's offer must reach the receiver first).
    private func flush(_ wakeups: inout Wakeups) {
        wake(wakeups)
        wakeups = []
    }

    @inline(__always)
    private func wake(_ wakeups: Wakeups) {
        guard !wakeups.isEmpty else { return }
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
