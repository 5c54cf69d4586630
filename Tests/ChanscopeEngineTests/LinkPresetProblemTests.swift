import Testing
@testable import ChanscopeEngine

/// A link's bad input: each gives one clear line naming the file, the line and the key.
@Suite("Malformed link presets")
struct LinkPresetProblemTests {
    /// A valid linked preset with its channel line replaced (line 4) or its knobs' (6-9).
    static func preset(channel: String = "  work: { kind: unbounded, link: { loss: loss_pct, delay: delay_ms }, protocol: { timeout: timeout_ms, window: window } }",
                       loss: String = "  loss_pct: { value: 10, min: 0, max: 100 }",
                       timeout: String = "  timeout_ms: { value: 100, min: 10, max: 1000 }",
                       window: String = "  window: { value: 1, min: 1, max: 16 }") -> String {
        [
            "name: T",
            "summary: S",
            "channels:",
            channel,
            "knobs:",
            loss,
            "  delay_ms: { value: 10, min: 0, max: 1000 }",
            timeout,
            window,
            "workers:",
            "  producer: { loop: [ make, { send: work } ] }",
            "  consumer: { loop: [ { recv: work } ] }",
        ].joined(separator: "\n")
    }

    @Test("The template loads, with its link and protocol")
    func templateLoads() throws {
        #expect(presetProblems(Self.preset()) == [])
        let preset = try PresetLoader.parse(yaml: Self.preset(), source: "x.yaml")
        let link = try #require(preset.channels.first?.link)
        #expect(link.loss == "loss_pct" && link.delay == "delay_ms" && link.duplicate == nil)
        #expect(link.reliability == LinkSpec.ProtocolSpec(timeout: "timeout_ms", window: "window"))
    }

    @Test("A loss knob that can go above 100% names the knob, its range and the key")
    func lossAbove100() {
        #expect(presetProblems(Self.preset(loss: "  loss_pct: { value: 10, min: 0, max: 150 }")) == [
            "x.yaml:4: channels.work.link.loss: knob \"loss_pct\" goes from 0 to 150, but this key takes a percentage, 0-100: set the knob's min and max within that",
        ])
    }

    @Test("A loss knob that can go below 0% is refused the same way")
    func lossBelow0() {
        #expect(presetProblems(Self.preset(loss: "  loss_pct: { value: 10, min: -5, max: 100 }")) == [
            "x.yaml:4: channels.work.link.loss: knob \"loss_pct\" goes from -5 to 100, but this key takes a percentage, 0-100: set the knob's min and max within that",
        ])
    }

    @Test("A protocol on a channel without a link")
    func protocolWithoutLink() {
        #expect(presetProblems(Self.preset(channel: "  work: { kind: unbounded, protocol: { timeout: timeout_ms } }")) == [
            "x.yaml:4: channels.work.protocol: a protocol needs a link to run over: add `link: { loss: ..., delay: ... }` to this channel, or remove `protocol`",
        ])
    }

    @Test("A window knob that can be 0")
    func windowZero() {
        #expect(presetProblems(Self.preset(window: "  window: { value: 1, min: 0, max: 16 }")) == [
            "x.yaml:4: channels.work.protocol.window: knob \"window\" goes from 0 to 16, but this key takes a window of at least 1, 1-1024: set the knob's min and max within that",
        ])
    }

    @Test("A timeout knob that can be 0")
    func timeoutZero() {
        #expect(presetProblems(Self.preset(timeout: "  timeout_ms: { value: 100, min: 0, max: 1000 }")) == [
            "x.yaml:4: channels.work.protocol.timeout: knob \"timeout_ms\" goes from 0 to 1000, but this key takes milliseconds above 0, 1-60000: set the knob's min and max within that",
        ])
    }

    @Test("An unknown link key suggests the right one; a link that is not a mapping says what it takes")
    func unknownKeyAndShape() {
        let unknown = presetProblems(Self.preset(channel: "  work: { kind: unbounded, link: { los: loss_pct } }"))
        #expect(unknown.count == 1)
        #expect(unknown.first?.hasPrefix("x.yaml:4: channels.work.link.los: unknown key") == true)
        #expect(unknown.first?.contains("loss") == true)
        let shape = presetProblems(Self.preset(channel: "  work: { kind: unbounded, link: 20 }"))
        #expect(shape.count == 1)
        #expect(shape.first?.hasPrefix("x.yaml:4: channels.work.link: ") == true)
    }

    @Test("A link naming a knob that does not exist")
    func unknownKnob() {
        let problems = presetProblems(Self.preset(channel: "  work: { kind: unbounded, link: { loss: los_pct } }"))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("x.yaml:4: channels.work.link.loss: ") == true)
        #expect(problems.first?.contains("loss_pct") == true, "did you mean")
    }
}
