import Channels

/// The preset format, declared once: every key of every mapping and every step kind.
///
/// The project's rule is that "the preset schema is declared once"; this is that
/// declaration. `PresetDecoder` reads a file by it, the messages about unknown and missing keys
/// quote it, and `PresetSchema.reference` prints it for the README, so adding a key is adding
/// its declaration here and nothing in the reader changes. The group fields and the steps are
/// in `PresetSchema+Workers.swift`.
enum PresetSchema {
    /// The keys of the file itself.
    static let topLevel: [FieldDeclaration<PresetDraft>] = [
        .init("name", takes: "text", required: true, summary: "the title") { draft, node, path, decoder in
            draft.name = decoder.text(node, path)
            return draft.name != nil
        },
        .init("summary", takes: "one line of text", required: true, summary: "shown in lists") { draft, node, path, decoder in
            guard let summary = decoder.text(node, path) else { return false }
            guard !summary.contains("\n") else {
                decoder.shape(node, path, PresetWording.notOneLine)
                return false
            }
            draft.summary = summary
            return true
        },
        .text("lesson", allowEmpty: true, summary: "a few lines, one observation or action each, for the lesson strip", \.lesson),
        .init("paused", takes: "true or false", summary: "start the screen paused on its first frame (space starts it)") {
            draft, node, path, decoder in
            guard let paused = decoder.bool(node, path) else { return false }
            draft.paused = paused
            return true
        },
        .init("channels", takes: "a mapping of names to channels", required: true, summary: "one or more, in screen order") {
            draft, node, _, decoder in
            draft.channels = decoder.section(node, key: "channels", PresetSchema.channels)
            return true
        },
        .init("knobs", takes: "a mapping of names to knobs", summary: "the sliders") { draft, node, _, decoder in
            draft.knobs = decoder.section(node, key: "knobs", PresetSchema.knobs)
            return true
        },
        .init("workers", takes: "a mapping of names to groups", required: true, summary: "groups of threads running a loop") {
            draft, node, _, decoder in
            draft.workers = decoder.section(node, key: "workers", PresetSchema.workers)
            return true
        },
    ]

    /// The keys required at the top level, for the messages about an empty or odd file.
    static var requiredTopLevelKeys: [String] { topLevel.filter(\.required).map(\.key) }

    // MARK: - Channels

    /// The `channels` section: at least one, each a kind and maybe a capacity.
    static let channels = SectionDeclaration<PresetDraft.Channel>(
        noun: "channel", sketch: "{ kind: ..., capacity: ... }", example: "{ kind: bounded, capacity: 8 }",
        needsOne: (noun: "channel", example: "work: { kind: bounded, capacity: 8 }"),
        fields: channelFields, start: { _ in PresetDraft.Channel() })

    /// The keys of a channel; `PresetLint` combines them into a `ChannelKind`.
    static let channelFields: [FieldDeclaration<PresetDraft.Channel>] = [
        .init("kind", takes: ChannelKind.allNames.joined(separator: ", "), required: true,
              missingHint: "kinds: \(ChannelKind.allNames.joined(separator: ", "))",
              summary: "how a full channel behaves") { channel, node, path, decoder in
            channel.kind = decoder.text(node, path)
            return channel.kind != nil
        },
        .init("capacity", takes: "a whole number, \(PresetWording.range(PresetLimits.capacity))",
              summary: "messages held; bounded, dropping and overwriting need one, priority may have one") { channel, node, path, decoder in
            guard let capacity = decoder.wholeNumber(node, path) else { return false }
            if capacity > PresetLimits.capacity.upperBound {
                decoder.meaning(node, path, PresetWording.atMost("capacity", PresetLimits.capacity.upperBound, found: capacity))
                return false
            }
            channel.capacity = capacity
            return true
        },
        prioritiesField,
        agingField,
    ] + channelLinkFields + transportFields

    // MARK: - Knobs

    /// The `knobs` section: may be empty or left out.
    static let knobs = SectionDeclaration<KnobSpec>(
        noun: "knob", sketch: "{ value: ..., min: ..., max: ... }", example: "{ value: 100, min: 0, max: 2000 }",
        needsOne: nil, fields: knobFields,
        start: { name in KnobSpec(name: name, value: 0, min: 0, max: 0) })

    /// The keys of a knob; `PresetLint` checks how value, min, max and step go together.
    static let knobFields: [FieldDeclaration<KnobSpec>] = [
        // Before `value`: a choice knob's value is one of its choices.
        choicesField,
        choiceOrNumberValue,
        .number("min", takes: knobTakes, required: true, excusedBy: "choices", summary: "the slider's lowest value", \.min,
                check: knobNumber("min")),
        .number("max", takes: knobTakes, required: true, excusedBy: "choices", summary: "the slider's highest value", \.max,
                check: knobNumber("max")),
        .number("step", takes: knobTakes, summary: "one slider move (default 1); at most "
                    + "\(PresetWording.number(PresetLimits.knobSteps)) moves from min to max", \.step, check: knobNumber("step")),
        .text("label", summary: "shown beside the slider (default: the name)", \.label),
        .text("unit", allowEmpty: true, summary: "shown after the value, e.g. ms", \.unit),
    ]

    /// What every knob number takes, for the README.
    static let knobTakes = "a number within ±\(PresetWording.number(PresetLimits.knobMagnitude))"

    /// The check every knob number passes: finite (the decoder sees to that) and within
    /// `PresetLimits.knobMagnitude` of 0.
    static func knobNumber(_ key: String) -> @Sendable (Double) -> String? {
        { value in abs(value) <= PresetLimits.knobMagnitude ? nil : PresetWording.knobTooLarge(key, found: value) }
    }
}
