@testable import Channels
import Testing

/// The state machine alone, single-threaded: no threads, no locks, one step at a time.
@Suite("ChannelState")
struct ChannelStateTests {
    /// Every capacity kind at capacities 1 to 3.
    static let sizedKinds: [ChannelKind] = (1...3).flatMap { n in
        [ChannelKind.bounded(n), .dropping(n), .overwriting(n)]
    }

    // MARK: Empty and full

    @Test("fill to capacity, then the full outcome of the kind", arguments: sizedKinds)
    func fullAndEmpty(kind: ChannelKind) {
        let capacity = kind.capacity!
        var h = StateHarness(kind)
        #expect(h.receive() == "empty")
        #expect(h.counters == counters())
        for v in 1...capacity {
            #expect(h.send(v) == "sent")
            #expect(h.counters == counters(attempted: UInt64(v), accepted: UInt64(v), depth: v))
        }
        let n = UInt64(capacity)
        switch kind {
        case .bounded:
            #expect(h.send(100) == "full")
            #expect(h.counters == counters(attempted: n, accepted: n, depth: capacity))
            #expect(h.drain() == Array(1...capacity))
        case .dropping:
            #expect(h.send(100) == "dropped(100)")
            #expect(h.counters == counters(attempted: n + 1, accepted: n, dropped: 1, depth: capacity))
            #expect(h.drain() == Array(1...capacity))
        default:
            #expect(h.send(100) == "overwrote(1)")
            #expect(h.counters == counters(attempted: n + 1, accepted: n + 1, overwritten: 1, depth: capacity))
            #expect(h.drain() == Array(2..<(capacity + 1)) + [100])
        }
        #expect(h.receive() == "empty")
        #expect(h.counters.depth == 0)
        #expect(h.counters.received == n)
    }

