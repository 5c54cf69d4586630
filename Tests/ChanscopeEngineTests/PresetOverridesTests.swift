import Testing
@testable import ChanscopeEngine
import Channels

/// The problem lines applying `overrides` to the built-in default gives, or `[]` when they apply.
func overrideProblems(_ overrides: [String]) -> [String] {
    problemLines { () throws(PresetError) in _ = try Preset.builtInDefault.applying(overrides: overrides) }
}

@Suite("Knob overrides from --set")
struct PresetOverridesTests {
    @Test("Overrides replace knob values and leave the rest alone")
    func applies() throws {
        let preset = try Preset.builtInDefault.applying(overrides: ["produce_ms=20", " max_work = 100 "])
        #expect(preset.knob(named: "produce_ms")?.value == 20)
        #expect(preset.knob(named: "max_work")?.value == 100)
        #expect(preset.knob(named: "consume_ms")?.value == 150)
        #expect(preset.channels == Preset.builtInDefault.channels)
        #expect(try Preset.builtInDefault.applying(overrides: []) == Preset.builtInDefault)
    }

    @Test("Every bad override is one line naming --set")
    func rejects() {
        do {
            _ = try Preset.builtInDefault.applying(overrides: [
                "speed=3", "produce_ms=fast", "consume_ms=5000", "max_work", "produce_ms=-1",
            ])
            Issue.record("expected an error")
        } catch {
            #expect(error.lines == [
                "--set: speed: unknown knob \"speed\" (knobs: produce_ms, consume_ms, max_work, work.capacity, producer.workers, consumer.workers)",
                "--set: produce_ms: expected a number, found \"fast\"",
                "--set: consume_ms: 5000 is outside min...max (0...2000)",
                "--set: expected KNOB=VALUE, found \"max_work\"",
                "--set: produce_ms: -1 is outside min...max (0...2000)",
            ])
        }
    }

    @Test("CH.capacity and GROUP.workers set the channel's capacity and the group's count")
    func structural() throws {
        let preset = try Preset.builtInDefault.applying(overrides: ["work.capacity=3", "consumer.workers=4"])
        #expect(preset.channel(named: "work")?.kind == .bounded(3))
        #expect(preset.workerGroup(named: "consumer")?.count == 4)
        do {
            _ = try Preset.builtInDefault.applying(overrides: ["work.capacity=0", "consumer.workers=65"])
            Issue.record("expected an error")
        } catch {
            #expect(error.lines == [
                "--set: work.capacity: expected a whole number of at least 1, found \"0\"",
                "--set: consumer.workers: expected a whole number from 0 to 64, found \"65\"",
            ])
        }
    }
}
