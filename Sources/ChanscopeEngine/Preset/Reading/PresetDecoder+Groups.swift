import Yams

extension PresetDecoder {
    /// A group's `limit`: a knob's name or a whole number in `PresetLimits.limit`.
    mutating func limit(_ node: Node, _ path: String) -> Limit? {
        // A scalar that is a whole number, or not a number at all (a knob's name); `2.5` is neither.
        guard case .scalar = node, node.null == nil, node.int != nil || node.float == nil else {
            shape(node, path, PresetWording.expected("a knob name or a whole number", found: describe(node)))
            return nil
        }
        if let fixed = node.int {
            guard let problem = PresetWording.outside("limit", PresetLimits.limit, found: fixed, lowerNote: " (endless)") else {
                return .fixed(fixed)
            }
            meaning(node, path, problem)
            return nil
        }
        guard let name = text(node, path) else { return nil }
        use(name, .count, at: node, path: path)
        return .knob(name)
    }

    /// A group's `prefill`: channel names to counts in `PresetLimits.prefill`.
    mutating func prefill(_ node: Node, _ path: String) -> [Prefill]? {
        guard case .mapping = node else {
            shape(node, path, PresetWording.expectedPrefill(found: describe(node)))
            feedersKnown = false
            return nil
        }
        var result: [Prefill] = []
        var valid = true
        for entry in orderedFields(of: node, path: path, allowed: nil) {
            let entryPath = "\(path).\(entry.key)"
            use(entry.key, .feeds, at: entry.keyNode, path: entryPath)
            guard let count = wholeNumber(entry.value, entryPath) else {
                feedersKnown = false
                valid = false
                continue
            }
            if let problem = PresetWording.outside("prefill", PresetLimits.prefill, found: count, lowerNote: "") {
                meaning(entry.value, entryPath, problem)
                valid = false
                continue
            }
            result.append(Prefill(channel: entry.key, count: count))
        }
        return valid ? result : nil
    }

    /// A group's `loop`: a non-empty list of steps.
    mutating func loop(_ node: Node, _ path: String) -> [Step]? {
        if node.null != nil {
            shape(node, path, PresetWording.emptyLoop(steps: PresetSchema.stepKeywords))
            return nil
        }
        guard case .sequence(let sequence) = node else {
            shape(node, path, PresetWording.expectedLoop(found: describe(node)))
            feedersKnown = false
            return nil
        }
        var valid = !sequence.isEmpty
        if sequence.isEmpty { shape(node, path, PresetWording.emptyLoop(steps: PresetSchema.stepKeywords)) }
        var steps: [Step] = []
        for (index, item) in sequence.enumerated() {
            guard let step = step(item, path: "\(path)[\(index)]") else {
                valid = false
                feedersKnown = false
                continue
            }
            steps.append(step)
        }
        return valid ? steps : nil
    }
}
