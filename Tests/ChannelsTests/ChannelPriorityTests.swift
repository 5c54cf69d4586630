@testable import Channels
import Testing

/// The `priority` kind step by step, with time injected: highest level first, oldest first
/// within a level, aging, bounds, live kind and capacity changes, per-level readings.
@Suite("Channel priority kind")
struct ChannelPriorityTests {
    /// Three levels: a value's level is its hundreds digit (`205` is level 2, message 5).
    static let levels = PriorityLevels<Int>(count: 3) { $0 / 100 }
    static let ms: UInt64 = 1_000_000

    static func harness(_ kind: ChannelKind = .priority(nil)) -> StateHarness {
        StateHarness(kind, levels: levels)
    }

    @Test("highest level first, oldest first within a level")
    func order() {
        var h = Self.harness()
        for (t, v) in [1, 201, 101, 2, 202, 102].enumerated() { h.send(v, now: UInt64(t + 1) * Self.ms) }
        #expect(h.drain(now: 10 * Self.ms) == [201, 202, 101, 102, 1, 2])
        #expect(h.counters == counters(attempted: 6, accepted: 6, received: 6))
    }

    @Test("a level's oldest message counts the later messages taken before it; a plain queue counts none")
    func overtaken() {
        var h = Self.harness()
        h.send(1, now: 1 * Self.ms)  // BULK-like level 0, first
        h.send(101, now: 2 * Self.ms)
        h.send(201, now: 3 * Self.ms)
        h.send(202, now: 4 * Self.ms)
        #expect([h.receive(now: 5 * Self.ms), h.receive(now: 5 * Self.ms)] == ["received(201)", "received(202)"])
        #expect(h.state.priority.readings.map(\.oldestOvertaken) == [2, 2, 0])
        #expect(h.receive(now: 6 * Self.ms) == "received(101)")
        #expect(h.state.priority.readings.map(\.oldestOvertaken) == [3, 0, 0], "level 1 has no message; level 0 passed over again")
        #expect(h.receive(now: 7 * Self.ms) == "received(1)")
        #expect(h.state.priority.readings.map(\.oldestOvertaken) == [0, 0, 0], "a new first message starts at 0")
        var fifo = Self.harness()
        for (t, v) in [1, 2, 3, 4].enumerated() { fifo.send(v, now: UInt64(t + 1) * Self.ms) }
        #expect((0..<3).map { _ in fifo.receive(now: 10 * Self.ms) } == ["received(1)", "received(2)", "received(3)"])
        #expect(fifo.state.priority.readings.map(\.oldestOvertaken) == [0, 0, 0], "within one level nothing overtakes")
    }

    @Test("a level outside the range counts as the nearest one")
    func clampedLevels() {
        var h = Self.harness()
        h.send(-5, now: 1)
        h.send(950, now: 2)
        h.send(150, now: 3)
        #expect(h.drain(now: 4) == [950, 150, -5])
    }

    @Test("aging: a message rises one level per aging time waited, up to the highest; 0 is off")
    func aging() {
        var h = Self.harness()
        h.send(1, now: 0)  // level 0, the oldest
        h.send(101, now: 5 * Self.ms)
        h.send(201, now: 6 * Self.ms)
        h.send(202, now: 7 * Self.ms)
        h.state.agingNanoseconds = 10 * Self.ms
        // At 12 ms message 1 has risen to level 1, still below level 2; 101 is level 1 too but
        // younger, so the level-2 messages go first, then 1 before 101 (oldest first).
        #expect(h.receive(now: 12 * Self.ms) == "received(201)")
        // At 20 ms message 1 is level 2 (two agings) and so is 101 (15 ms waited, one aging up
        // from level 1): both arrived before 202, so they go first, oldest first.
        #expect(h.receive(now: 20 * Self.ms) == "received(1)")
        #expect(h.receive(now: 20 * Self.ms) == "received(101)")
        #expect(h.receive(now: 20 * Self.ms) == "received(202)")
        // Off again: order by level alone.
        h.state.agingNanoseconds = 0
        h.send(2, now: 0)
        h.send(102, now: 30 * Self.ms)
        #expect(h.drain(now: 1_000 * Self.ms) == [102, 2])
    }

    @Test("the effective level rises with the wait and stops at the top")
    func effectiveLevel() {
        let level = { (waited: UInt64) in
            PriorityStore<Int>.effectiveLevel(0, acceptedAt: 100, now: 100 + waited, aging: 10, top: 2)
        }
        #expect([0, 9, 10, 19, 20, 1_000_000].map(level) == [0, 0, 1, 1, 2, 2])
        #expect(PriorityStore<Int>.effectiveLevel(1, acceptedAt: 100, now: 50, aging: 10, top: 2) == 1, "a clock behind the stamp does not age")
        #expect(PriorityStore<Int>.effectiveLevel(1, acceptedAt: 0, now: .max, aging: 1, top: 5) == 5)
    }

