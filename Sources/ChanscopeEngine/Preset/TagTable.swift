/// The names of a preset's message tags, numbered so a message carries a small index, not a string.
///
/// Index 0 is "untagged" (every message of a preset that never names a tag); the preset's tags
/// follow from 1, in the order the file first names them. The engine resolves names once, when
/// it builds a group, so a worker's hot loop compares integers.
public struct TagTable: Sendable, Equatable {
    /// The index of an untagged message.
    public static let untagged: UInt16 = 0

    /// The tag names, index 1 first.
    public let names: [String]

    /// A table of these names, each once, in first-seen order. The loader keeps the count within
    /// `PresetLimits.tags`, which fits a `UInt16`.
    public init<Names: Sequence>(_ names: Names) where Names.Element == String {
        var seen: Set<String> = []
        self.names = names.filter { seen.insert($0).inserted }
    }

    /// The index of a tag name, or nil when the preset never names it.
    public func index(of name: String) -> UInt16? {
        names.firstIndex(of: name).map { UInt16(clamping: $0 + 1) }
    }

    /// The name of a tag index; nil for untagged or an index the table does not have.
    public func name(of index: UInt16) -> String? {
        index == Self.untagged ? nil : names[safe: Int(index) - 1]
    }
}

extension TagTable {
    /// Whether `name` may be a tag: 1-64 letters, digits, `_` and `-` (it is shown on screen and
    /// written in the CSV, so nothing that needs quoting or escaping).
    public static func isName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }
}

extension Preset {
    /// The preset's tags, in the order the file first names them.
    public var tagTable: TagTable { TagTable(workers.flatMap(\.tagNames)) }
}

extension WorkerGroupSpec {
    /// Every tag the group's steps and fields name.
    var tagNames: [String] { steps.compactMap(\.tagName) + (stopOn.map { [$0] } ?? []) + (role?.tagNames ?? []) }
}

extension Step {
    /// The tag this step names, if any.
    var tagName: String? {
        switch self {
        case .makeTagged(let tag), .tag(let tag), .reply(let tag): tag
        case .make, .send, .recv, .poll, .sleep, .compute, .recvMailbox, .work, .join, .taskDone, .select: nil
        }
    }
}
