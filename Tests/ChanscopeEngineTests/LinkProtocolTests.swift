import Testing
@testable import ChanscopeEngine

/// The reliable-delivery protocol over the simulated link, with injected time and seed.
@Suite("Link protocol: acks, timeouts, retransmission, window, dedup")
struct LinkProtocolTests {
    static func reliable(loss: Double, window: Int = 1, dedup: Bool = true, timeout: Double = 50) -> LinkSettings {
        LinkSettings(lossPercent: loss, delayMilliseconds: 10, acks: true, timeoutMilliseconds: timeout, window: window, dedup: dedup)
    }

    /// Message 1 sent with 100 ms delay, then `count` more with 10 ms: they arrive first.
    static func overtakenFirst(then count: Int) -> LinkRig {
        var rig = LinkRig(LinkSettings(delayMilliseconds: 100, acks: true, timeoutMilliseconds: 1000, window: 8))
        rig.send()
        rig.settings.delayMilliseconds = 10
        for _ in 0..<count { rig.send() }
        return rig
    }

    @Test("With dedup on, every message is delivered exactly once and in order", arguments: [0.0, 30.0, 60.0], [1, 8])
    func exactlyOnce(loss: Double, window: Int) {
        var rig = LinkRig(seed: 11, Self.reliable(loss: loss, window: window))
        rig.sendAll(300)
        #expect(rig.queued.map(\.sequence) == Array(1...300))
        #expect(rig.counters.dupDelivered == 0)
        #expect(rig.counters.identityViolation == nil)
        if loss > 0 {
            #expect(rig.counters.lost > 0)
            #expect(rig.counters.retransmitted > 0)
        } else {
            #expect(rig.counters.retransmitted == 0)
        }
    }

    @Test("With dedup off, lost acks make duplicates reach the queue, each one counted")
    func duplicatesWithoutDedup() {
        var rig = LinkRig(seed: 3, Self.reliable(loss: 30, window: 4, dedup: false))
        rig.sendAll(300)
        let distinct = Set(rig.queued.map(\.sequence))
        #expect(distinct == Set(1...300), "nothing is lost")
        #expect(rig.counters.dupDelivered > 0)
        #expect(UInt64(rig.queued.count) == 300 + rig.counters.dupDelivered)
        #expect(rig.counters.dupDiscarded == 0)
        #expect(rig.counters.acksLost > 0)
    }

    @Test("With dedup on, the same lost acks are discarded copies instead")
    func dedupDiscards() {
        var rig = LinkRig(seed: 3, Self.reliable(loss: 30, window: 4, dedup: true))
        rig.sendAll(300)
        #expect(rig.queued.count == 300)
        #expect(rig.counters.dupDiscarded > 0)
    }

    @Test("A retransmission happens exactly when the timeout passes, and again one timeout later")
    func retransmitOnTimeout() {
        var rig = LinkRig(Self.reliable(loss: 100, timeout: 200))
        let sent = rig.send()
        #expect(sent)
        rig.advance(to: LinkRig.ms(200) - 1)
        #expect(rig.counters.retransmitted == 0)
        rig.advance(toMilliseconds: 200)
        #expect(rig.counters.retransmitted == 1)
        rig.advance(to: LinkRig.ms(400) - 1)
        #expect(rig.counters.retransmitted == 1)
        rig.advance(toMilliseconds: 400)
        #expect(rig.counters.retransmitted == 2)
        rig.link.waiting.insert(1)
        #expect(rig.link.status(settings: rig.settings).retries == 2)
        #expect(rig.link.status(settings: rig.settings).waitingForAck == 1)
    }

    @Test("The window bounds what is unacknowledged: the sender waits for room", arguments: [1, 4, 16])
    func windowBounds(window: Int) {
        var rig = LinkRig(Self.reliable(loss: 100, window: window))
        var accepted = 0
        for _ in 0..<(window + 5) where rig.send() { accepted += 1 }
        #expect(accepted == window)
        #expect(!rig.link.hasRoom(1, settings: rig.settings))
        #expect(rig.link.status(settings: rig.settings).sendersWaiting == 0, "full, but not blocked in a send")
        rig.link.waiting.insert(1)
        #expect(rig.link.status(settings: rig.settings).sendersWaiting == 1)
    }

    @Test("Stop-and-wait needs a round trip per message; a window of 16 fills a 100 ms link")
    func bandwidthDelay() {
        func finish(window: Int) -> UInt64 {
            var rig = LinkRig(LinkSettings(delayMilliseconds: 100, acks: true, timeoutMilliseconds: 500, window: window))
            rig.sendAll(32)
            #expect(rig.queued.count == 32)
            return rig.now
        }
        let slow = finish(window: 1)
        let fast = finish(window: 16)
        #expect(slow >= LinkRig.ms(32 * 200))
        #expect(fast < LinkRig.ms(600))
    }

    @Test("In-order delivery holds back what arrives early until the gap is filled")
    func holdsBack() {
        var rig = Self.overtakenFirst(then: 2)
        rig.advance(toMilliseconds: 50)
        #expect(rig.queued.isEmpty)
        #expect(rig.counters.heldOutOfOrder == 2)
        let status = rig.link.status(settings: rig.settings)
        #expect(status.heldOutOfOrder == 2 && status.waitingForSequence == 1)
        rig.advance(toMilliseconds: 100)
        #expect(rig.queued.map(\.sequence) == [1, 2, 3])
        #expect(rig.counters.heldOutOfOrder == 0)
    }

    @Test("Round trips are measured from the transmission its ack answers")
    func roundTrip() {
        var rig = LinkRig(LinkSettings(delayMilliseconds: 40, acks: true, timeoutMilliseconds: 500))
        rig.sendAll(5)
        let rtt = rig.link.roundTripMilliseconds()
        #expect(rtt?.p50 == 80)
        #expect(rtt?.p99 == 80)
    }

    @Test("A closed sender's unacknowledged message is still resent until it is delivered")
    func closedSenderLingers() {
        var rig = LinkRig(Self.reliable(loss: 100, timeout: 50))
        rig.send()
        rig.link.closeSender(1)
        rig.advance(toMilliseconds: 120)
        #expect(rig.counters.retransmitted == 2)
        rig.settings.lossPercent = 0
        rig.advance(toMilliseconds: 300)
        #expect(rig.queued.map(\.sequence) == [1])
        #expect(rig.link.senders.isEmpty, "forgotten once acknowledged")
        #expect(rig.link.isDrained)
    }

    @Test("Switching the protocol off mid-run delivers what was held and stops retransmitting")
    func protocolOff() {
        var rig = Self.overtakenFirst(then: 1)
        rig.advance(toMilliseconds: 20)
        #expect(rig.counters.heldOutOfOrder == 1)
        rig.settings.acks = false
        rig.advance(toMilliseconds: 21)
        #expect(rig.queued.map(\.sequence) == [2])
        rig.advance(toMilliseconds: 5000)
        #expect(rig.queued.map(\.sequence) == [2, 1])
        #expect(rig.counters.retransmitted == 0)
        #expect(rig.counters.identityViolation == nil)
    }
}
