@testable import Channels
import Synchronization
import Testing

/// Blocking operations with real threads, made deterministic by waiting for explicit conditions
/// (a thread is parked, an offer is out) before acting, never by sleeping.
@Suite("Channel blocking")
struct ChannelBlockingTests {
    // MARK: Wake-ups

    @Test("a send blocked on a full bounded channel wakes when a receive makes room")
    func blockedSendWakesOnReceive() {
        let rig = ThreadRig<Int>(.bounded(1))
        defer { rig.finish() }
        let sender = rig.sender
        #expect(sender.send(1) == .sent)
        let done = Flag()
        let result = rig.spawn { () -> SendResult<Int> in
            let r = sender.send(2)
            done.set()
            return r
        }
        guard waitUntil("the sender parked", { rig.channel.parked.space == 1 }) else { return }
        #expect(rig.stats.blockedSenders == 1)
        #expect(!done.isSet)
        #expect(rig.receiver.receive().element == 1)
        rig.joinAll()
        #expect(result.value == .sent)
        #expect(rig.receiver.tryReceive().element == 2)
        #expect(rig.stats.blockedSenders == 0)
        #expect(rig.channel.counters == counters(attempted: 2, accepted: 2, received: 2))
    }

    @Test("a receive blocked on an empty channel wakes on send", arguments: [
        ChannelKind.unbounded, .bounded(2), .rendezvous, .dropping(2), .overwriting(2),
    ])
    func blockedReceiveWakesOnSend(kind: ChannelKind) {
        let rig = ThreadRig<Int>(kind)
        defer { rig.finish() }
        let receiver = rig.receiver
        let result = rig.spawn { receiver.receive().element }
        guard waitUntil("the receiver parked", { rig.channel.parked.receivers == 1 }) else { return }
        #expect(rig.stats.blockedReceivers == 1)
        #expect(rig.sender.send(42) == .sent)
        rig.joinAll()
        #expect(result.value == 42)
        #expect(rig.stats.blockedReceivers == 0)
        #expect(rig.channel.counters == counters(attempted: 1, accepted: 1, received: 1))
    }

    @Test("a rendezvous send returns only after a receiver took the message")
    func rendezvousHandoff() {
        let rig = ThreadRig<Int>(.rendezvous)
        defer { rig.finish() }
        let sender = rig.sender
        let done = Flag()
        let result = rig.spawn { () -> SendResult<Int> in
            let r = sender.send(7)
            done.set()
            return r
        }
        guard waitUntil("the sender parked with its offer", {
            let p = rig.channel.parked
            return p.handoff == 1 && p.offers == 1
        }) else { return }
        #expect(!done.isSet)
        #expect(rig.stats.blockedSenders == 1)
        #expect(rig.stats.depth == 0)
        #expect(rig.channel.counters == counters(), "an offer is not accepted before it is taken")
        #expect(rig.receiver.receive().element == 7)
        rig.joinAll()
        #expect(result.value == .sent)
        #expect(rig.channel.counters == counters(attempted: 1, accepted: 1, received: 1))
        #expect(rig.stats.blockedSenders == 0)
    }

    @Test("trySend on a rendezvous succeeds when a receiver is parked, and is full otherwise")
    func rendezvousTrySendToParkedReceiver() {
        let rig = ThreadRig<Int>(.rendezvous)
        defer { rig.finish() }
        #expect(rig.sender.trySend(1) == .full(1))
        let receiver = rig.receiver
        let result = rig.spawn { receiver.receive().element }
        guard waitUntil("the receiver parked", { rig.channel.parked.receivers == 1 }) else { return }
        #expect(rig.sender.trySend(2) == .sent)
        rig.joinAll()
        #expect(result.value == 2)
        #expect(rig.channel.counters == counters(attempted: 1, accepted: 1, received: 1))
    }

    // MARK: Timeouts

    @Test("send with timeout on a full bounded channel times out and hands the message back")
    func sendTimeout() {
        let rig = ThreadRig<Int>(.bounded(1))
        defer { rig.finish() }
        #expect(rig.sender.send(1) == .sent)
        let before = rig.channel.counters
        let start = MonotonicClock.now()
        #expect(rig.sender.send(2, timeout: 0.05) == .timedOut(2))
        #expect(MonotonicClock.now() - start >= 45_000_000)
        #expect(rig.channel.counters == before)
        #expect(rig.stats.blockedSenders == 0)
        #expect(rig.channel.parked == ParkedCounts())
    }

    @Test("send with timeout on a rendezvous with no receiver times out and withdraws the offer")
    func rendezvousSendTimeout() {
        let rig = ThreadRig<Int>(.rendezvous)
        defer { rig.finish() }
        #expect(rig.sender.send(3, timeout: 0.05) == .timedOut(3))
        #expect(rig.channel.counters == counters())
        #expect(rig.channel.parked == ParkedCounts())
        #expect(rig.receiver.tryReceive() == .empty, "the withdrawn offer is not receivable")
    }

    @Test("receive with timeout on an empty channel times out", arguments: [
        ChannelKind.unbounded, .bounded(1), .rendezvous, .dropping(1), .overwriting(1),
    ])
    func receiveTimeout(kind: ChannelKind) {
        let rig = ThreadRig<Int>(kind)
        defer { rig.finish() }
        let start = MonotonicClock.now()
        #expect(rig.receiver.receive(timeout: 0.05) == .timedOut)
        #expect(MonotonicClock.now() - start >= 45_000_000)
        #expect(rig.channel.counters == counters())
        #expect(rig.stats.blockedReceivers == 0)
        #expect(rig.channel.parked == ParkedCounts())
        #expect(rig.sender.send(1, timeout: 0.05) != .timedOut(1) || kind == .rendezvous)
    }

