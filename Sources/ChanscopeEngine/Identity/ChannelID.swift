/// The name of one channel of an experiment, as a type of its own.
///
/// WHY not a `String`: controls travel from the command line and the keyboard down to the
/// engine; a typed name cannot be confused with a group's or a knob's on the way.
public struct ChannelID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }

    public var description: String { name }
    public static func < (lhs: ChannelID, rhs: ChannelID) -> Bool { lhs.name < rhs.name }
}
