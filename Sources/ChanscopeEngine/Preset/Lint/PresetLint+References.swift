extension PresetLint {
    /// Every channel and knob a step, prefill or limit names must exist, and a knob a sleep
    /// reads must not go below 0. A section that was itself broken accepts every name, so its
    /// own problem is not buried under follow-on ones.
    static func checkReferences(_ draft: PresetDraft, findings: inout PresetFindings) {
        let channelNames = draft.channels.map { Set($0.names) }
        let knobNames = Set(draft.knobs.names)
        let knobMins = Dictionary(draft.knobs.entries.filter(\.complete).map { ($0.name, $0.spec.min) }, uniquingKeysWith: { a, _ in a })
        let knobMaxes = Dictionary(draft.knobs.entries.filter(\.complete).map { ($0.name, $0.spec.max) }, uniquingKeysWith: { a, _ in a })
        for use in draft.uses where use.role.namesEntry {
            if use.role.isChannel {
                guard let channels = draft.channels, channels.complete, channelNames?.contains(use.name) == false else { continue }
                findings.add(.meaning, at: use.location, PresetWording.unknownChannel(use.name, known: channels.names))
                continue
            }
            guard draft.knobs.complete else { continue }
            guard knobNames.contains(use.name) else {
                findings.add(.meaning, at: use.location, PresetWording.unknownKnob(use.name, known: draft.knobs.names))
                continue
            }
            if use.role == .duration, let min = knobMins[use.name], min < 0 {
                findings.add(.meaning, at: use.location, PresetWording.negativeSleep(knob: use.name, min: min))
            }
            if case .ranged(let range, let what) = use.role, let min = knobMins[use.name], let max = knobMaxes[use.name],
               !range.contains(min) || !range.contains(max) {
                findings.add(.meaning, at: use.location, PresetWording.knobOutsideRange(knob: use.name, min: min, max: max, range: range, what: what))
            }
        }
    }

    /// A channel something receives from must be fed by a send step or a prefill.
    ///
    /// Nothing is said when a step, a loop, a prefill or a group did not decode, or a feeder
    /// names an unknown channel: the broken one may have been the missing feeder, and a guess
    /// would bury the real problem.
    static func checkFeeders(_ draft: PresetDraft, findings: inout PresetFindings) {
        guard draft.feedersKnown, (draft.workers?.malformed ?? 0) == 0 else { return }
        let known = draft.channels.flatMap { $0.complete ? Set($0.names) : nil }
        let feeders = draft.uses.filter { $0.role == .feeds }
        if let known, feeders.contains(where: { !known.contains($0.name) }) { return }
        let fed = Set(feeders.map(\.name))
        for use in draft.uses {
            guard case .drains(let outcome) = use.role, !fed.contains(use.name) else { continue }
            if let known, !known.contains(use.name) { continue }
            findings.add(.meaning, at: use.location, PresetWording.neverFed(use.name, outcome: outcome))
        }
    }

    /// All prefills together put at most `PresetLimits.prefill`'s top into the channels: they
    /// are made before the first frame, so many entries of a million each would freeze the
    /// screen (and take the memory) that one entry's limit is there to protect.
    static func checkPrefillTotal(_ draft: PresetDraft, findings: inout PresetFindings) {
        guard let groups = draft.workers else { return }
        var total = 0
        for entry in groups.entries {
            for prefill in entry.spec.prefill {
                total = total.addingReportingOverflow(prefill.count).partialValue
                if total > PresetLimits.prefill.upperBound {
                    findings.add(.meaning, at: entry.location.at("\(entry.location.path).prefill"),
                                 PresetWording.prefillTotal(total, most: PresetLimits.prefill.upperBound))
                    return
                }
            }
        }
    }
}
