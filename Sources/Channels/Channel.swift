#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CThreadSupport
import Synchronization

/// A multi-producer, multi-consumer channel of one of five kinds, with exact accounting.
///
/// Make one with both ends: `let (tx, rx) = Channel<Int>.make(.bounded(8))`.
///
/// The state lives in `ChannelState`, a value guarded by two locks: senders hold the send lock,
/// receivers the receive lock, and anything that concerns both ends (parking, disconnects, kind
/// changes, reading the counters) holds both, receive lock first. A send that finds room, a
/// receive that finds a message and a rendezvous hand-off to a receiver that is not parked need
/// only their own side's lock (see `ChannelFastPath`), so a producer and a consumer on two
/// cores do not take turns on one lock for every message. Both take their decisions from
/// `ChannelRules`, so each rule is written once. Messages are sent and received through
/// `Sender` and `Receiver` handles, whose live counts decide disconnection the way Rust's
/// `std::sync::mpsc` does.
///
/// This file holds creation, handles, kind changes and readings; the operations are in
/// `Channel+Send.swift` and `Channel+Receive.swift`, waiting for the other side in
/// `Channel+Waiting.swift`, and locking and waking in `Channel+Locking.swift`.
public final class Channel<Element: Sendable>: @unchecked Sendable {
    /// Receivers park on it (`.receivers`).
    let receiveLock = ConditionLock()
    /// Senders park on it (`.space`, `.handoff`).
    let sendLock = ConditionLock()
    /// Allocated once so the hot path mutates it in place, without exclusivity bookkeeping.
    let state: UnsafeMutablePointer<ChannelState<Element>>
    /// Sends that find room and receives that find a message, under one side's lock.
    let fast: ChannelFastPath<Element>
    /// The ring's positions, polled without a lock by a spinning slow path.
    var head: UnsafeMutablePointer<Atomic<Int>> { fast.head }
    var tail: UnsafeMutablePointer<Atomic<Int>> { fast.tail }
    /// Whether sends are stamped at all (fixed at creation, so readable without the lock).
    let stampsMessages: Bool
    /// The select waiters registered here, by identity (`Channel+Select`). Changed with both
    /// locks held and this lock inside them; read to notify with no channel lock held.
    /// (`Locked`, not `Mutex`: the thread sanitizer misreads a `Mutex` holding class instances.)
    let watchers = Locked<[ObjectIdentifier: SelectWaiter]>([:])

    /// Creates a channel with no handles yet; make them with `makeSender()`/`makeReceiver()`,
    /// or create the channel and both ends at once with `make(_:)`.
    ///
    /// - Parameters:
    ///   - stampsMessages: stamp each message with its acceptance time and record queueing
    ///     latency. The experiment engine wants it; the raw benchmark can turn it off.
    ///   - levels: how a message's priority level is found, used while the kind is `priority`
    ///     (one level, a plain FIFO, unless given).
    public init(kind: ChannelKind, stampsMessages: Bool = true, levels: PriorityLevels<Element> = .single) {
        self.stampsMessages = stampsMessages
        state = .allocate(capacity: 1)
        state.initialize(to: ChannelState(kind: kind, stampsMessages: stampsMessages, levels: levels))
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
        let now = MonotonicClock.now()
        locked { $0.setKind(kind, now: now, wakeups: &wakeups) }
        wake(wakeups)
    }

    /// How many priority levels the channel has (see `PriorityLevels`).
    public var levelCount: Int { locked { $0.priority.levels.count } }

    /// How long a message waits in a `priority` channel before it rises one level, and again
    /// after as long again, up to the highest (`.zero`, negative or NaN-like: never). Takes
    /// effect at the next receive, for the messages already queued too.
    public func setAging(_ aging: Duration) {
        let nanoseconds = Timeout.nanoseconds(aging) ?? 0
        locked { $0.agingNanoseconds = nanoseconds }
    }

    /// The aging time in nanoseconds (0: off).
    public var agingNanoseconds: UInt64 { locked { $0.agingNanoseconds } }

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
            latency: latency, levels: state.kind.isPriority ? state.priority.readings : [])
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
        notifyWatchers()  // a select over this receiver must see it closed
    }
}
