/// The name of one worker group of an experiment, as a type of its own (see `ChannelID`).
public struct GroupID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }

    public var description: String { name }
    public static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.name < rhs.name }
}
