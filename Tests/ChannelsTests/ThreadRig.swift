@testable import Channels
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value written by one thread and read by the test after joining it (the join orders them).
final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}

/// Waits, yielding the processor, until `condition` holds; records an issue and returns false
/// after `timeout` seconds so a bug fails the test instead of hanging it.
@discardableResult
func waitUntil(
    _ description: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () -> Bool
) -> Bool {
    let deadline = MonotonicClock.deadline(after: timeout)
    while !condition() {
        if MonotonicClock.now() > deadline {
            Issue.record("timed out waiting until \(description)", sourceLocation: sourceLocation)
            return false
        }
        sched_yield()
    }
    return true
}

/// Threads parked on each of a channel's conditions, read under its lock (test hook).
struct ParkedCounts: Equatable {
    var receivers = 0
    var space = 0
    var handoff = 0
    var offers = 0
}

extension Channel {
    var parked: ParkedCounts {
        locked { state in
            ParkedCounts(
                receivers: state.parkedReceivers, space: state.parkedForSpace,
                handoff: state.parkedForHandoff, offers: state.pendingOffers)
        }
    }
}

/// A channel with its handles and threads; `finish()` closes every handle (which cancels any
/// blocked operation) and joins every thread, so a failing test ends instead of hanging.
final class ThreadRig<Element: Sendable>: @unchecked Sendable {
    let channel: Channel<Element>
    private(set) var senders: [Sender<Element>] = []
    private(set) var receivers: [Receiver<Element>] = []
    private var threads: [JoinableThread] = []

    init(_ kind: ChannelKind, senders: Int = 1, receivers: Int = 1) {
        channel = Channel(kind: kind)
        for _ in 0..<senders { self.senders.append(channel.makeSender()) }
        for _ in 0..<receivers { self.receivers.append(channel.makeReceiver()) }
    }

    var sender: Sender<Element> { senders[0] }
    var receiver: Receiver<Element> { receivers[0] }

    func addSender() -> Sender<Element> {
        let s = channel.makeSender()
        senders.append(s)
        return s
    }

    func addReceiver() -> Receiver<Element> {
        let r = channel.makeReceiver()
        receivers.append(r)
        return r
    }

    /// Runs `body` on a new thread and returns a box for its result, filled when it is joined.
    func spawn<T>(_ body: @escaping @Sendable () -> T) -> ResultBox<T> {
        let box = ResultBox<T>()
        threads.append(JoinableThread { box.value = body() })
        return box
    }

    func joinAll() {
        for thread in threads { thread.join() }
    }

    func finish() {
        for s in senders { s.close() }
        for r in receivers { r.close() }
        joinAll()
    }

    var stats: ChannelStats { channel.stats() }
}

/// A flag one thread sets and another reads while it runs.
final class Flag: Sendable {
    private let value = Atomic(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// Holds threads at the start line until all of them arrived, so they really run together.
final class StartBarrier: Sendable {
    private let arrived = Atomic(0)
    let parties: Int

    init(parties: Int) { self.parties = parties }

    /// Waits (yielding) for every party; gives up after 10 s so a bug cannot hang the test.
    func arriveAndWait() {
        arrived.add(1, ordering: .acquiringAndReleasing)
        let deadline = MonotonicClock.deadline(after: 10)
        while arrived.load(ordering: .acquiring) < parties, MonotonicClock.now() < deadline {
            sched_yield()
        }
    }
}
