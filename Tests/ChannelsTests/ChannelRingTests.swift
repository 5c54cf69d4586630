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
