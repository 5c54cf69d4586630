/// A knob moved from one value to another: what a knob or worker-count event says, kept as
/// numbers so that a burst of moves can read as one line.
///
/// WHY: one slider drag is a dozen key repeats; logged one by one they push "started" and the
/// events that matter off the screen. The screen folds consecutive changes of one knob into
/// "Consumer wait 200 -> 40 ms" (`merged(after:)`), while the CSV keeps every tick's own.
public struct ValueChange: Sendable, Hashable {
    /// How the change is worded.
    public enum Wording: Sendable, Hashable {
        /// `Consumer wait 200 -> 40 ms`.
        case knob(label: String, unit: String, decimals: Int)
        /// `consumer: 3 workers (+2)`.
        case workers(group: String)
        /// `Policy readers-first -> fair`: a choice knob, by the names of its choices.
        case choice(label: String, choices: [String])

        /// How a change of the knob `spec` reads.
        public static func of(_ spec: KnobSpec) -> Wording {
            spec.isChoice
                ? .choice(label: spec.label, choices: spec.choices)
                : .knob(label: spec.label, unit: spec.unit, decimals: NumberText.decimals(forStep: spec.step))
        }
    }

    public var knob: KnobID
    public var wording: Wording
    public var from: Double
    public var to: Double

    public init(knob: KnobID, wording: Wording, from: Double, to: Double) {
        self.knob = knob
        self.wording = wording
        self.from = from
        self.to = to
    }

    /// The line for the event log and the CSV.
    public var text: String {
        switch wording {
        case .knob(let label, let unit, let decimals):
            let from = NumberText.fixed(from, decimals: decimals)
            let to = NumberText.fixed(to, decimals: decimals)
            let suffix = unit.isEmpty ? "" : " \(unit)"
            return from == to ? "\(label) back to \(to)\(suffix)" : "\(label) \(from) -> \(to)\(suffix)"
        case .choice(let label, let choices):
            let name = { (value: Double) in
                choices.isEmpty ? NumberText.plain(value) : choices[Swift.min(Swift.max(Int(saturating: value), 0), choices.count - 1)]
            }
            return from == to ? "\(label) back to \(name(to))" : "\(label) \(name(from)) -> \(name(to))"
        case .workers(let group):
            let delta = Int(saturating: to) - Int(saturating: from)
            if delta == 0 { return "\(group): back to \(NumberText.plain(to)) workers" }
            return "\(group): \(NumberText.plain(to)) worker\(to == 1 ? "" : "s") (\(delta >= 0 ? "+" : "")\(delta))"
        }
    }

    /// This change and an `earlier` one of the same knob as one: from where the earlier began.
    public func merged(after earlier: ValueChange) -> ValueChange {
        var result = self
        result.from = earlier.from
        return result
    }
}
