import Channels

extension PresetWording {
    // MARK: - Numbers

    /// A number as a preset author wrote it: `2000`, not `2000.0`.
    static func number(_ value: Double) -> String { NumberText.plain(value) }

    /// A range as the README writes it: `1-64`.
    static func range(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound)-\(range.upperBound)"
    }

    /// `count must be 1...64, found 0`.
    static func between(_ key: String, _ range: ClosedRange<Int>, found: Int) -> String {
        "\(key) must be \(range.lowerBound)...\(range.upperBound), found \(found)"
    }

    /// `jitter must be within 0...1, found 1.5`.
    static func within(_ key: String, _ range: ClosedRange<Double>, found: Double) -> String {
        "\(key) must be within \(number(range.lowerBound))...\(number(range.upperBound)), found \(number(found))"
    }

    /// `capacity must be at most 1000000, found 2000000`.
    static func atMost(_ key: String, _ upper: Int, found: Int) -> String {
        "\(key) must be at most \(upper), found \(found)"
    }

    /// The problem with a whole number outside `range`, or `nil` inside: below, `limit must be
    /// 0 (endless) or more, found -3` (with `lowerNote` after the bound); above, `atMost`.
    static func outside(_ key: String, _ range: ClosedRange<Int>, found: Int, lowerNote: String) -> String? {
        if found < range.lowerBound { return "\(key) must be \(range.lowerBound)\(lowerNote) or more, found \(found)" }
        if found > range.upperBound { return atMost(key, range.upperBound, found: found) }
        return nil
    }

    static func knobTooLarge(_ key: String, found: Double) -> String {
        "\(key) \(number(found)) is too large; a knob's numbers must be within "
            + "±\(number(PresetLimits.knobMagnitude)) so every part can represent them"
    }

    // MARK: - Knobs

    static func stepNotPositive(found: Double) -> String {
        "step must be greater than 0, found \(number(found))"
    }

    static func minAboveMax(min: Double, max: Double) -> String {
        "min \(number(min)) is greater than max \(number(max))"
    }

    /// `500 is outside min...max (0...100)`; also what `--set` says.
    static func outsideKnob(_ value: Double, min: Double, max: Double) -> String {
        "\(number(value)) is outside min...max (\(number(min))...\(number(max)))"
    }

    static func tooManySteps(step: Double, min: Double, max: Double) -> String {
        "step \(number(step)) is too small for min...max (\(number(min))...\(number(max))): "
            + "a slider may have at most \(number(PresetLimits.knobSteps)) steps"
    }

    /// `the prefills put 1500000 messages in all; at most 1000000 ...`.
    static func prefillTotal(_ total: Int, most: Int) -> String {
        "the prefills put \(total) messages in all; at most \(most) together, since they are made before the first frame"
    }

    static func reservedKnobName(_ name: String) -> String {
        "knob \"\(name)\" has a dot in its name; names with a dot are the engine's own sliders "
            + "(CHANNEL.capacity, GROUP.workers), so a knob name may not contain one"
    }

    // MARK: - References

    static func unknownChannel(_ name: String, known: [String]) -> String {
        "unknown channel \"\(name)\" (channels: \(known.joined(separator: ", ")))"
    }

    /// `unknown knob "x" (knobs: a, b)`; also what `--set` says.
    static func unknownKnob(_ name: String, known: [String]) -> String {
        let list = known.isEmpty ? "the preset has no knobs" : "knobs: \(known.joined(separator: ", "))"
        return "unknown knob \"\(name)\" (\(list))"
    }

    static func negativeSleep(knob: String, min: Double) -> String {
        "knob \"\(knob)\" can go below 0 (min \(number(min))), and a sleep cannot be negative"
    }

    static func knobOutsideRange(knob: String, min: Double, max: Double, range: ClosedRange<Double>, what: String) -> String {
        "knob \"\(knob)\" goes from \(number(min)) to \(number(max)), but this key takes \(what), "
            + "\(number(range.lowerBound))-\(number(range.upperBound)): set the knob's min and max within that"
    }

    static let protocolWithoutLink =
        "a protocol needs a link to run over: add `link: { loss: ..., delay: ... }` to this channel, or remove `protocol`"

    static func neverFed(_ channel: String, outcome: String) -> String {
        "nothing is ever sent to channel \"\(channel)\" (no send step on it and no prefill), so \(outcome)"
    }

    /// Why a channel's kind and capacity do not go together, in the `Channels` library's words.
    static func kind(_ error: ChannelKind.KindError) -> String {
        error.description
    }
}
