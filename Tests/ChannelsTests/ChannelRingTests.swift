import Channels
import Testing

/// The ring under the fast paths: growth while wrapped, evictions the receive side has already
/// looked past, and a class element type (moved in and out of raw slots, never leaked).
@Suite("Channel ring")
struct ChannelRingTests {
    @Test("an unbounded ring grows while wrapped around and keeps FIFO order", arguments: [false, true])
    func growsWhileWrapped(stamped: Bool) {
        let channel = Channel<Int>(kind: .unbounded, stampsMessages: stamped)
        let s = channel.makeSender()
        let r = channel.makeReceiver()
        var next = 0
        var expected = 0
        // 16 slots at first: fill 12, take 10, so the next sends wrap, then outgrow the ring
        // twice with the head in the middle of it.
        for _ in 0..<12 { #expect(s.trySend(next) == .sent); next += 1 }
        for _ in 0..<10 { #expect(r.tryReceive().element == expected); expected += 1 }
        for _ in 0..<70 { #expect(s.trySend(next) == .sent); next += 1 }
        #expect(channel.counters.depth == 72)
        while case .received(let value, _) = r.tryReceive() {
            #expect(value == expected)
            expected += 1
        }
        #expect(expected == next)
        #expect(channel.counters.identitiesHold && channel.counters.received == 82)
    }

    @Test("a sender tells room from one slot: exact below the ring size and after a shrink", arguments: [1, 3, 8, 16])
    func roomIsExactFromOneSlot(capacity: Int) {
        let channel = Channel<Int>(kind: .bounded(capacity))
        let s = channel.makeSender()
        let r = channel.makeReceiver()
        for round in 0..<3 {
            for value in 0..<capacity { #expect(s.trySend(round * 100 + value) == .sent) }
            #expect(s.trySend(-1) == .full(-1), "capacity \(capacity) holds, round \(round)")
            #expect(r.tryReceive().element == round * 100)
            #expect(s.trySend(round * 100 + capacity) == .sent)
            for value in 1...capacity { #expect(r.tryReceive().element == round * 100 + value) }
            #expect(r.tryReceive() == .empty)
        }
        // Shrinking keeps what is queued; sends wait until the queue is below the new capacity.
        for value in 0..<capacity { #expect(s.trySend(value) == .sent) }
        channel.setCapacity(max(1, capacity / 2))
        let smaller = max(1, capacity / 2)
        var expected = 0
        while channel.counters.depth >= smaller {
            #expect(s.trySend(-1) == .full(-1))
            #expect(r.tryReceive().element == expected)
            expected += 1
        }
        #expect(s.trySend(99) == .sent)
        #expect(channel.counters.identitiesHold)
    }

    @Test("shrinking a dropping channel evicts messages a receiver has already seen queued")
    func shrinkAfterTheReceiverLooked() {
        let channel = Channel<Int>(kind: .dropping(8))
        let s = channel.makeSender()
        let r = channel.makeReceiver()
        for value in 1...8 { #expect(s.trySend(value) == .sent) }
        // The receive side now knows the ring holds messages up to 8.
        #expect(r.tryReceive().element == 1)
        channel.setKind(.dropping(2))  // keeps the two oldest: 2 and 3
        #expect(r.tryReceive().element == 2)
        #expect(r.tryReceive().element == 3)
        #expect(r.tryReceive() == .empty)
        #expect(channel.counters.overwritten == 5 && channel.counters.identitiesHold)
        #expect(s.trySend(9) == .sent)
        #expect(r.tryReceive().element == 9)
    }

    /// A reference type: every message must be released exactly once, whether received,
    /// evicted or still queued when the channel goes away.
    final class Tracked: Sendable {
        let value: Int
        let onDeinit: @Sendable () -> Void
        init(_ value: Int, onDeinit: @escaping @Sendable () -> Void) {
            self.value = value
            self.onDeinit = onDeinit
        }
        deinit { onDeinit() }
    }

    @Test("class messages are released once each: received, evicted, or queued at the end")
    func classMessagesAreReleased() {
        let released = Counter()
        do {
            let channel = Channel<Tracked>(kind: .overwriting(4))
            let s = channel.makeSender()
            let r = channel.makeReceiver()
            for value in 0..<40 { _ = s.trySend(Tracked(value) { released.add() }) }
            #expect(r.tryReceive().element?.value == 36)
            channel.setKind(.unbounded)
            for value in 40..<100 { _ = s.trySend(Tracked(value) { released.add() }) }
        }
        #expect(released.value == 100)
    }
}

/// A thread-safe tally for the test above.
final class Counter: Sendable {
    private let count = Locked(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.current }
}
