import Yams

/// Where something sits in a preset file: its line, its column and its key path.
///
/// Decoding the shape and checking the meaning are separate parts, yet a check made after
/// decoding must still name the line and the key, so every decoded value a later check may
/// complain about keeps its location. The column only orders problems within a line.
struct PresetLocation: Equatable {
    /// The 1-based line, or `nil` when there is no node.
    var line: Int?
    /// The 1-based column, or 0 when unknown.
    var column: Int
    /// The dotted key path, e.g. `workers.consumer.loop[0]`.
    var path: String

    init(_ node: Node?, path: String) {
        line = node?.mark?.line
        column = node?.mark?.column ?? 0
        self.path = path
    }

    init(line: Int?, path: String) {
        self.line = line
        column = 0
        self.path = path
    }

    /// The same place under another key path, for a problem about a key that is missing there.
    func at(_ path: String) -> PresetLocation {
        var copy = self
        copy.path = path
        return copy
    }
}