    @Test("unbounded never fills")
    func unboundedNeverFull() {
        var h = StateHarness(.unbounded)
        for v in 1...1000 { #expect(h.send(v) == "sent") }
        #expect(h.counters == counters(attempted: 1000, accepted: 1000, depth: 1000))
        #expect(h.drain() == Array(1...1000))
        #expect(h.receive() == "empty")
        #expect(h.counters == counters(attempted: 1000, accepted: 1000, received: 1000))
    }

    @Test("rendezvous holds nothing: empty, and trySend with no receiver is full")
    func rendezvousEmpty() {
        var h = StateHarness(.rendezvous)
        #expect(h.receive() == "empty")
        #expect(h.send(1, mayOffer: false) == "full")
        #expect(h.state.pendingOffers == 0)
        #expect(h.counters == counters())
    }

    @Test("capacity 0 for a sized kind is taken as capacity 1", arguments: [
        (ChannelKind.bounded(0), ChannelKind.bounded(1)), (.dropping(0), .dropping(1)),
        (.overwriting(0), .overwriting(1)), (.bounded(-3), .bounded(1)),
    ])
    func capacityZero(kind: ChannelKind, expected: ChannelKind) {
        var h = StateHarness(kind)
        #expect(h.state.kind == expected)
        #expect(h.send(1) == "sent")
        #expect(h.send(2) != "sent")
        h.setKind(.unbounded)
        h.setKind(kind)
        #expect(h.state.kind == expected)
        #expect(h.state.depth == 1)
        #expect(h.counters.identitiesHold)
    }

    // MARK: Wrap-around

    @Test("many times around the ring, FIFO and exact counters", arguments: sizedKinds)
    func wrapAround(kind: ChannelKind) {
        let capacity = kind.capacity!
        var h = StateHarness(kind)
        var next = 1
        var expected: [Int] = []
        // Uneven batches and takes so the ring's head lands on every slot many times.
        for round in 0..<60 {
            let batch = 1 + round % capacity
            while h.state.depth + batch > capacity {
                #expect(h.receive() == "received(\(expected.removeFirst()))")
            }
            for _ in 0..<batch {
                #expect(h.send(next) == "sent")
                expected.append(next)
                next += 1
            }
            let take = round % 2 == 0 ? batch : batch - 1
            for _ in 0..<take {
                #expect(h.receive() == "received(\(expected.removeFirst()))")
            }
            #expect(h.state.depth == expected.count)
        }
        #expect(h.drain() == expected)
        let sent = UInt64(next - 1)
        #expect(next > 60)
        #expect(h.counters == counters(attempted: sent, accepted: sent, received: sent))
    }

    @Test("overwriting around the ring keeps the newest", arguments: 1...3)
    func overwritingWrapAround(capacity: Int) {
        var h = StateHarness(.overwriting(capacity))
        var queue: [Int] = []
        var evicted: UInt64 = 0
        for v in 1...100 {
            if queue.count < capacity {
                #expect(h.send(v) == "sent")
            } else {
                #expect(h.send(v) == "overwrote(\(queue.removeFirst()))")
                evicted += 1
            }
            queue.append(v)
            if v % 7 == 0 {
                // A receive in between moves the head.
                #expect(h.receive() == "received(\(queue.removeFirst()))")
            }
        }
        #expect(h.drain() == queue)
        #expect(queue == Array((101 - capacity)...100))
        #expect(evicted > 50)
        #expect(h.counters.overwritten == evicted)
        #expect(h.counters.attempted == 100 && h.counters.accepted == 100)
        #expect(h.counters.received + h.counters.overwritten == 100)
    }

    @Test("dropping around the ring keeps the oldest", arguments: 1...3)
    func droppingWrapAround(capacity: Int) {
        var h = StateHarness(.dropping(capacity))
        var kept: [Int] = []
        var dropped: UInt64 = 0
        for v in 1...100 {
            if h.state.depth < capacity {
                #expect(h.send(v) == "sent")
                kept.append(v)
            } else {
                #expect(h.send(v) == "dropped(\(v))")
                dropped += 1
            }
            if v % 5 == 0 {
                #expect(h.receive() == "received(\(kept.removeFirst()))")
            }
        }
        #expect(h.drain() == kept)
        #expect(h.counters.dropped == dropped)
        #expect(h.counters.attempted == 100)
        #expect(h.counters.accepted == 100 - dropped)
    }

    // MARK: Disconnection

    @Test(
        "a send with no receiver hands the message back and counts failed",
        arguments: [ChannelKind.unbounded, .bounded(2), .rendezvous, .dropping(2), .overwriting(2)])
    func sendWithoutReceivers(kind: ChannelKind) {
        var h = StateHarness(kind, receivers: 0)
        #expect(h.send(7) == "disconnected(7)")
        #expect(h.send(8, mayOffer: false) == "disconnected(8)")
        #expect(h.counters == counters(attempted: 2, failed: 2))
    }

    @Test("last sender gone: receivers drain, then disconnected")
    func lastSenderGone() {
        var h = StateHarness(.bounded(3), senders: 2)
        #expect(h.send(1) == "sent")
        #expect(h.send(2) == "sent")
        h.removeSender()
        #expect(h.wakeups == .everyone)
        #expect(h.state.liveSenders == 1)
        #expect(h.receive() == "received(1)")
        h.removeSender()
        #expect(h.wakeups == .everyone)
        #expect(h.receive() == "received(2)")
        #expect(h.receive() == "disconnected")
        #expect(h.receive() == "disconnected")
        #expect(h.counters == counters(attempted: 2, accepted: 2, received: 2))
    }

    @Test("last receiver gone: the queue is counted discarded and sends fail")
    func lastReceiverGone() {
        var h = StateHarness(.unbounded, receivers: 2)
        for v in 1...3 { h.send(v) }
        h.removeReceiver()
        #expect(h.wakeups == .everyone)
        #expect(h.state.depth == 3)
        #expect(h.receive() == "received(1)")
        h.removeReceiver()
        #expect(h.wakeups == .everyone)
        #expect(h.counters == counters(attempted: 3, accepted: 3, received: 1, discarded: 2))
        #expect(h.send(4) == "disconnected(4)")
        #expect(h.counters == counters(attempted: 4, accepted: 3, received: 1, failed: 1, discarded: 2))
    }

    @Test("last receiver gone returns rendezvous offers; the retry fails")
    func lastReceiverReturnsOffers() {
        var h = StateHarness(.rendezvous)
        #expect(h.send(5) == "offered(1)")
        h.removeReceiver()
        #expect(h.state.pendingOffers == 0)
        #expect(h.state.checkOffer(1) == .returned)
        #expect(h.send(5) == "disconnected(5)")
        #expect(h.counters == counters(attempted: 1, failed: 1))
    }

    // MARK: Rendezvous offers

    @Test("an offer is accepted only when a receiver takes it")
    func rendezvousOffer() {
        var h = StateHarness(.rendezvous)
        #expect(h.send(10) == "offered(1)")
        #expect(h.state.pendingOffers == 1)
        #expect(h.state.depth == 0)
        #expect(h.counters == counters())
        #expect(h.state.checkOffer(1) == .pending)
        #expect(h.receive() == "received(10)")
        #expect(h.wakeups.contains(.allHandoffWaiters))
        #expect(h.counters == counters(attempted: 1, accepted: 1, received: 1))
        #expect(h.state.pendingOffers == 0)
        #expect(h.state.checkOffer(1) == .taken)
        // The taken ticket is consumed once it was looked at.
        #expect(h.state.checkOffer(1) == .returned)
        #expect(h.receive() == "empty")
    }

    @Test("offers are taken in order, tickets are distinct")
    func rendezvousOfferOrder() {
        var h = StateHarness(.rendezvous, senders: 3)
        #expect(h.send(1) == "offered(1)")
        #expect(h.send(2) == "offered(2)")
        #expect(h.send(3) == "offered(3)")
        #expect(h.receive() == "received(1)")
        #expect(h.state.checkOffer(2) == .pending)
        #expect(h.state.checkOffer(1) == .taken)
        #expect(h.drain() == [2, 3])
        #expect(h.state.checkOffer(3) == .taken)
        #expect(h.state.checkOffer(2) == .taken)
        #expect(h.counters == counters(attempted: 3, accepted: 3, received: 3))
    }

    @Test("withdrawing an offer: pending is taken back, taken stays taken")
    func withdrawOffer() {
        var h = StateHarness(.rendezvous)
        #expect(h.send(1) == "offered(1)")
        #expect(h.state.withdrawOffer(1) == .pending)
        #expect(h.state.pendingOffers == 0)
        #expect(h.receive() == "empty")
        #expect(h.counters == counters())
        #expect(h.send(2) == "offered(2)")
        #expect(h.receive() == "received(2)")
        #expect(h.state.withdrawOffer(2) == .taken)
        #expect(h.state.withdrawOffer(99) == .returned)
    }

    @Test("trySend on a rendezvous offers only while parked receivers outnumber offers")
    func rendezvousTrySend() {
        var h = StateHarness(.rendezvous, senders: 2)
        #expect(h.send(1, mayOffer: false) == "full")
        h.state.parkReceiver()
        #expect(h.send(1, mayOffer: false) == "offered(1)")
        #expect(h.wakeups == .oneReceiver)
        #expect(h.send(2, mayOffer: false) == "full")
        h.state.parkReceiver()
        #expect(h.send(2, mayOffer: false) == "offered(2)")
        #expect(h.send(3, mayOffer: false) == "full")
        #expect(h.counters == counters())
        #expect(h.drain() == [1, 2])
        #expect(h.counters == counters(attempted: 2, accepted: 2, received: 2))
    }
}
