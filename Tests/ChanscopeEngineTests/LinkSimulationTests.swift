import Testing
@testable import ChanscopeEngine

/// The simulated link without threads: injected time and seed, so every count is exact.
@Suite("Simulated link: loss, duplicates, delay, overtaking")
struct LinkSimulationTests {
    @Test("Loss is exactly what the seeded draws say: one loss and one duplicate draw per send")
    func lossAsDrawn() {
        var rig = LinkRig(seed: 7, LinkSettings(lossPercent: 30))
        for _ in 0..<1000 { rig.send() }
        rig.advance(toMilliseconds: 1)
        var replay = SplitMix64(seed: 7)
        var expectedLost: UInt64 = 0
        for _ in 0..<1000 {
            let loss = Double(replay.next() >> 11) / Double(1 << 53) * 100
            _ = replay.next()  // the duplicate draw
            if loss < 30 { expectedLost += 1 }
        }
        #expect(rig.counters.lost == expectedLost)
        #expect(rig.queued.count == 1000 - Int(expectedLost))
        #expect((250...350).contains(Int(expectedLost)), "30% of 1000, roughly")
        #expect(rig.counters.identityViolation == nil)
    }

    @Test("At 100% duplication every message arrives twice, and both copies are counted")
    func everyMessageTwice() {
        var rig = LinkRig(LinkSettings(duplicatePercent: 100))
        for _ in 0..<10 { rig.send() }
        rig.advance(toMilliseconds: 1)
        #expect(rig.queued.count == 20)
        #expect(rig.counters.duplicated == 10)
        #expect(rig.counters.dupDelivered == 10)
        #expect(rig.counters.distinctDelivered == 10)
        #expect(rig.counters.identityViolation == nil)
    }

    @Test("A delayed message is on the wire until its delay has passed, and not a nanosecond less")
    func delayExact() {
        var rig = LinkRig(LinkSettings(delayMilliseconds: 50))
        rig.send()
        #expect(rig.link.nextEvent == LinkRig.ms(50))
        rig.advance(to: LinkRig.ms(50) - 1)
        #expect(rig.queued.isEmpty)
        #expect(rig.counters.onWire == 1)
        rig.advance(toMilliseconds: 50)
        #expect(rig.queued.map(\.sequence) == [1])
        #expect(rig.counters.onWire == 0)
    }

    @Test("A later message sent with a shorter delay overtakes and is counted as reordered")
    func overtaking() {
        var rig = LinkRig(LinkSettings(delayMilliseconds: 100))
        rig.send()
        rig.settings.delayMilliseconds = 0
        rig.advance(toMilliseconds: 1)
        rig.send()
        rig.advance(toMilliseconds: 2)
        #expect(rig.queued.map(\.sequence) == [2])
        #expect(rig.counters.reordered == 1)
        rig.advance(toMilliseconds: 100)
        #expect(rig.queued.map(\.sequence) == [2, 1])
        #expect(rig.counters.reordered == 1, "the overtaken one is not counted again")
    }

    @Test("Jitter draws an arrival between delay and delay + jitter, and reorders a burst")
    func jitterReorders() {
        var rig = LinkRig(LinkSettings(delayMilliseconds: 10, jitterMilliseconds: 100))
        for _ in 0..<100 { rig.send() }
        rig.advance(toMilliseconds: 9.999)
        #expect(rig.queued.isEmpty)
        rig.advance(toMilliseconds: 110)
        #expect(rig.queued.count == 100)
        #expect(rig.counters.reordered > 0)
        #expect(rig.queued.map(\.sequence) != Array(1...100))
    }
}
