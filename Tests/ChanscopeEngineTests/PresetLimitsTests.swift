import Testing
@testable import ChanscopeEngine

/// Every number a preset or `--set` gives is within a range every part can represent.
@Suite("Preset number limits")
struct PresetLimitsTests {
    static func preset(replacing line: Int, with text: String) -> String {
        PresetProblemTests.preset(replacing: line, with: text)
    }

    @Test("Knob numbers beyond ±1e12 are refused, naming the key")
    func knobMagnitude() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 1e300, min: 0, max: 18000000000000 }")) == [
            "x.yaml:6: knobs.wait_ms.value: value 1e300 is too large; a knob's numbers must be within ±1000000000000 so every part can represent them",
            "x.yaml:6: knobs.wait_ms.max: max 18000000000000 is too large; a knob's numbers must be within ±1000000000000 so every part can represent them",
        ])
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 0, min: -1e12, max: 1e12, step: 1e4 }")
            .replacingOccurrences(of: "{ sleep: wait_ms }", with: "make")) == [])
    }

    @Test("A step so small that the slider would have more than 1e9 positions is refused")
    func tooManySteps() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 10, min: 0, max: 100, step: 1e-8 }")) == [
            "x.yaml:6: knobs.wait_ms.step: step 1e-8 is too small for min...max (0...100): a slider may have at most 1000000000 steps",
        ])
    }

    @Test("Capacities, prefills and fixed limits have upper bounds")
    func wholeNumberBounds() {
        #expect(presetProblems(Self.preset(replacing: 4, with: "  work: { kind: bounded, capacity: 2305843009213693952 }")) == [
            "x.yaml:4: channels.work.capacity: capacity must be at most 1000000, found 2305843009213693952",
        ])
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { prefill: { work: 1e12 }, loop: [ make, { send: work } ] }")) == [
            "x.yaml:8: workers.producer.prefill.work: prefill must be at most 1000000, found 1000000000000",
        ])
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { limit: 10000000000000, loop: [ make, { send: work } ] }")) == [
            "x.yaml:8: workers.producer.limit: limit must be at most 1000000000000, found 10000000000000",
        ])
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { count: 64, prefill: { work: 1000000 }, loop: [ make ] }")) == [])
    }

    @Test("A knob may not take an engine slider's name")
    func reservedKnobNames() {
        let yaml = Self.preset(replacing: 6, with: "  wait_ms: { value: 10, min: 0, max: 100 }\n  work.capacity: { value: 1, min: 1, max: 9 }")
        #expect(presetProblems(yaml) == [
            "x.yaml:7: knobs.work.capacity: knob \"work.capacity\" has a dot in its name; names with a dot are the engine's own sliders (CHANNEL.capacity, GROUP.workers), so a knob name may not contain one",
        ])
    }

    @Test("--set checks against the same limits and refuses 1e300")
    func overrides() {
        #expect(overrideProblems([
            "produce_ms=1e300", "work.capacity=1e300", "work.capacity=2000000", "producer.workers=65", "max_work=inf",
        ]) == [
            "--set: produce_ms: 1e300 is outside min...max (0...2000)",
            "--set: work.capacity: expected a whole number of at least 1, found \"1e300\"",
            "--set: work.capacity: capacity must be at most 1000000, found 2000000",
            "--set: producer.workers: expected a whole number from 0 to 64, found \"65\"",
            "--set: max_work: expected a number, found \"inf\"",
        ])
    }

    @Test("--set finds a channel or group whose name has a dot")
    func dottedOwners() throws {
        let preset = try PresetLoader.parse(yaml: """
            name: T
            summary: S
            channels: { a.b: { kind: bounded, capacity: 2 } }
            workers: { p.q: { loop: [ make, { send: a.b } ] } }
            """, source: "d.yaml")
        let changed = try preset.applying(overrides: ["a.b.capacity=5", "p.q.workers=3"])
        #expect(changed.channels[0].kind == .bounded(5))
        #expect(changed.workers[0].count == 3)
    }
}

extension PresetLimitsTests {
    @Test("All prefills together are capped, so set-up never freezes the first frame")
    func prefillTotal() {
        let yaml = """
            name: Many prefills
            summary: s
            channels: { a: { kind: unbounded }, b: { kind: unbounded } }
            workers:
              p: { prefill: { a: 600000, b: 600000 }, loop: [ { recv: a } ] }
              q: { loop: [ { recv: b } ] }
            """
        let problems = presetProblems(yaml)
        #expect(problems.count == 1 && problems.first?.contains("the prefills put 1200000 messages in all; at most 1000000") == true, "\(problems)")
        #expect(presetProblems(yaml.replacingOccurrences(of: "600000", with: "500000")) == [])
    }
}
