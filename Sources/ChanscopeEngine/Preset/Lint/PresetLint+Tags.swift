extension PresetLint {
    /// Message tags: each a plain name, at most `PresetLimits.tags` of them, and every tag
    /// something waits for (a `stop_on`) given by some step, or that wait is forever.
    ///
    /// Like the feeders check, nothing is said about a tag never given while a step did not
    /// decode: the broken step may have been the one that gives it.
    static func checkTags(_ draft: PresetDraft, findings: inout PresetFindings) {
        let uses = draft.uses.filter(\.role.isTag)
        var distinct: [String] = []
        for use in uses {
            guard !distinct.contains(use.name) else { continue }
            guard TagTable.isName(use.name) else {
                findings.add(.meaning, at: use.location, PresetWording.badTagName(use.name))
                continue
            }
            distinct.append(use.name)
            if distinct.count == PresetLimits.tags.upperBound + 1 {
                findings.add(.meaning, at: use.location, PresetWording.tooManyTags(most: PresetLimits.tags.upperBound))
            }
        }
        guard draft.feedersKnown else { return }
        let given = Set(uses.filter { $0.role == .givesTag }.map(\.name))
        for use in uses {
            guard case .expectsTag(let outcome) = use.role, !given.contains(use.name) else { continue }
            findings.add(.meaning, at: use.location, PresetWording.tagNeverGiven(use.name, outcome: outcome, given: given.sorted()))
        }
    }
}
