@testable import Channels
import Testing

/// The channel's rules as pure functions (`ChannelRules`), for every kind: the decisions both
/// the state machine and the fast paths take.
@Suite("Channel rules")
struct ChannelRulesTests {
    typealias Room = ChannelRules.Room
    typealias Admission = ChannelRules.Admission

    static let allKinds: [ChannelKind] = [.unbounded, .bounded(3), .rendezvous, .dropping(3), .overwriting(3), .priority(3), .priority(nil)]

    /// What a send to each kind does when the queue is full (the table in the README's Channels section).
    static let whenFullTable: [(ChannelKind, Admission)] = [
        (.bounded(3), .waitForSpace), (.dropping(3), .drop), (.overwriting(3), .evictOldest),
        (.rendezvous, .offer), (.unbounded, .accept), (.priority(3), .waitForSpace),
        // Never full (its limit is `Int.max`), but it would wait like a bounded one.
        (.priority(nil), .waitForSpace),
    ]

    @Test("only the priority kind keeps its messages outside the ring", arguments: allKinds)
    func usesRing(kind: ChannelKind) {
        #expect(ChannelRules.usesRing(kind) == !kind.isPriority)
    }

    @Test("admission for every kind, room and receiver count", arguments: whenFullTable)
    func admission(kind: ChannelKind, whenFull: Admission) {
        for room in [Room.free, .full, .unknown] {
            var asked: [Int] = []
            let withReceivers = ChannelRules.admission(kind: kind, liveReceivers: 1) { limit in
                asked.append(limit)
                return room
            }
            switch kind {
            case .rendezvous:
                #expect(withReceivers == .offer)
                #expect(asked.isEmpty, "a rendezvous has no queue whose room to ask")
            default:
                let expected: Admission = switch room {
                case .free: .accept
                case .unknown: .undecided
                case .full: whenFull
                }
                #expect(withReceivers == expected, "\(kind) with room \(room)")
                #expect(asked == [kind.capacity ?? .max], "asked for the room below the kind's limit")
            }
            var askedWithoutReceivers = false
            let without = ChannelRules.admission(kind: kind, liveReceivers: 0) { _ in
                askedWithoutReceivers = true
                return room
            }
            #expect(without == .disconnect)
            #expect(!askedWithoutReceivers, "no receivers decides before any room check")
        }
    }

    @Test("the kind's answer to a full queue", arguments: whenFullTable)
    func whenFull(kind: ChannelKind, expected: Admission) {
        #expect(ChannelRules.whenFull(kind) == expected)
    }

    @Test("queue limits: a rendezvous has none, unbounded the largest, the rest their capacity")
    func queueLimits() {
        #expect(ChannelRules.queueLimit(of: .rendezvous) == nil)
        #expect(ChannelRules.queueLimit(of: .unbounded) == .max)
        for n in [1, 2, 1024] {
            #expect(ChannelRules.queueLimit(of: .bounded(n)) == n)
            #expect(ChannelRules.queueLimit(of: .dropping(n)) == n)
            #expect(ChannelRules.queueLimit(of: .overwriting(n)) == n)
        }
    }

    @Test("exact room from the depth: free below the limit, full at and above it")
    func roomFromDepth() {
        #expect(ChannelRules.room(depth: 0, limit: 1) == .free)
        #expect(ChannelRules.room(depth: 1, limit: 1) == .full)
        #expect(ChannelRules.room(depth: 5, limit: 3) == .full, "a shrunk channel holds more than its limit")
        #expect(ChannelRules.room(depth: 1 << 40, limit: .max) == .free)
    }

    @Test("a blocking rendezvous send always offers; trySend only to a parked receiver not spoken for")
    func mayOffer() {
        #expect(ChannelRules.mayOffer(blocking: true, parkedReceivers: 0, pendingOffers: 5))
        #expect(!ChannelRules.mayOffer(blocking: false, parkedReceivers: 0, pendingOffers: 0))
        #expect(ChannelRules.mayOffer(blocking: false, parkedReceivers: 1, pendingOffers: 0))
        #expect(!ChannelRules.mayOffer(blocking: false, parkedReceivers: 1, pendingOffers: 1))
        #expect(ChannelRules.mayOffer(blocking: false, parkedReceivers: 2, pendingOffers: 1))
    }

    @Test("a receiver is woken only when more are parked than signalled")
    func wakesReceiver() {
        #expect(!ChannelRules.wakesReceiver(parked: 0, signalled: 0))
        #expect(ChannelRules.wakesReceiver(parked: 1, signalled: 0))
        #expect(!ChannelRules.wakesReceiver(parked: 1, signalled: 1))
        #expect(ChannelRules.wakesReceiver(parked: 3, signalled: 2))
    }

    @Test("a space waiter is woken only when one is unsignalled and the queue has room", arguments: allKinds)
    func wakesSpaceWaiter(kind: ChannelKind) {
        var depthRead = false
        let none = ChannelRules.wakesSpaceWaiter(parked: 1, signalled: 1, kind: kind, depth: {
            depthRead = true
            return 0
        }())
        #expect(!none)
        #expect(!depthRead, "the depth is not read while no sender waits unsignalled")
        let capacity = kind.capacity ?? .max
        let belowCapacity = ChannelRules.wakesSpaceWaiter(parked: 2, signalled: 1, kind: kind, depth: 0)
        #expect(belowCapacity == (capacity > 0), "a rendezvous never has room")
        if capacity > 0 && capacity < .max {
            #expect(ChannelRules.wakesSpaceWaiter(parked: 1, signalled: 0, kind: kind, depth: capacity - 1))
            #expect(!ChannelRules.wakesSpaceWaiter(parked: 1, signalled: 0, kind: kind, depth: capacity))
        }
    }

    // MARK: The fast path's room fact

    @Test("one slot tells the room below a limit the ring can hold, for certain", arguments: [1, 2, 3, 8])
    func roomFromOneSlot(capacity: Int) {
        var state = ChannelState<Int>(kind: .bounded(capacity), stampsMessages: false)
        state.addReceiver()
        let queue = MessageQueue(memory: state.memory)
        var wakeups = Wakeups()
        for depth in 0...capacity {
            #expect(queue.room(below: capacity) == (depth < capacity ? .free : .full), "depth \(depth)")
            if depth < capacity { _ = state.send(depth, mayOffer: false, now: 0, wakeups: &wakeups) }
        }
        _ = state.receive(now: 0, wakeups: &wakeups)
        #expect(queue.room(below: capacity) == .free, "a taken slot is room again")
    }

    @Test("a ring smaller than the limit cannot tell full: unknown, and the state machine grows it")
    func roomUnknownWhenRingIsSmaller() {
        var state = ChannelState<Int>(kind: .unbounded, stampsMessages: false)
        state.addReceiver()
        let queue = MessageQueue(memory: state.memory)
        var wakeups = Wakeups()
        let slots = queue.physicalCapacity
        for v in 0..<slots { _ = state.send(v, mayOffer: false, now: 0, wakeups: &wakeups) }
        #expect(queue.room(below: .max) == .unknown)
        var wakeReceiver = false
        #expect(ChannelFastPath(memory: state.memory).send(99, now: 0, wakeReceiver: &wakeReceiver) == nil)
        guard case .finished(.sent) = state.send(99, mayOffer: false, now: 0, wakeups: &wakeups) else {
            Issue.record("the state machine should accept and grow the ring")
            return
        }
        #expect(queue.physicalCapacity > slots)
        #expect(queue.room(below: .max) == .free)
    }
}
