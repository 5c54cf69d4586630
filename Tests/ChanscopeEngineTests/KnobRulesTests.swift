import Testing

@testable import ChanscopeEngine

/// One set of rules for knob values, used by keys, clicks, `--set`, the reader and the engine.
@Suite struct KnobRulesTests {
    static let wait = KnobSpec(name: "wait_ms", value: 100, min: 0, max: 2000, step: 10, label: "Wait", unit: "ms")

    @Test func clampingAndSnapping() {
        #expect(Self.wait.clampedAndSnapped(104) == 100)
        #expect(Self.wait.clampedAndSnapped(106) == 110)
        #expect(Self.wait.clampedAndSnapped(-5) == 0)
        #expect(Self.wait.clampedAndSnapped(1e300) == 2000)
        #expect(Self.wait.clampedAndSnapped(.nan) == 100, "not a number leaves the starting value")
        #expect(Self.wait.clampedAndSnapped(-.infinity) == 100)
        let reversed = KnobSpec(name: "r", value: 5, min: 10, max: 0, step: 1)
        #expect(reversed.clampedAndSnapped(20) == 10)
    }

    @Test func fineAndCoarseSteps() {
        #expect(Self.wait.stepped(100, by: 1) == 110)
        #expect(Self.wait.stepped(2000, by: 1) == 2000)
        #expect(Self.wait.coarseStep == 200)
        #expect(Self.wait.steppedCoarsely(100, direction: -1) == 0)
        #expect(Self.wait.steppedCoarsely(1900, direction: 1) == 2000)
        let huge = KnobSpec(name: "h", value: 0, min: 0, max: 2e13, step: 1)
        var value = 0.0
        for _ in 0..<10 { value = huge.steppedCoarsely(value, direction: 1) }  // used to trap on screen
        #expect(value == 2e13)
        #expect(huge.formatted(value) == "20000000000000")
    }

    @Test func fractionsOfTheTrack() {
        #expect(Self.wait.fraction(of: 500) == 0.25)
        #expect(Self.wait.fraction(of: 9999) == 1)
        #expect(Self.wait.value(atFraction: 0.5) == 1000)
        #expect(KnobSpec(name: "x", value: 3, min: 3, max: 3).fraction(of: 3) == 0)
    }

    @Test func formattingFollowsTheStep() {
        #expect(Self.wait.formatted(110) == "110 ms")
        #expect(KnobSpec(name: "j", value: 0, min: 0, max: 1, step: 0.25).formatted(0.5) == "0.50")
    }

    @Test func engineKnobsStayWithinTheLimits() {
        let big = ChannelSpec(name: "work", kind: .bounded(1 << 62))
        let capacity = KnobSpec.capacity(of: big)
        #expect(capacity.max == Double(PresetLimits.capacity.upperBound))
        #expect(capacity.value == Double(PresetLimits.capacity.upperBound))
        let small = KnobSpec.capacity(of: ChannelSpec(name: "w", kind: .bounded(8)))
        #expect((small.min, small.value, small.max) == (1, 8, 64))
        let idle = KnobSpec.capacity(of: ChannelSpec(name: "w", kind: .unbounded, idleCapacity: 20))
        #expect((idle.value, idle.max) == (20, 80))
        #expect(KnobSpec.capacity(of: ChannelSpec(name: "w", kind: .rendezvous)).value == 8)
        let workers = KnobSpec.workers(of: WorkerGroupSpec(name: "g", count: 3, steps: [.make]))
        #expect((workers.min, workers.value, workers.max) == (0, 3, 64))
    }

    @Test func knobIdentitiesParseFromTheirNames() {
        let parse = { KnobID.parse($0, channels: ["work"], groups: ["consumer"]) }
        #expect(parse("work.capacity") == .capacity("work"))
        #expect(parse("consumer.workers") == .workers("consumer"))
        #expect(parse("other.capacity") == .preset("other.capacity"))
        #expect(parse("produce_ms") == .preset("produce_ms"))
        #expect(KnobID.capacity("work").name == "work.capacity")
    }
}
