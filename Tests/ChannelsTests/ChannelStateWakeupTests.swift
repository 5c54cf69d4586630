@testable import Channels
import Testing

/// The state machine's wake-up decisions and parking bookkeeping, single-threaded: who is
/// woken for which step, and how parked and blocked counts rise and fall (only through
/// `ChannelState`'s parking methods, which `Channel` calls around each park).
@Suite("ChannelState wake-ups and parking")
struct ChannelStateWakeupTests {
    // MARK: Wake-up decisions

    @Test("a push wakes a parked receiver once, not once per message")
    func pushWakesOnce() {
        var h = StateHarness(.unbounded)
        h.send(0)
        #expect(h.wakeups.isEmpty)
        _ = h.drain()
        h.state.parkReceiver()
        h.send(1)
        #expect(h.wakeups == .oneReceiver)
        h.send(2)
        #expect(h.wakeups.isEmpty)
        h.state.receiverWoke()
        #expect(h.state.parkedReceivers == 0 && h.state.signalledReceivers == 0)
        h.state.parkReceiver()
        h.state.parkReceiver()
        h.send(3)
        #expect(h.wakeups == .oneReceiver)
        h.send(4)
        #expect(h.wakeups == .oneReceiver)
        h.send(5)
        #expect(h.wakeups.isEmpty)
        #expect(h.state.signalledReceivers == 2)
    }

    @Test("a pop wakes a space waiter only when there is room, and once")
    func popWakesSpaceWaiter() {
        var h = StateHarness(.bounded(3))
        for v in 1...3 { h.send(v) }
        h.setKind(.bounded(1))
        h.state.parkForSpace()
        #expect(h.receive() == "received(1)")
        #expect(h.wakeups.isEmpty)
        #expect(h.receive() == "received(2)")
        #expect(h.wakeups.isEmpty)
        #expect(h.receive() == "received(3)")
        #expect(h.wakeups == .oneSpaceWaiter)
        h.send(4)
        h.send(5, mayOffer: false)
        h.setKind(.bounded(2))
        h.send(5)
        #expect(h.receive() == "received(4)")
        #expect(h.wakeups.isEmpty, "the parked sender was signalled already")
        h.state.spaceWaiterWoke()
        #expect(h.state.parkedForSpace == 0 && h.state.signalledForSpace == 0)
        #expect(h.receive() == "received(5)")
        #expect(h.wakeups.isEmpty, "nobody is parked")
    }

    @Test("a rendezvous pop wakes no space waiter")
    func rendezvousPopNoSpaceWake() {
        var h = StateHarness(.bounded(1))
        h.send(1)
        h.setKind(.rendezvous)
        h.state.parkForSpace()
        #expect(h.receive() == "received(1)")
        #expect(!h.wakeups.contains(.oneSpaceWaiter))
    }

    // MARK: Stamps

    @Test("stamped messages carry their acceptance time and record latency")
    func stamps() {
        var h = StateHarness(.unbounded, stamps: true)
        h.send(1, now: 1_000)
        var w = Wakeups()
        guard case .received(1, let acceptedAt) = h.state.receive(now: 5_000_000, wakeups: &w) else {
            Issue.record("no message")
            return
        }
        #expect(acceptedAt == 1_000)
        let summary = h.state.takeLatency()
        #expect(summary.count == 1)
        #expect(summary.maxMicroseconds >= 4_900 && summary.maxMicroseconds <= 5_100)
        #expect(h.state.takeLatency().count == 0)
    }

    // MARK: Parking bookkeeping

    @Test("a blocked sender parks for space, is signalled once by a receive, and unparks")
    func spaceParking() {
        var h = StateHarness(.bounded(1))
        #expect(h.send(1) == "sent")
        h.state.beginBlockingSend()
        #expect(h.state.blockedSenders == 1)
        #expect(h.send(2) == "full")
        h.state.parkForSpace()
        #expect(h.state.parkedForSpace == 1 && h.state.signalledForSpace == 0)
        #expect(h.receive() == "received(1)")
        #expect(h.wakeups == .oneSpaceWaiter)
        #expect(h.state.signalledForSpace == 1)
        h.state.spaceWaiterWoke()
        #expect(h.state.parkedForSpace == 0 && h.state.signalledForSpace == 0)
        #expect(h.send(2) == "sent")
        h.state.endBlockingSend()
        #expect(h.state.blockedSenders == 0)
    }

    @Test("a parked receiver that wakes unsignalled (timeout) leaves no signal owed")
    func receiverTimesOut() {
        var h = StateHarness(.unbounded)
        h.state.beginBlockingReceive()
        h.state.parkReceiver()
        #expect(h.state.blockedReceivers == 1 && h.state.parkedReceivers == 1)
        h.state.receiverWoke()
        #expect(h.state.parkedReceivers == 0 && h.state.signalledReceivers == 0)
        h.state.endBlockingReceive()
        #expect(h.state.blockedReceivers == 0)
        #expect(h.send(1) == "sent")
        #expect(h.wakeups.isEmpty, "nobody is parked any more")
    }

    @Test("a rendezvous sender parks for the hand-off and is woken when its offer is taken")
    func handoffParking() {
        var h = StateHarness(.rendezvous)
        #expect(h.send(1) == "offered(1)")
        h.state.parkForHandoff()
        #expect(h.state.parkedForHandoff == 1)
        #expect(h.receive() == "received(1)")
        #expect(h.wakeups.contains(.allHandoffWaiters))
        h.state.handoffWaiterWoke()
        #expect(h.state.parkedForHandoff == 0)
        #expect(h.state.checkOffer(1) == .taken)
    }
}
