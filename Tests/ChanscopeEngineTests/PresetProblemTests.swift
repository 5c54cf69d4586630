import Testing
@testable import ChanscopeEngine

/// Each malformed preset gives exactly the one line a preset author needs to fix it.
///
/// The texts share one shape so line numbers are easy to check by eye:
/// line 1 name, 2 summary, 3 channels, 4 the channel, 5 knobs, 6 the knob, 7 workers,
/// 8 the producer, 9 the consumer.
@Suite("Malformed presets")
struct PresetProblemTests {
    /// A valid preset with one line replaced.
    static func preset(replacing line: Int, with text: String) -> String {
        var lines = [
            "name: T",
            "summary: S",
            "channels:",
            "  work: { kind: bounded, capacity: 8 }",
            "knobs:",
            "  wait_ms: { value: 10, min: 0, max: 100 }",
            "workers:",
            "  producer: { loop: [ make, { send: work } ] }",
            "  consumer: { loop: [ { recv: work }, { sleep: wait_ms } ] }",
        ]
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    @Test("The template itself loads")
    func templateLoads() {
        #expect(presetProblems(Self.preset(replacing: 1, with: "name: T")) == [])
    }

    @Test("A YAML syntax error names its line")
    func syntaxError() {
        #expect(presetProblems(Self.preset(replacing: 4, with: "  work: { kind: bounded, capacity: 8")) == [
            "x.yaml:5: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping on line 4)",
        ])
    }

    @Test("Tabs used for indentation are a syntax error")
    func tabIndent() {
        #expect(presetProblems("name: T\n\tsummary: S\n") == [
            "x.yaml:2: invalid YAML: found a tab character that violates indentation (while scanning a plain scalar on line 1)",
        ])
    }

    @Test("An empty file and a list at the top level")
    func wrongTopLevel() {
        #expect(presetProblems("# nothing\n") == [
            "x.yaml:1: the file is empty; a preset needs the keys name, summary, channels and workers",
        ])
        #expect(presetProblems("- name: T\n") == [
            "x.yaml:1: a preset must be a mapping with the keys name, summary, channels and workers, not a list",
        ])
    }

    @Test("An unknown top-level key, with a suggestion for a typo")
    func unknownTopLevelKey() {
        #expect(presetProblems(Self.preset(replacing: 2, with: "sumary: S")) == [
            "x.yaml:1: summary: required key is missing",
            "x.yaml:2: sumary: unknown key \"sumary\"; did you mean \"summary\"? (keys: name, summary, lesson, paused, channels, knobs, workers)",
        ])
    }

    @Test("A missing summary")
    func missingSummary() {
        #expect(presetProblems(Self.preset(replacing: 2, with: "# no summary")) == [
            "x.yaml:1: summary: required key is missing",
        ])
    }

    @Test("A summary of more than one line")
    func multiLineSummary() {
        #expect(presetProblems(Self.preset(replacing: 2, with: "summary: \"one\\ntwo\"")) == [
            "x.yaml:2: summary: must be one line (it is shown in lists); put more in lesson",
        ])
    }

    @Test("An unknown channel in a step")
    func unknownChannelInStep() {
        #expect(presetProblems(Self.preset(replacing: 9, with: "  consumer: { loop: [ { recv: wrok }, { sleep: wait_ms } ] }")) == [
            "x.yaml:9: workers.consumer.loop[0]: unknown channel \"wrok\" (channels: work)",
        ])
    }

    @Test("An unknown knob in a sleep")
    func unknownKnobInSleep() {
        #expect(presetProblems(Self.preset(replacing: 9, with: "  consumer: { loop: [ { recv: work }, { sleep: wait } ] }")) == [
            "x.yaml:9: workers.consumer.loop[1]: unknown knob \"wait\" (knobs: wait_ms)",
        ])
    }

    @Test("Bounded with capacity 0 is rendezvous")
    func boundedCapacityZero() {
        #expect(presetProblems(Self.preset(replacing: 4, with: "  work: { kind: bounded, capacity: 0 }")) == [
            "x.yaml:4: channels.work.capacity: kind bounded needs a capacity of at least 1, not 0 (capacity 0 is kind rendezvous)",
        ])
    }

    @Test("Bounded without a capacity")
    func boundedWithoutCapacity() {
        #expect(presetProblems(Self.preset(replacing: 4, with: "  work: { kind: dropping }")) == [
            "x.yaml:4: channels.work.capacity: kind dropping needs a capacity of at least 1",
        ])
    }

    @Test("Unbounded with a capacity")
    func unboundedWithCapacity() {
        #expect(presetProblems(Self.preset(replacing: 4, with: "  work: { kind: unbounded, capacity: 8 }")) == [
            "x.yaml:4: channels.work.capacity: kind unbounded takes no capacity",
        ])
    }

    @Test("An unknown kind")
    func unknownKind() {
        #expect(presetProblems(Self.preset(replacing: 4, with: "  work: { kind: boundless }")) == [
            "x.yaml:4: channels.work.kind: unknown kind \"boundless\" (kinds: unbounded, bounded, rendezvous, dropping, overwriting, priority)",
        ])
    }

    @Test("A recv on a channel nobody sends to")
    func recvWithoutSender() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { loop: [ make ] }")) == [
            "x.yaml:9: workers.consumer.loop[0]: nothing is ever sent to channel \"work\" (no send step on it and no prefill), so this recv would wait forever",
        ])
    }

    @Test("A poll on a channel nobody sends to")
    func pollWithoutSender() {
        let yaml = Self.preset(replacing: 8, with: "  producer: { loop: [ make ] }")
            .replacingOccurrences(of: "{ recv: work }", with: "{ poll: work }")
        #expect(presetProblems(yaml) == [
            "x.yaml:9: workers.consumer.loop[0]: nothing is ever sent to channel \"work\" (no send step on it and no prefill), so this poll would always find it empty",
        ])
    }

    @Test("A prefill counts as a sender")
    func prefillFeedsRecv() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { prefill: { work: 3 }, loop: [ make ] }")) == [])
    }

    @Test("A knob value out of range")
    func valueOutOfRange() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 500, min: 0, max: 100 }")) == [
            "x.yaml:6: knobs.wait_ms.value: 500 is outside min...max (0...100)",
        ])
    }

    @Test("A knob with min above max")
    func minAboveMax() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 10, min: 200, max: 100 }")) == [
            "x.yaml:6: knobs.wait_ms.min: min 200 is greater than max 100",
        ])
    }

    @Test("A knob with a step of 0")
    func zeroStep() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 10, min: 0, max: 100, step: 0 }")) == [
            "x.yaml:6: knobs.wait_ms.step: step must be greater than 0, found 0",
        ])
    }

    @Test("A knob missing its max")
    func knobMissingMax() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 10, min: 0 }")) == [
            "x.yaml:6: knobs.wait_ms.max: required key is missing",
        ])
    }

    @Test("A sleep on a knob that can go negative")
    func sleepOnNegativeKnob() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: 10, min: -5, max: 100 }")) == [
            "x.yaml:9: workers.consumer.loop[1]: knob \"wait_ms\" can go below 0 (min -5), and a sleep cannot be negative",
        ])
    }

    @Test("A string where a number goes")
    func stringForNumber() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: { value: fast, min: 0, max: \"100\" }")) == [
            "x.yaml:6: knobs.wait_ms.value: expected a number, found \"fast\"",
            "x.yaml:6: knobs.wait_ms.max: expected a number, found \"100\"",
        ])
    }

    @Test("A fractional worker count")
    func fractionalCount() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { count: 1.5, loop: [ make, { send: work } ] }")) == [
            "x.yaml:8: workers.producer.count: expected a whole number, found \"1.5\"",
        ])
    }

    @Test("A duplicate channel name")
    func duplicateChannel() {
        let yaml = Self.preset(replacing: 4, with: "  work: { kind: bounded, capacity: 8 }\n  work: { kind: unbounded }")
        #expect(presetProblems(yaml) == [
            "x.yaml:5: channels.work: duplicate key \"work\" (first on line 4)",
        ])
    }

    @Test("Duplicate keys in flow style and in a group are each reported")
    func duplicateKeys() {
        let yaml = Self.preset(replacing: 6, with: "  wait_ms: { value: 10, min: 0, max: 100, max: 50 }")
            .replacingOccurrences(of: "  consumer:", with: "  producer:")
        #expect(presetProblems(yaml) == [
            "x.yaml:6: knobs.wait_ms.max: duplicate key \"max\" (first on line 6)",
            "x.yaml:9: workers.producer: duplicate key \"producer\" (first on line 8)",
        ])
    }

    @Test("An empty loop")
    func emptyLoop() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { loop: [] }")) == [
            "x.yaml:8: workers.producer.loop: the loop is empty; it needs at least one step (make, send, recv, poll, sleep, work, compute, tag, reply, join, task_done)",
            "x.yaml:9: workers.consumer.loop[0]: nothing is ever sent to channel \"work\" (no send step on it and no prefill), so this recv would wait forever",
        ])
    }

    @Test("A group without a loop")
    func missingLoop() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { count: 2 }\n  feeder: { loop: [ make, { send: work } ] }")) == [
            "x.yaml:8: workers.producer.loop: required key is missing",
        ])
    }

    @Test("An unknown step kind")
    func unknownStep() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { loop: [ make, { sned: work }, { send: work }, wait ] }")) == [
            "x.yaml:8: workers.producer.loop[1]: unknown step \"sned\"; did you mean \"send\"? (steps: make, send, recv, poll, sleep, work, compute, tag, reply, join, task_done)",
            "x.yaml:8: workers.producer.loop[3]: unknown step \"wait\" (steps: make, send, recv, poll, sleep, work, compute, tag, reply, join, task_done)",
        ])
    }

    @Test("A step without its operand, and two steps in one map")
    func malformedSteps() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { loop: [ make, send, { send: work, recv: work } ] }")) == [
            "x.yaml:8: workers.producer.loop[1]: step \"send\" needs a channel: write { send: CHANNEL }",
            "x.yaml:8: workers.producer.loop[2]: a step does one thing; found send and recv — make them separate steps",
        ])
    }

    @Test("A count of 0 is a group that starts empty; a count above 64 or below 0 is refused")
    func countOutOfRange() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { count: 0, loop: [ make, { send: work } ] }")) == [])
        #expect(presetProblems(Self.preset(replacing: 9, with: "  consumer: { count: 65, loop: [ { recv: work } ] }")) == [
            "x.yaml:9: workers.consumer.count: count must be 0...64, found 65",
        ])
        #expect(presetProblems(Self.preset(replacing: 9, with: "  consumer: { count: -1, loop: [ { recv: work } ] }")) == [
            "x.yaml:9: workers.consumer.count: count must be 0...64, found -1",
        ])
    }

    @Test("Jitter outside 0...1, and jitter on a step that is not a sleep")
    func badJitter() {
        #expect(presetProblems(Self.preset(replacing: 9, with: "  consumer: { loop: [ { recv: work, jitter: 0.1 }, { sleep: wait_ms, jitter: 1.5 } ] }")) == [
            "x.yaml:9: workers.consumer.loop[0].jitter: only a sleep or work step takes jitter",
            "x.yaml:9: workers.consumer.loop[1].jitter: jitter must be within 0...1, found 1.5",
        ])
    }

    @Test("An unknown key in a group")
    func unknownGroupKey() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { loops: 3, loop: [ make, { send: work } ] }")) == [
            "x.yaml:8: workers.producer.loops: unknown key \"loops\"; did you mean \"loop\"? (keys: count, limit, prefill, crash_after, mailbox, stop_on, select, role, requests, policy, starving_after, loop)",
        ])
    }

    @Test("An unknown key in a knob and in a channel")
    func unknownNestedKeys() {
        let yaml = Self.preset(replacing: 4, with: "  work: { kind: bounded, size: 8 }")
            .replacingOccurrences(of: "max: 100 }", with: "max: 100, units: ms }")
        #expect(presetProblems(yaml) == [
            "x.yaml:4: channels.work.size: unknown key \"size\" (keys: kind, capacity, priorities, aging, link, protocol, transport, buffer_bytes, message_bytes)",
            "x.yaml:4: channels.work.capacity: kind bounded needs a capacity of at least 1",
            "x.yaml:6: knobs.wait_ms.units: unknown key \"units\"; did you mean \"unit\"? (keys: choices, value, min, max, step, label, unit)",
        ])
    }

    @Test("A prefill into an unknown channel, and a negative prefill")
    func badPrefill() {
        #expect(presetProblems(Self.preset(replacing: 9, with: "  consumer: { prefill: { jobs: 3, work: -1 }, loop: [ { recv: work } ] }")) == [
            "x.yaml:9: workers.consumer.prefill.jobs: unknown channel \"jobs\" (channels: work)",
            "x.yaml:9: workers.consumer.prefill.work: prefill must be 0 or more, found -1",
        ])
    }

    @Test("A limit naming an unknown knob, and a negative fixed limit")
    func badLimit() {
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { limit: max_work, loop: [ make, { send: work } ] }")) == [
            "x.yaml:8: workers.producer.limit: unknown knob \"max_work\" (knobs: wait_ms)",
        ])
        #expect(presetProblems(Self.preset(replacing: 8, with: "  producer: { limit: -3, loop: [ make, { send: work } ] }")) == [
            "x.yaml:8: workers.producer.limit: limit must be 0 (endless) or more, found -3",
        ])
    }

    @Test("Wrong shapes: channels as a list, a knob as a bare number")
    func wrongShapes() {
        #expect(presetProblems(Self.preset(replacing: 6, with: "  wait_ms: 10")
            .replacingOccurrences(of: "{ sleep: wait_ms }", with: "make")) == [
            "x.yaml:6: knobs.wait_ms: expected a mapping like { value: 100, min: 0, max: 2000 }, found \"10\"",
        ])
        #expect(presetProblems(Self.preset(replacing: 4, with: "  - work")) == [
            "x.yaml:4: channels: expected a mapping of channel names to { kind: ..., capacity: ... }, found a list",
        ])
    }

    @Test("Problems name the file as given")
    func fileName() {
        #expect(presetProblems(Self.preset(replacing: 2, with: "summary:"), file: "presets/x.yaml") == [
            "presets/x.yaml:2: summary: expected text, found nothing",
        ])
    }

    @Test("Empty channels and workers sections, and a duplicate top-level key")
    func emptySections() {
        #expect(presetProblems("name: A\nname: B\nsummary: S\nchannels:\nworkers:\n") == [
            "x.yaml:2: name: duplicate key \"name\" (first on line 1)",
            "x.yaml:4: channels: at least one channel is needed, e.g. work: { kind: bounded, capacity: 8 }",
            "x.yaml:5: workers: at least one worker group is needed, e.g. producer: { loop: [ make, { send: work } ] }",
        ])
    }
}
