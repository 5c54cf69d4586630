/// The problems found in one preset, each tagged with the kind of check that found it.
///
/// The decoder and the lints run one after the other, but their problems are listed in file
/// order: by line; on one line, shape problems (a wrong type, an unknown key) before meaning
/// problems (an unknown channel, a number out of range), since the latter are often caused by
/// the former; shape problems keep the decoder's order, meaning problems go by column, so the
/// lints can run one concern at a time and still list what they find left to right.
struct PresetFindings {
    /// Which part found a problem.
    enum Kind: Int {
        /// The decoder: the file does not have the shape the schema declares.
        case shape
        /// The limits and lints: the shape is right but the meaning is not.
        case meaning
    }

    /// The file name every problem carries.
    let file: String
    private var found: [(problem: PresetProblem, kind: Kind, column: Int)] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { found.isEmpty }

    /// Whether a problem was already found at `path` or inside it (`knobs.policy.choices`,
    /// `knobs.policy.choices[1]`), so a key that depends on another stays quiet about it.
    func hasProblem(under path: String) -> Bool {
        found.contains { $0.problem.path == path || $0.problem.path.hasPrefix(path + "[") || $0.problem.path.hasPrefix(path + ".") }
    }

    mutating func add(_ kind: Kind, at location: PresetLocation, _ message: String) {
        let problem = PresetProblem(file: file, line: location.line, path: location.path, message: message)
        found.append((problem, kind, kind == .meaning ? location.column : 0))
    }

    /// The problems in file order, as described above.
    var problems: [PresetProblem] {
        found.enumerated()
            .sorted { a, b in
                let left = (a.element.problem.line ?? 0, a.element.kind.rawValue, a.element.column, a.offset)
                let right = (b.element.problem.line ?? 0, b.element.kind.rawValue, b.element.column, b.offset)
                return left < right
            }
            .map(\.element.problem)
    }
}
