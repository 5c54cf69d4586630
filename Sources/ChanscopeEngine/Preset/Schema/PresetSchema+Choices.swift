/// The keys that make a knob a choice among names (`policy: { choices: [fair, as-written],
/// value: fair }`).
extension PresetSchema {
    /// `choices`: the names, which become the knob's range (index 0 ... the last).
    static let choicesField = FieldDeclaration<KnobSpec>(
        "choices", takes: "a list of \(PresetWording.range(PresetLimits.choices)) names (letters, digits, - and _)",
        summary: "makes the knob a choice among these names, shown as a selector; min and max then come from them"
    ) { knob, node, path, decoder in
        guard case .sequence(let sequence) = node else {
            decoder.shape(node, path, PresetWording.expected("a list of names", found: decoder.describe(node)))
            return false
        }
        var names: [String] = []
        for (index, item) in sequence.enumerated() {
            guard let name = decoder.text(item, "\(path)[\(index)]") else { return false }
            guard PresetLimits.isChoiceName(name) else {
                decoder.meaning(item, "\(path)[\(index)]", PresetWording.badChoiceName(name))
                return false
            }
            guard !names.contains(name) else {
                decoder.meaning(item, "\(path)[\(index)]", PresetWording.repeatedChoice(name))
                return false
            }
            names.append(name)
        }
        guard PresetLimits.choices.contains(names.count) else {
            decoder.meaning(node, path, PresetWording.choiceCount(names.count))
            return false
        }
        knob.choices = names
        knob.min = 0
        knob.max = Double(names.count - 1)
        knob.step = 1
        return true
    }

    /// `value`: a number, or for a choice knob one of its choices by name.
    static let choiceOrNumberValue = FieldDeclaration<KnobSpec>(
        "value", takes: "\(knobTakes); for a choice knob one of its choices", required: true,
        summary: "where the slider (or the selector) starts"
    ) { knob, node, path, decoder in
        guard knob.isChoice else {
            // Choices that did not read are reported already; the value cannot be judged.
            let choicesPath = String(path.dropLast("value".count)) + "choices"
            if decoder.findings.hasProblem(under: choicesPath) { return false }
            guard let value = decoder.number(node, path) else { return false }
            if let problem = knobNumber("value")(value) {
                decoder.meaning(node, path, problem)
                return false
            }
            knob.value = value
            return true
        }
        guard let name = decoder.text(node, path) else { return false }
        guard let value = knob.value(ofChoice: name) else {
            decoder.meaning(node, path, PresetWording.notAChoice(name, choices: knob.choices))
            return false
        }
        knob.value = value
        return true
    }
}
