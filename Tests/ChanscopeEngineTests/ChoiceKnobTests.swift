import Testing
@testable import ChanscopeEngine

/// Choice knobs: a knob that is a choice among names, read from a file, set by `--set`, moved
/// by the one knob rule set, logged and recorded by name; bad names get one line each.
@Suite("Choice knobs")
struct ChoiceKnobTests {
    static func yaml(_ knob: String) -> String {
        """
        name: T
        summary: S
        channels:
          work: { kind: bounded, capacity: 8 }
        knobs:
        \(knob)
          wait_ms: { value: 10, min: 0, max: 100 }
        workers:
          producer: { loop: [ make, { send: work } ] }
          consumer: { loop: [ { recv: work }, { sleep: wait_ms } ] }
        """
    }

    static let policy = "  policy: { choices: [readers-first, writers-first, fair], value: writers-first, label: Policy }"

    @Test("a choice knob loads as an index over its names, whatever order the keys are in")
    func loads() throws {
        let preset = try enginePreset(Self.yaml(Self.policy))
        let knob = try #require(preset.knob(named: "policy"))
        #expect(knob.choices == ["readers-first", "writers-first", "fair"])
        #expect((knob.value, knob.min, knob.max, knob.step) == (1, 0, 2, 1))
        #expect(knob.formatted(knob.value) == "writers-first")
        #expect(knob.label == "Policy")
        let reordered = try enginePreset(Self.yaml("  policy: { value: fair, label: Policy, choices: [readers-first, fair] }"))
        #expect(reordered.knob(named: "policy")?.value == 1)
    }

    @Test("the one rule set moves, clamps and snaps a choice like a number; names round-trip")
    func rules() {
        let knob = KnobSpec.choice(name: "policy", choices: ["a", "b", "c"], value: "b")
        #expect(knob.stepped(knob.value, by: 1) == 2)
        #expect(knob.stepped(2, by: 1) == 2, "the last choice stays last")
        #expect(knob.stepped(0, by: -1) == 0)
        #expect(knob.steppedCoarsely(0, direction: 1) == 1, "a coarse move is one choice too")
        #expect(knob.clampedAndSnapped(1.4) == 1)
        #expect(knob.choice(at: 7) == "c")
        #expect(knob.value(ofChoice: "c") == 2)
        #expect(knob.value(ofChoice: "d") == nil)
        #expect(knob.recorded(0) == "a")
        #expect(KnobSpec(name: "n", value: 2.5, min: 0, max: 5, step: 0.5).recorded(2.5) == "2.5")
    }

    @Test("bad choice knobs: one line each, naming file, line and key")
    func problems() {
        #expect(presetProblems(Self.yaml("  policy: { choices: [a, b], value: c }")) == [
            "x.yaml:6: knobs.policy.value: \"c\" is not among the choices (a, b)",
        ])
        #expect(presetProblems(Self.yaml("  policy: { choices: [a], value: a }")) == [
            "x.yaml:6: knobs.policy.choices: a choice knob needs 2-16 choices, not 1",
        ])
        #expect(presetProblems(Self.yaml("  policy: { choices: [a, a], value: a }")) == [
            "x.yaml:6: knobs.policy.choices[1]: choice \"a\" is listed twice",
        ])
        #expect(presetProblems(Self.yaml("  policy: { choices: [a, \"b c\"], value: a }")) == [
            "x.yaml:6: knobs.policy.choices[1]: choice \"b c\" must be 1-32 letters, digits, - or _",
        ])
        #expect(presetProblems(Self.yaml("  policy: { choices: [a, b], value: a, max: 3 }")) == [
            "x.yaml:6: knobs.policy.max: a choice knob takes no max: its choices are its range",
        ])
        #expect(presetProblems(Self.yaml("  policy: { choices: a, value: a }")) == [
            "x.yaml:6: knobs.policy.choices: expected a list of names, found \"a\"",
        ])
        // Without choices, min and max are required as before.
        #expect(presetProblems(Self.yaml("  policy: { value: 1 }")).count == 2)
    }

    @Test("--set takes a choice by name and refuses one that is not among the choices")
    func overrides() throws {
        let preset = try enginePreset(Self.yaml(Self.policy))
        #expect(try preset.applying(overrides: ["policy=fair"]).knob(named: "policy")?.value == 2)
        #expect(problemLines { () throws(PresetError) in _ = try preset.applying(overrides: ["policy=unfair", "policy=2"]) } == [
            "--set: policy: \"unfair\" is not among the choices (readers-first, writers-first, fair)",
            "--set: policy: \"2\" is not among the choices (readers-first, writers-first, fair)",
        ])
    }

    @Test("a live change is logged by name, and the CSV records the name")
    func liveChangeAndRecording() throws {
        let experiment = Experiment(preset: try enginePreset(Self.yaml(Self.policy)))
        experiment.start()
        defer { experiment.shutdown() }
        let receipt = experiment.setKnob(.preset("policy"), to: 2)
        #expect(receipt?.change == .knob(.preset("policy"), 2))
        let snapshot = experiment.takeSnapshot()
        #expect(snapshot.events.map(\.text).contains("Policy writers-first -> fair"))
        let header = CSVRecorder.header(for: snapshot)
        let row = CSVRecorder.row(for: snapshot)
        let column = try #require(header.firstIndex(of: "policy"))
        #expect(row[column] == "fair")
    }
}
