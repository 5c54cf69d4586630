import Channels

/// The keys of a priority channel: which tag has which level, and the aging knob.
extension PresetSchema {
    /// `priorities: { URGENT: 2, NORMAL: 1, BULK: 0 }`: each tag's level (0 the lowest).
    static let prioritiesField = FieldDeclaration<PresetDraft.Channel>(
        "priorities", takes: "tags to whole numbers, \(PresetWording.range(PresetLimits.priorityLevel))",
        summary: "each tag's priority level for kind priority (highest received first; others are 0)"
    ) { channel, node, path, decoder in
        guard case .mapping = node else {
            decoder.shape(node, path, PresetWording.expected("a mapping of tags to levels, like { URGENT: 2, BULK: 0 }",
                                                             found: decoder.describe(node)))
            return false
        }
        var complete = true
        for field in decoder.orderedFields(of: node, path: path, allowed: nil) {
            let fieldPath = PresetDecoder.join(path, field.key)
            decoder.use(field.key, .expectsTag(ifNeverGiven: "its priority would never apply"), at: field.keyNode, path: fieldPath)
            guard let level = decoder.wholeNumber(field.value, fieldPath) else {
                complete = false
                continue
            }
            guard PresetLimits.priorityLevel.contains(level) else {
                decoder.meaning(field.value, fieldPath, PresetWording.between("a priority level", PresetLimits.priorityLevel, found: level))
                complete = false
                continue
            }
            channel.priorities[field.key] = level
        }
        return complete
    }

    /// `aging: KNOB`: milliseconds after which a waiting message rises one level (0 = off).
    static let agingField = FieldDeclaration<PresetDraft.Channel>(
        "aging", takes: "a knob", summary: "milliseconds a message waits before it rises one priority level (0 = never)"
    ) { channel, node, path, decoder in
        guard let knob = decoder.text(node, path) else { return false }
        decoder.use(knob, .duration, at: node, path: path)
        channel.aging = knob
        return true
    }
}
