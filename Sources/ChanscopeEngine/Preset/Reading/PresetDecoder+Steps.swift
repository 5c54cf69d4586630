import Yams

extension PresetDecoder {
    /// One loop step, by the declaration its keyword names: a bare word (`make`) or a one-key
    /// mapping (`{ send: work }`) with the options its declaration allows.
    mutating func step(_ node: Node, path: String) -> Step? {
        switch node {
        case .scalar:
            guard let word = text(node, path) else { return nil }
            guard let declaration = PresetSchema.step(word) else {
                shape(node, path, PresetWording.unknownStep(word, known: PresetSchema.stepKeywords))
                return nil
            }
            if let operand = declaration.operand, !declaration.operandOptional {
                shape(node, path, PresetWording.needsOperand(declaration.keyword, noun: operand.noun))
                return nil
            }
            return declaration.make(StepDeclaration.Parts(operand: "", options: defaults(declaration)))
        case .mapping:
            let entries = orderedFields(of: node, path: path, allowed: nil)
            let kinds = entries.filter { PresetSchema.step($0.key) != nil }
            guard let kind = kinds.first, let declaration = PresetSchema.step(kind.key) else {
                shape(node, path, PresetWording.unknownStep(entries.first?.key ?? "", known: PresetSchema.stepKeywords))
                return nil
            }
            guard kinds.count == 1 else {
                shape(node, path, PresetWording.oneThingPerStep(kinds.map(\.key)))
                return nil
            }
            var options = defaults(declaration)
            var valid = true
            for extra in entries where extra.key != kind.key {
                valid = option(extra, of: declaration, path: "\(path).\(extra.key)", into: &options) && valid
            }
            guard let role = declaration.operand else {
                guard kind.value.null != nil else {
                    shape(kind.value, path, PresetWording.takesNoValue(declaration.keyword))
                    return nil
                }
                return valid ? declaration.make(StepDeclaration.Parts(operand: "", options: options)) : nil
            }
            if case .sequence(let list) = kind.value, ["recv", "poll"].contains(declaration.keyword) {
                let names = list.enumerated().compactMap { index, item in text(item, "\(path).\(kind.key)[\(index)]") }
                guard names.count == list.count, names.count >= 2 else {
                    if names.count == list.count { shape(kind.value, path, PresetWording.selectNeedsTwo(declaration.keyword)) }
                    return nil
                }
                for (item, name) in zip(list, names) { use(name, role, at: item, path: path) }
                return valid ? declaration.make(StepDeclaration.Parts(operand: names[0], operands: names, options: options)) : nil
            }
            guard let name = text(kind.value, "\(path).\(kind.key)") else { return nil }
            // `{ recv: mailbox }` names the worker's own mailbox, not a channel.
            let ownMailbox = declaration.keyword == "recv" && name == Step.mailboxWord
            use(name, ownMailbox ? .ownMailbox : role, at: kind.value, path: path)
            return valid ? declaration.make(StepDeclaration.Parts(operand: name, options: options)) : nil
        default:
            shape(node, path, PresetWording.expectedStep(found: describe(node)))
            return nil
        }
    }

    /// Decodes one key of a step beside its keyword: an option the step declares, within its
    /// range; anything else is reported. False when it was not a valid option.
    private mutating func option(
        _ extra: Field, of declaration: StepDeclaration, path: String, into options: inout [String: Double]
    ) -> Bool {
        guard let option = declaration.options.first(where: { $0.key == extra.key }) else {
            let owners = PresetSchema.steps.filter { $0.options.contains { $0.key == extra.key } }.map(\.keyword)
            let message = owners.isEmpty
                ? PresetWording.unknownStepKey(extra.key, step: declaration.keyword, options: declaration.options.map(\.key))
                : PresetWording.optionOfOtherSteps(extra.key, steps: owners)
            shape(extra.keyNode, path, message)
            return false
        }
        if !option.names.isEmpty {
            guard let name = text(extra.value, path) else { return false }
            guard let index = option.names.firstIndex(of: name) else {
                meaning(extra.value, path, PresetWording.notAmong(option.key, name, option.names))
                return false
            }
            options[option.key] = Double(index)
            return true
        }
        guard let value = number(extra.value, path) else { return false }
        guard option.range.contains(value) else {
            meaning(extra.value, path, PresetWording.within(option.key, option.range, found: value))
            return false
        }
        options[option.key] = value
        return true
    }

    /// Every option of the step at its default.
    private func defaults(_ declaration: StepDeclaration) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: declaration.options.map { ($0.key, $0.defaultValue) })
    }
}
