@testable import Channels
import Testing

/// The state machine under live capacity and kind changes, single-threaded: what each change
/// keeps, evicts (counted as overwritten) and hands back.
@Suite("ChannelState kind changes")
struct ChannelStateKindTests {
    // MARK: Capacity changes

    @Test("bounded shrink keeps the excess and refuses until drained; growing takes effect at once")
    func boundedResize() {
        var h = StateHarness(.bounded(3))
        for v in 1...3 { h.send(v) }
        h.setKind(.bounded(1))
        #expect(h.wakeups == .everyone)
        #expect(h.state.depth == 3)
        #expect(h.send(4) == "full")
        #expect(h.receive() == "received(1)")
        #expect(h.send(4) == "full")
        #expect(h.receive() == "received(2)")
        #expect(h.send(4) == "full")
        #expect(h.receive() == "received(3)")
        #expect(h.send(4) == "sent")
        #expect(h.send(5) == "full")
        h.setKind(.bounded(3))
        #expect(h.wakeups == .everyone)
        #expect(h.send(5) == "sent")
        #expect(h.send(6) == "sent")
        #expect(h.send(7) == "full")
        #expect(h.drain() == [4, 5, 6])
        #expect(h.counters == counters(attempted: 6, accepted: 6, received: 6))
    }

    @Test("dropping shrink evicts the newest, counted overwritten")
    func droppingShrink() {
        var h = StateHarness(.dropping(4))
        for v in 1...4 { h.send(v) }
        h.setKind(.dropping(1))
        #expect(h.counters == counters(attempted: 4, accepted: 4, overwritten: 3, depth: 1))
        #expect(h.send(5) == "dropped(5)")
        h.setKind(.dropping(3))
        #expect(h.send(6) == "sent")
        #expect(h.drain() == [1, 6])
        #expect(h.counters == counters(attempted: 6, accepted: 5, received: 2, dropped: 1, overwritten: 3))
    }

    @Test("overwriting shrink evicts the oldest, counted overwritten")
    func overwritingShrink() {
        var h = StateHarness(.overwriting(4))
        for v in 1...4 { h.send(v) }
        h.setKind(.overwriting(2))
        #expect(h.counters == counters(attempted: 4, accepted: 4, overwritten: 2, depth: 2))
        #expect(h.send(5) == "overwrote(3)")
        h.setKind(.overwriting(3))
        #expect(h.send(6) == "sent")
        #expect(h.drain() == [4, 5, 6])
        #expect(h.counters == counters(attempted: 6, accepted: 6, received: 3, overwritten: 3))
    }

    @Test("unbounded to a sized kind: bounded keeps, dropping and overwriting evict")
    func unboundedToSized() {
        for (kind, kept) in [(ChannelKind.bounded(2), [1, 2, 3, 4, 5]), (.dropping(2), [1, 2]), (.overwriting(2), [4, 5])] {
            var h = StateHarness(.unbounded)
            for v in 1...5 { h.send(v) }
            h.setKind(kind)
            #expect(h.state.kind == kind)
            #expect(h.counters.overwritten == UInt64(5 - kept.count))
            #expect(h.drain() == kept)
        }
    }

    // MARK: Kind switches

    @Test("switching to rendezvous keeps the queue receivable; new sends hand off")
    func toRendezvous() {
        var h = StateHarness(.bounded(3))
        for v in 1...3 { h.send(v) }
        h.setKind(.rendezvous)
        #expect(h.state.depth == 3)
        #expect(h.send(4, mayOffer: false) == "full")
        #expect(h.send(4) == "offered(1)")
        #expect(h.receive() == "received(1)")
        #expect(h.state.checkOffer(1) == .pending)
        #expect(h.drain() == [2, 3, 4])
        #expect(h.state.checkOffer(1) == .taken)
        #expect(h.counters == counters(attempted: 4, accepted: 4, received: 4))
    }

    @Test("switching away from rendezvous returns the offers; the retry goes by the new kind")
    func fromRendezvous() {
        var h = StateHarness(.rendezvous, senders: 2)
        #expect(h.send(1) == "offered(1)")
        #expect(h.send(2) == "offered(2)")
        h.setKind(.rendezvous)
        #expect(h.state.pendingOffers == 2)
        h.setKind(.dropping(1))
        #expect(h.wakeups.contains(.allHandoffWaiters))
        #expect(h.state.pendingOffers == 0)
        #expect(h.state.checkOffer(1) == .returned)
        #expect(h.state.checkOffer(2) == .returned)
        #expect(h.counters == counters())
        #expect(h.send(1) == "sent")
        #expect(h.send(2) == "dropped(2)")
        #expect(h.drain() == [1])
    }

    @Test("every kind switch keeps the accounting", arguments: [
        ChannelKind.unbounded, .bounded(1), .bounded(3), .rendezvous, .dropping(1), .dropping(3),
        .overwriting(1), .overwriting(3),
    ])
    func switchMatrix(to kind: ChannelKind) {
        for from in [ChannelKind.unbounded, .bounded(2), .dropping(2), .overwriting(2)] {
            var h = StateHarness(from)
            for v in 1...2 { h.send(v) }
            h.setKind(kind)
            #expect(h.state.kind == kind)
            let fits = kind.capacity.map { $0 == 0 ? 2 : min($0, 2) } ?? 2
            #expect(h.state.depth == (kind.name == "bounded" ? 2 : fits))
            _ = h.drain()
            #expect(h.counters.received + h.counters.overwritten == 2)
        }
    }
}
