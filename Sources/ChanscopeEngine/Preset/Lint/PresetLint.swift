/// Checks what a decoded preset means, and assembles the `Preset` when nothing is wrong.
///
/// The decoder has seen to the shape; what is left needs more than one value at a time: a
/// channel's kind with its capacity, a knob's value with its min and max, a step's channel
/// with the channels section, every receiver with some sender. Each concern is its own pure
/// function over the draft (channels, knobs, references, feeders), in the spirit of
/// tokio-console's warnings, so a new check is one more function here.
enum PresetLint {
    /// The preset the draft describes, or `nil` when any part found a problem.
    static func preset(from draft: PresetDraft, source: String, findings: inout PresetFindings) -> Preset? {
        let channels = draft.channels.map { channelSpecs($0, findings: &findings) }
        let knobs = knobSpecs(draft.knobs, findings: &findings)
        checkReferences(draft, findings: &findings)
        checkFeeders(draft, findings: &findings)
        checkPrefillTotal(draft, findings: &findings)
        checkTags(draft, findings: &findings)
        checkRoles(draft, findings: &findings)
        checkMailboxes(draft, findings: &findings)
        guard findings.isEmpty, let name = draft.name, let summary = draft.summary, let channels,
              let workers = draft.workers else { return nil }
        var preset = Preset(
            name: name, summary: summary, lesson: draft.lesson, channels: channels,
            knobs: knobs, workers: workers.entries.map(\.spec), source: source)
        preset.startsPaused = draft.paused
        return preset
    }
}
