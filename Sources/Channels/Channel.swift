#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A multi-producer, multi-consumer channel of one of five kinds, with exact accounting.
///
/// The rules live in `ChannelState`, a value guarded by one lock; this class only takes the
/// lock, asks the state what to do, and parks or wakes threads accordingly. Messages are sent
/// and received through `Sender` and `Receiver` handles, whose live counts decide disconnection
/// the way Rust's `std::sync::mpsc` does.
public final class Channel<Element: Sendable>: @unchecked Sendable {
    let lock = ConditionLock()
    /// Allocated once so the hot path mutates it in place, without exclusivity bookkeeping.
    let state: UnsafeMutablePointer<ChannelState<Element>>
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
    /// No other operation holds two channel locks, so taking them in a fixed order cannot deadlock.
    public static func sample(_ channels: [Channel]) -> [ChannelStats] {
        for channel in channels { channel.lock.lock() }
        defer { for channel in channels.reversed() { channel.lock.unlock() } }
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

    /// How many times a thread that must wait yields the processor and tries again before it
    /// parks. Parking and waking cost two system calls and a context switch; the other side
    /// usually makes progress within a few yields, which is what the fast peers do too.
    static var spinsBeforeParking: Int { 16 }

    /// Sends, waiting as the kind says while `deadline` (monotonic ns) allows; `nil` waits forever.
    ///
    /// `stamp` is the acceptance time to record (0: not stamped; see `StampPacer`).
    func send(
        _ element: Element, stamp: UInt64, waits: Bool, deadline: UInt64?, handle: Sender<Element>
    ) -> SendResult<Element> {
        var wakeups = Wakeups()
        lock.lock()
        var step = state.pointee.send(element, mayOffer: waits, now: stamp, wakeups: &wakeups)
        if case .finished(let result) = step {
            lock.unlock()
            wake(wakeups)
            return result
        }
        // Slow path: the send has to wait for room or for a receiver.
        state.pointee.blockedSenders += 1
        var ticket: UInt64?
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
                    flush(&wakeups)
                    lock.unlock()
                    sched_yield()
                    lock.lock()
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                } else {
                    state.pointee.parkedForSpace += 1
                    flush(&wakeups)
                    _ = lock.wait(.space, until: deadline)
                    state.pointee.spaceWaiterWoke()
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                }
            case .offered(let offered):
                ticket = offered
                switch state.pointee.checkOffer(offered) {
                case .taken:
                    result = .sent
                case .returned:
                    ticket = nil
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                case .pending:
                    let givingUp: SendResult<Element>? =
                        handle.isClosed
                        ? .cancelled(element)
                        : (deadline.map { MonotonicClock.now() >= $0 } ?? false) ? .timedOut(element) : nil
                    if givingUp == nil, spins < Channel.spinsBeforeParking {
                        spins += 1
                        flush(&wakeups)
                        lock.unlock()
                        sched_yield()
                        lock.lock()
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
                        _ = lock.wait(.handoff, until: deadline)
                        state.pointee.parkedForHandoff -= 1
                        continue
                    }
                }
            }
            break
        }
        _ = ticket
        state.pointee.blockedSenders -= 1
        lock.unlock()
        wake(wakeups)
        return result
    }

    /// Tries a waiting send again; a stamped message is stamped anew, since it is accepted now.
    private func retrySend(_ element: Element, stamped: Bool, waits: Bool, wakeups: inout Wakeups) -> ChannelState<Element>.SendStep {
        state.pointee.send(element, mayOffer: waits, now: stamped ? MonotonicClock.now() : 0, wakeups: &wakeups)
    }


    /// The time to pass to `ChannelState.receive`: read only when the message about to be taken
    /// carries a stamp (lock held).
    @inline(__always)
    private func receiveTime() -> UInt64 {
        state.pointee.headIsStamped ? MonotonicClock.now() : 0
    }

    /// Receives, waiting while `deadline` allows when `waits`; `nil` waits forever.
    func receive(waits: Bool, deadline: UInt64?, handle: Receiver<Element>) -> ReceiveResult<Element> {
        var wakeups = Wakeups()
        lock.lock()
        var step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
        if case .empty = step, waits {
            state.pointee.blockedReceivers += 1
            var spins = 0
            while case .empty = step {
                if handle.isClosed { break }
                if let deadline, MonotonicClock.now() >= deadline { break }
                if spins < Channel.spinsBeforeParking {
                    spins += 1
                    flush(&wakeups)
                    lock.unlock()
                    sched_yield()
                    lock.lock()
                    step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
                    continue
                }
                state.pointee.parkedReceivers += 1
                flush(&wakeups)
                _ = lock.wait(.receivers, until: deadline)
                state.pointee.receiverWoke()
                step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
            }
            state.pointee.blockedReceivers -= 1
        }
        lock.unlock()
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

    private func locked<T>(_ body: (inout ChannelState<Element>) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&state.pointee)
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
        if wakeups.contains(.allReceivers) {
            lock.broadcast(.receivers)
        } else if wakeups.contains(.oneReceiver) {
            lock.signal(.receivers)
        }
        if wakeups.contains(.allSpaceWaiters) {
            lock.broadcast(.space)
        } else if wakeups.contains(.oneSpaceWaiter) {
            lock.signal(.space)
        }
        if wakeups.contains(.allHandoffWaiters) {
            lock.broadcast(.handoff)
        }
    }
}
