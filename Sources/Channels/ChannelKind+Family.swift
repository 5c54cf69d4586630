extension ChannelKind {
    /// A kind without its capacity: what the `1`-`6` keys choose, in their order.
    ///
    /// WHY apart from `ChannelKind`: switching a channel's kind live keeps its capacity (the
    /// capacity slider), so a control names only the behaviour and the engine adds the number.
    public enum Family: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
        case unbounded, bounded, rendezvous, dropping, overwriting, priority

        /// Whether kinds of this family hold a capacity of at least 1.
        public var hasCapacity: Bool { self == .bounded || self == .dropping || self == .overwriting }

        /// The kind of this family with `capacity` (ignored where the family has none; below 1
        /// runs at 1). A `priority` kind is unbounded unless `boundedPriority` (a preset's
        /// channel declared as a bounded priority queue keeps its bound through kind switches).
        public func kind(capacity: Int, boundedPriority: Bool = false) -> ChannelKind {
            switch self {
            case .unbounded: .unbounded
            case .rendezvous: .rendezvous
            case .bounded: .bounded(Swift.max(1, capacity))
            case .dropping: .dropping(Swift.max(1, capacity))
            case .overwriting: .overwriting(Swift.max(1, capacity))
            case .priority: .priority(boundedPriority ? Swift.max(1, capacity) : nil)
            }
        }

        public var description: String { rawValue }
    }

    /// This kind's family.
    public var family: Family {
        switch self {
        case .unbounded: .unbounded
        case .bounded: .bounded
        case .rendezvous: .rendezvous
        case .dropping: .dropping
        case .overwriting: .overwriting
        case .priority: .priority
        }
    }
}