    @Test("a timed send and receive that can finish do not time out")
    func timedOperationsSucceed() {
        let rig = ThreadRig<Int>(.bounded(1))
        defer { rig.finish() }
        #expect(rig.sender.send(1, timeout: 5) == .sent)
        #expect(rig.receiver.receive(timeout: 5).element == 1)
    }

    // MARK: Disconnection

    @Test("blocked receivers drain, then get disconnected when the last sender closes")
    func receiversDisconnectAfterDrain() {
        let rig = ThreadRig<Int>(.unbounded, senders: 2, receivers: 2)
        defer { rig.finish() }
        let boxes = rig.receivers.map { receiver in
            rig.spawn { () -> (values: [Int], end: String) in
                var values: [Int] = []
                while true {
                    let r = receiver.receive()
                    guard let v = r.element else { return (values, r.name) }
                    values.append(v)
                }
            }
        }
        guard waitUntil("both receivers parked", { rig.channel.parked.receivers == 2 }) else { return }
        for v in 1...50 { #expect(rig.senders[0].send(v) == .sent) }
        rig.senders[0].close()
        #expect(rig.stats.senders == 1)
        for v in 51...100 { #expect(rig.senders[1].send(v) == .sent) }
        rig.senders[1].close()
        rig.joinAll()
        let results = boxes.compactMap(\.value)
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.end == "disconnected" })
        #expect(results.flatMap(\.values).sorted() == Array(1...100))
        for r in results { #expect(r.values == r.values.sorted()) }
        #expect(rig.channel.counters == counters(attempted: 100, accepted: 100, received: 100))
    }

    @Test("receivers parked on an empty channel get disconnected when the last sender closes")
    func parkedReceiversDisconnect() {
        let rig = ThreadRig<Int>(.bounded(4), senders: 1, receivers: 3)
        defer { rig.finish() }
        let boxes = rig.receivers.map { receiver in rig.spawn { receiver.receive() } }
        guard waitUntil("all receivers parked", { rig.channel.parked.receivers == 3 }) else { return }
        rig.sender.close()
        rig.joinAll()
        #expect(boxes.map(\.value) == Array(repeating: .disconnected, count: 3))
    }

    @Test("blocked senders get disconnected when the last receiver closes", arguments: [
        ChannelKind.bounded(1), .rendezvous,
    ])
    func sendersDisconnect(kind: ChannelKind) {
        let rig = ThreadRig<Int>(kind, senders: 2)
        defer { rig.finish() }
        let queued = kind == .rendezvous ? 0 : 1
        if queued == 1 { #expect(rig.senders[0].send(0) == .sent) }
        let boxes = rig.senders.enumerated().map { index, sender in
            rig.spawn { sender.send(index + 1) }
        }
        guard waitUntil("both senders parked", {
            let p = rig.channel.parked
            return p.space + p.handoff == 2
        }) else { return }
        rig.receiver.close()
        rig.joinAll()
        #expect(boxes.map(\.value) == [.disconnected(1), .disconnected(2)])
        let q = UInt64(queued)
        #expect(rig.channel.counters == counters(attempted: 2 + q, accepted: q, failed: 2, discarded: q))
        #expect(rig.stats.blockedSenders == 0)
    }

    // MARK: Closing a handle while it waits

    @Test("closing a sender while its send is blocked returns cancelled", arguments: [
        ChannelKind.bounded(1), .rendezvous,
    ])
    func closeBlockedSender(kind: ChannelKind) {
        let rig = ThreadRig<Int>(kind, senders: 2)
        defer { rig.finish() }
        if kind != .rendezvous { #expect(rig.senders[1].send(0) == .sent) }
        let before = rig.channel.counters
        let sender = rig.senders[0]
        let result = rig.spawn { sender.send(9) }
        guard waitUntil("the sender parked", {
            let p = rig.channel.parked
            return p.space + p.handoff == 1
        }) else { return }
        sender.close()
        rig.joinAll()
        #expect(result.value == .cancelled(9))
        #expect(rig.channel.counters == before)
        #expect(rig.channel.parked == ParkedCounts())
        #expect(rig.stats.blockedSenders == 0)
        #expect(sender.send(10) == .cancelled(10))
        #expect(rig.receiver.tryReceive().element == (kind == .rendezvous ? nil : 0))
    }

    @Test("closing a receiver while its receive is blocked returns cancelled")
    func closeBlockedReceiver() {
        let rig = ThreadRig<Int>(.unbounded, receivers: 2)
        defer { rig.finish() }
        let receiver = rig.receivers[0]
        let result = rig.spawn { receiver.receive() }
        guard waitUntil("the receiver parked", { rig.channel.parked.receivers == 1 }) else { return }
        receiver.close()
        rig.joinAll()
        #expect(result.value == .cancelled)
        #expect(rig.stats.blockedReceivers == 0)
        #expect(receiver.tryReceive() == .cancelled)
        #expect(rig.sender.send(1) == .sent, "another receiver is still live")
        #expect(rig.receivers[1].tryReceive().element == 1)
    }

    @Test("closing the last receiver while it is blocked returns cancelled")
    func closeLastBlockedReceiver() {
        let rig = ThreadRig<Int>(.bounded(2))
        defer { rig.finish() }
        let receiver = rig.receiver
        let result = rig.spawn { receiver.receive(timeout: 30) }
        guard waitUntil("the receiver parked", { rig.channel.parked.receivers == 1 }) else { return }
        receiver.close()
        rig.joinAll()
        #expect(result.value == .cancelled)
        #expect(rig.sender.send(1) == .disconnected(1))
    }

}