    @Test("bounded: a full priority channel refuses until a receive frees a slot, which wakes a space waiter")
    func bounded() {
        var h = Self.harness(.priority(2))
        h.send(1, now: 1)
        h.send(201, now: 2)
        #expect(h.send(202, now: 3) == "full")
        h.state.parkForSpace()
        #expect(h.receive(now: 4) == "received(201)")
        #expect(h.wakeups.contains(.oneSpaceWaiter))
        h.state.spaceWaiterWoke()
        #expect(h.send(202, now: 5) == "sent")
        #expect(h.drain(now: 6) == [202, 1])
    }

    @Test("shrinking keeps the excess (sends wait until drained), growing takes effect at once")
    func resize() {
        var h = Self.harness(.priority(4))
        for v in [1, 2, 101, 201] { h.send(v, now: UInt64(v)) }
        h.setKind(.priority(1))
        #expect(h.state.depth == 4)
        #expect(h.send(202) == "full")
        h.setKind(.priority(6))
        #expect(h.send(202, now: 300) == "sent")
        #expect(h.drain(now: 400) == [201, 202, 101, 1, 2])
    }

    @Test("leaving priority queues the messages in arrival order; a lossy kind then evicts as usual")
    func toFirstInFirstOut() {
        var h = Self.harness()
        for v in [1, 201, 101, 2] { h.send(v, now: 7) }  // one instant: arrival order still holds
        h.setKind(.bounded(8))
        #expect(h.drain() == [1, 201, 101, 2])
        h.setKind(.priority(nil))
        for v in [1, 201, 101, 2] { h.send(v, now: 7) }
        h.setKind(.overwriting(2))
        #expect(h.counters.overwritten == 2)
        #expect(h.drain() == [101, 2])
        h.setKind(.priority(nil))
        for v in [1, 201, 101, 2] { h.send(v, now: 7) }
        h.setKind(.dropping(1))
        #expect(h.drain() == [1])
        #expect(h.counters == counters(attempted: 12, accepted: 12, received: 7, overwritten: 5))
    }

    @Test("entering priority sorts the queue into levels, keeping each message's age")
    func fromFirstInFirstOut() {
        var h = StateHarness(.unbounded, stamps: true, levels: Self.levels)
        h.send(1, now: 1 * Self.ms)
        h.send(101, now: 50 * Self.ms)
        h.send(0, now: 0)  // unstamped: it takes the stamp of the message before it (50 ms)
        h.setKind(.priority(nil), now: 60 * Self.ms)
        #expect(h.state.priority.readings == [
            PriorityLevelReading(depth: 2, oldestAcceptedAt: 1 * Self.ms), PriorityLevelReading(depth: 1, oldestAcceptedAt: 50 * Self.ms),
            PriorityLevelReading(depth: 0, oldestAcceptedAt: nil),
        ])
        h.state.agingNanoseconds = 20 * Self.ms
        // At 70 ms message 1 (69 ms waited) has risen to the top, 101 (20 ms) to level 2 as well
        // but arrived later, and 0 (20 ms, from level 0) only to level 1.
        #expect(h.drain(now: 70 * Self.ms) == [1, 101, 0])
    }

    @Test("the last receiver gone discards the priority queue; senders then fail")
    func disconnect() {
        var h = Self.harness()
        h.send(1, now: 1)
        h.send(201, now: 2)
        h.removeReceiver()
        #expect(h.counters == counters(attempted: 2, accepted: 2, discarded: 2))
        #expect(h.send(3) == "disconnected(3)")
    }

    @Test("a channel reports each level's depth and oldest stamp while priority, nothing otherwise")
    func readings() {
        let (tx, rx) = Channel<Int>.make(.priority(nil), levels: Self.levels)
        #expect(tx.channel.levelCount == 3)
        let before = MonotonicClock.now()
        _ = tx.send(1)
        _ = tx.send(2)
        _ = tx.send(201)
        let levels = tx.channel.stats().levels
        #expect(levels.map(\.depth) == [2, 0, 1])
        #expect(levels[0].oldestAcceptedAt.map { $0 >= before } == true)
        #expect(levels[1].oldestAcceptedAt == nil)
        #expect(rx.receive().element == 201)
        tx.channel.setKind(.bounded(4))
        #expect(tx.channel.stats().levels.isEmpty)
        #expect(rx.drain() == [1, 2])
    }

    @Test("aging set on a channel is kept in nanoseconds; zero, negative and endless are off")
    func agingSetting() {
        let channel = Channel<Int>(kind: .priority(nil), levels: Self.levels)
        channel.setAging(.milliseconds(250))
        #expect(channel.agingNanoseconds == 250 * Self.ms)
        for off in [Duration.zero, .seconds(-1), .seconds(Int64.max)] {
            channel.setAging(off)
            #expect(channel.agingNanoseconds == 0)
        }
    }
}
