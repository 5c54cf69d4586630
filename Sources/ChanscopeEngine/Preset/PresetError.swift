/// Why a preset could not be loaded: every problem found, not just the first.
///
/// Collecting them all lets a lecturer fix a file in one pass instead of one restart per
/// typo. The description is the problems' lines joined by newlines, ready to print as is.
public struct PresetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in order of line (then of discovery); never empty.
    public var problems: [PresetProblem]

    public init(problems: [PresetProblem]) {
        self.problems = problems
    }

    /// One problem as an error.
    public init(file: String, line: Int?, path: String, message: String) {
        self.problems = [PresetProblem(file: file, line: line, path: path, message: message)]
    }

    /// The problems, one line each.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }

    /// The problems' lines, e.g. for tests and for listing a broken file.
    public var lines: [String] {
        problems.map(\.description)
    }
}
