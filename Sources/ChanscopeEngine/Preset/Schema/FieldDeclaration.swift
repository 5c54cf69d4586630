import Yams

/// One key a preset mapping may have: its name, what it takes, whether it must be there, and
/// how its value is decoded into the thing being built.
///
/// The schema is a list of these per mapping (`PresetSchema`), and everything about a key comes
/// from its one declaration: the decoder accepts exactly the declared keys, "unknown key" lists
/// them and "did you mean" picks from them, "required key is missing" comes from `required`,
/// and the README's key reference is printed from `takes` and `summary`.
struct FieldDeclaration<Target>: Sendable {
    /// Decodes the value at `path` into the target, reporting through the decoder; false when
    /// the value did not decode (or decoded to something out of range).
    typealias Decode = @Sendable (inout Target, Node, _ path: String, inout PresetDecoder) -> Bool

    /// The key as written in the file.
    let key: String
    /// What the value is, in the README's words, e.g. `a whole number, 1-64`.
    let takes: String
    /// Whether the mapping must have the key.
    let required: Bool
    /// What "required key is missing" adds in parentheses, e.g. the kinds to choose from.
    let missingHint: String?
    /// Another key whose presence makes this required key unnecessary (a choice knob's
    /// `choices` stand for its `min` and `max`).
    let excusedBy: String?
    /// What the key is for, one line for the README.
    let summary: String
    let decode: Decode

    init(
        _ key: String, takes: String, required: Bool = false, missingHint: String? = nil, excusedBy: String? = nil,
        summary: String, decode: @escaping Decode
    ) {
        self.key = key
        self.takes = takes
        self.required = required
        self.missingHint = missingHint
        self.excusedBy = excusedBy
        self.summary = summary
        self.decode = decode
    }
}

extension FieldDeclaration {
    /// A key whose value is text, written to `field`.
    static func text(
        _ key: String, required: Bool = false, allowEmpty: Bool = false, summary: String,
        _ field: WritableKeyPath<Target, String> & Sendable
    ) -> FieldDeclaration {
        FieldDeclaration(key, takes: "text", required: required, summary: summary) { target, node, path, decoder in
            guard let text = decoder.text(node, path, allowEmpty: allowEmpty) else { return false }
            target[keyPath: field] = text
            return true
        }
    }

    /// A key whose value is a number; `check` words a value out of range (a meaning problem).
    static func number(
        _ key: String, takes: String, required: Bool = false, excusedBy: String? = nil, summary: String,
        _ field: WritableKeyPath<Target, Double> & Sendable, check: @escaping @Sendable (Double) -> String?
    ) -> FieldDeclaration {
        checked(key, takes: takes, required: required, excusedBy: excusedBy, summary: summary, field,
                read: { $0.number($1, $2) }, check: check)
    }

    /// A key whose value is a whole number; `check` words a value out of range.
    static func wholeNumber(
        _ key: String, takes: String, summary: String,
        _ field: WritableKeyPath<Target, Int> & Sendable, check: @escaping @Sendable (Int) -> String?
    ) -> FieldDeclaration {
        checked(key, takes: takes, summary: summary, field, read: { $0.wholeNumber($1, $2) }, check: check)
    }

    /// A key whose value `read` decodes and `check` may refuse as out of range.
    private static func checked<Value>(
        _ key: String, takes: String, required: Bool = false, excusedBy: String? = nil, summary: String,
        _ field: WritableKeyPath<Target, Value> & Sendable,
        read: @escaping @Sendable (inout PresetDecoder, Node, String) -> Value?,
        check: @escaping @Sendable (Value) -> String?
    ) -> FieldDeclaration {
        FieldDeclaration(key, takes: takes, required: required, excusedBy: excusedBy, summary: summary) {
            target, node, path, decoder in
            guard let value = read(&decoder, node, path) else { return false }
            if let problem = check(value) {
                decoder.meaning(node, path, problem)
                return false
            }
            target[keyPath: field] = value
            return true
        }
    }
}
