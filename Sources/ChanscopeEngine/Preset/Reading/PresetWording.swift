/// Every sentence a preset problem can say, in one place.
///
/// The decoder, the lints, the file reader and `--set` only decide *that* something is wrong
/// and *where*; how it is said lives here, so the messages keep one voice, one number format
/// and one way of listing choices, and a reworded message is a change to one line.
enum PresetWording {
    // MARK: - Files

    /// Why a file was not read, after `FILE: `.
    static func refused(_ refusal: PresetFileRefusal) -> String {
        switch refusal {
        case .system(let reason): "cannot read file: \(reason)"
        case .notRegular(let kind): "cannot read file: it is \(kind), not a regular file"
        case .tooLarge(let limit): "cannot read file: it is larger than \(bytes(limit)), the most a preset may be"
        case .utf16: "cannot read file: UTF-16 text; save the preset as UTF-8"
        case .notUTF8: "cannot read file: not UTF-8 text"
        }
    }

    /// A byte count as people say it: `1 MiB`, `64 KiB`, `100 bytes`.
    static func bytes(_ count: Int) -> String {
        if count >= 1 << 20, count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10, count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    /// A YAML syntax error in Yams's words, with its context.
    static func invalidYAML(_ problem: String) -> String {
        "invalid YAML: \(problem)"
    }

    /// A preset name found in none of the folders, with the names that are there.
    static func unknownPreset(_ name: String, known: [String], folders: [String]) -> String {
        let knownText = known.isEmpty ? "no presets found" : "presets: \(known.joined(separator: ", "))"
        let looked = folders.isEmpty ? "" : "; looked in \(folders.joined(separator: ", "))"
        return "unknown preset \"\(name)\" (\(knownText)\(looked))"
    }

    // MARK: - Keys

    /// A key that repeats one earlier in the same mapping.
    static func duplicateKey(_ key: String, firstLine: Int?) -> String {
        "duplicate key \"\(key)\"" + (firstLine.map { " (first on line \($0))" } ?? "")
    }
}

extension PresetWording {
    // MARK: - The file's shape

    static func emptyFile(required: [String]) -> String {
        "the file is empty; a preset needs the keys \(list(required))"
    }

    static func notAPreset(required: [String], found: String) -> String {
        "a preset must be a mapping with the keys \(list(required)), not \(found)"
    }

    static func missingKey(hint: String?) -> String {
        "required key is missing" + (hint.map { " (\($0))" } ?? "")
    }

    static func unknownKey(_ key: String, known: [String]) -> String {
        "unknown key \"\(key)\"\(suggestion(key, known)) (keys: \(known.joined(separator: ", ")))"
    }

    static func keyNotPlain(found: String) -> String {
        "a key must be a plain name, found \(found)"
    }

    static let notOneLine = "must be one line (it is shown in lists); put more in lesson"

    /// `expected WHAT, found FOUND`, e.g. `expected a number, found "fast"`.
    static func expected(_ what: String, found: String) -> String {
        "expected \(what), found \(found)"
    }

    static func expectedSection(_ noun: String, sketch: String, found: String) -> String {
        "expected a mapping of \(noun) names to \(sketch), found \(found)"
    }

    static func expectedMapping(like example: String, found: String) -> String {
        "expected a mapping like \(example), found \(found)"
    }

    static func needsOne(_ noun: String, example: String) -> String {
        "at least one \(noun) is needed, e.g. \(example)"
    }

    static func expectedPrefill(found: String) -> String {
        "expected a mapping of channel names to counts, like { empties: 100 }, found \(found)"
    }

    // MARK: - Steps

    static func emptyLoop(steps: [String]) -> String {
        "the loop is empty; it needs at least one step (\(steps.joined(separator: ", ")))"
    }

    static func expectedLoop(found: String) -> String {
        "expected a list of steps like [ make, { send: work } ], found \(found)"
    }

    static func expectedStep(found: String) -> String {
        "expected a step (make, or a one-key map like { send: CHANNEL }), found \(found)"
    }

    static func unknownStep(_ word: String, known: [String]) -> String {
        "unknown step \"\(word)\"\(suggestion(word, known)) (steps: \(known.joined(separator: ", ")))"
    }

    static func needsOperand(_ step: String, noun: String) -> String {
        "step \"\(step)\" needs a \(noun): write { \(step): \(noun.uppercased()) }"
    }

    static func oneThingPerStep(_ steps: [String]) -> String {
        "a step does one thing; found \(steps.joined(separator: " and ")) — make them separate steps"
    }

    static func takesNoValue(_ step: String) -> String {
        "\(step) takes no value; write the bare step: - \(step)"
    }

    /// An option written on a step that does not take it, e.g. `only a sleep step takes jitter`.
    static func optionOfOtherSteps(_ option: String, steps: [String]) -> String {
        "only a \(steps.joined(separator: " or ")) step takes \(option)"
    }

    static func unknownStepKey(_ key: String, step: String, options: [String]) -> String {
        let known = options.isEmpty
            ? "a \(step) step has only its \(step) key"
            : "a \(step) step may add \(options.joined(separator: " or "))"
        return "unknown key \"\(key)\"\(suggestion(key, options)) (\(known))"
    }

    // MARK: - Lists

    /// `a, b and c`.
    static func list(_ words: [String]) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + last
    }
}
