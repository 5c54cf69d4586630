import Testing
@testable import ChanscopeEngine

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
                "--set: speed: unknown knob \"speed\" (knobs: produce_ms, consume_ms, max_work)",
                "--set: produce_ms: expected a number, found \"fast\"",
                "--set: consume_ms: 5000 is outside min...max (0...2000)",
                "--set: expected KNOB=VALUE, found \"max_work\"",
                "--set: produce_ms: -1 is outside min...max (0...2000)",
            ])
        }
    }
}
