/// The words for choice knobs' problems.
extension PresetWording {
    static func notAChoice(_ name: String, choices: [String]) -> String {
        "\"\(name)\" is not among the choices (\(choices.joined(separator: ", ")))"
    }

    static func badChoiceName(_ name: String) -> String {
        "choice \"\(name)\" must be \(PresetWording.range(PresetLimits.choiceLength)) letters, digits, - or _"
    }

    static func repeatedChoice(_ name: String) -> String {
        "choice \"\(name)\" is listed twice"
    }

    static func choiceCount(_ count: Int) -> String {
        "a choice knob needs \(PresetWording.range(PresetLimits.choices)) choices, not \(count)"
    }

    static func notForChoiceKnob(_ key: String) -> String {
        "a choice knob takes no \(key): its choices are its range"
    }
}

extension PresetWording {
    /// `as must be one of working, reading, writing, found "resting"`.
    static func notAmong(_ key: String, _ name: String, _ names: [String]) -> String {
        "\(key) must be one of \(names.joined(separator: ", ")), found \"\(name)\""
    }
}
