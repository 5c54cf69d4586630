/// One kind of loop step: its keyword, what it acts on, the options it takes, and the `Step`
/// it becomes.
///
/// Adding a step kind is adding one of these to `PresetSchema.steps` (and its case to `Step`
/// with its handling in the engine): the decoder accepts its shapes from `operand` and
/// `options`, "unknown step" and "did you mean" list its keyword, and the lints check its
/// operand by its role (an unknown channel, a channel nothing feeds, a negative sleep).
struct StepDeclaration: Sendable {
    /// What a step's decoded parts are when `make` builds the `Step`.
    struct Parts {
        /// The channel or knob name; empty for a step without an operand.
        var operand: String
        /// Every name of a list operand (`{ recv: [a, b] }`); empty for a single name.
        var operands: [String] = []
        /// Each option's value, the default where the file gives none.
        var options: [String: Double]
    }

    /// A number a step may take beside its operand, e.g. a sleep's `jitter`.
    struct Option: Sendable {
        let key: String
        let range: ClosedRange<Double>
        let defaultValue: Double
        let summary: String
        /// For an option written as a name (`as: reading`): the names, whose index is the value.
        var names: [String] = []

        /// An option written as one of `names`; its value is the name's index.
        static func named(_ key: String, _ names: [String], summary: String) -> Option {
            Option(key: key, range: 0...Double(names.count - 1), defaultValue: 0, summary: summary, names: names)
        }
    }

    /// The step's key, or its bare word when it has no operand: `make`, `send`.
    let keyword: String
    /// The role of the name the step takes (`{ send: CHANNEL }`), or `nil` for a bare word.
    let operand: NameRole?
    let options: [Option]
    /// Whether the bare keyword is a step too (`make`, beside `{ make: TAG }`).
    let operandOptional: Bool
    /// What the step does, one line for the README.
    let summary: String
    let make: @Sendable (Parts) -> Step

    init(_ keyword: String, operand: NameRole?, options: [Option] = [], operandOptional: Bool = false, summary: String,
         make: @escaping @Sendable (Parts) -> Step) {
        self.keyword = keyword
        self.operand = operand
        self.options = options
        self.operandOptional = operandOptional
        self.summary = summary
        self.make = make
    }

    /// How the step is written, for the README's table (inside backticks, so a step with an
    /// optional operand reads `make` or `{ make: TAG }`).
    var form: String {
        guard let operand else { return keyword }
        let extras = options.map { ", \($0.key): \($0.names.isEmpty ? "N" : "NAME")" }.joined()
        let written = "{ \(keyword): \(operand.noun.uppercased())\(extras) }"
        return operandOptional ? "\(keyword)` or `\(written)" : written
    }
}
