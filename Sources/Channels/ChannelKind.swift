/// What a channel does when a send finds it full, and how much it holds.
///
/// The cases are named by behaviour, not by any one language's API: Swift's
/// `AsyncStream.bufferingOldest(n)` is `dropping(n)` here (Kotlin `DROP_LATEST`), and
/// `bufferingNewest(n)` is `overwriting(n)` (Kotlin `DROP_OLDEST`). `peerNames` lists the
/// equivalents so the screen can show them.
public enum ChannelKind: Hashable, Sendable, CustomStringConvertible {
    /// No capacity limit: sends never block and the queue grows.
    case unbounded
    /// Holds up to `capacity` (at least 1); a send to a full channel blocks until space frees up.
    case bounded(Int)
    /// Holds nothing: a send blocks until a receiver takes the message.
    case rendezvous
    /// Holds up to `capacity`; a send to a full channel discards the new message and goes on.
    case dropping(Int)
    /// Holds up to `capacity`; a send to a full channel evicts the oldest queued message.
    case overwriting(Int)
    /// Receives the highest priority level first, oldest first within a level; holds up to
    /// `capacity` (a send to a full one blocks, as on `bounded`), or without limit when nil.
    /// Each message's level comes from the channel's `PriorityLevels`; a message that waits
    /// longer than the channel's aging time rises a level (see `Channel.setAging`).
    case priority(Int?)

    /// The capacity in messages, or `nil` for `unbounded`. Rendezvous has capacity 0.
    public var capacity: Int? {
        switch self {
        case .unbounded: nil
        case .bounded(let n), .dropping(let n), .overwriting(let n): n
        case .rendezvous: 0
        case .priority(let n): n
        }
    }

    /// The lower-case name used in presets, CSV files and on screen (`bounded`, `dropping`, ...).
    public var name: String {
        switch self {
        case .unbounded: "unbounded"
        case .bounded: "bounded"
        case .rendezvous: "rendezvous"
        case .dropping: "dropping"
        case .overwriting: "overwriting"
        case .priority: "priority"
        }
    }

    /// The kind as it is labelled on screen, e.g. `bounded(8)`.
    public var description: String {
        switch self {
        case .unbounded, .rendezvous, .priority(nil): name
        case .bounded(let n), .dropping(let n), .overwriting(let n), .priority(let n?): "\(name)(\(n))"
        }
    }

    /// Whether the kind discards messages instead of blocking when full.
    public var isLossy: Bool {
        switch self {
        case .dropping, .overwriting: true
        default: false
        }
    }

    /// Whether receives take the highest priority level first (`priority`).
    public var isPriority: Bool {
        if case .priority = self { return true }
        return false
    }

    /// The same kind of channel in other languages, for the help panel.
    public var peerNames: String {
        switch self {
        case .unbounded: "Rust mpsc::channel, crossbeam unbounded, Kotlin UNLIMITED"
        case .bounded: "Rust sync_channel(n), Go make(chan T, n), Kotlin SUSPEND"
        case .rendezvous: "Rust sync_channel(0), Go make(chan T), Kotlin RENDEZVOUS"
        case .dropping: "Kotlin DROP_LATEST, Swift AsyncStream .bufferingOldest(n)"
        case .overwriting: "Kotlin DROP_OLDEST, Swift AsyncStream .bufferingNewest(n), tokio broadcast"
        case .priority: "Java PriorityBlockingQueue, Python queue.PriorityQueue, Erlang selective receive"
        }
    }

    /// The kind names a preset may use, in the order of the `1`-`6` keys.
    public static let allNames = ["unbounded", "bounded", "rendezvous", "dropping", "overwriting", "priority"]

    /// Builds a kind from its preset name and capacity.
    ///
    /// Returns `nil` with a reason when the pair is impossible, e.g. `bounded` with capacity 0
    /// (that is `rendezvous`) or an unknown name, so a preset loader can report it.
    public static func make(name: String, capacity: Int?) -> Result<ChannelKind, KindError> {
        switch name {
        case "unbounded":
            guard capacity == nil else { return .failure(.capacityNotAllowed(name)) }
            return .success(.unbounded)
        case "rendezvous":
            guard capacity == nil || capacity == 0 else { return .failure(.capacityNotAllowed(name)) }
            return .success(.rendezvous)
        case "priority":
            guard let capacity else { return .success(.priority(nil)) }
            guard capacity >= 1 else { return .failure(.capacityTooSmall(name, capacity)) }
            return .success(.priority(capacity))
        case "bounded", "dropping", "overwriting":
            guard let capacity else { return .failure(.capacityRequired(name)) }
            guard capacity >= 1 else { return .failure(.capacityTooSmall(name, capacity)) }
            switch name {
            case "bounded": return .success(.bounded(capacity))
            case "dropping": return .success(.dropping(capacity))
            default: return .success(.overwriting(capacity))
            }
        default:
            return .failure(.unknownKind(name))
        }
    }

    /// The same behaviour with another capacity; `unbounded` and `rendezvous` have none to change.
    public func withCapacity(_ capacity: Int) -> ChannelKind {
        switch self {
        case .unbounded, .rendezvous: self
        case .bounded: .bounded(max(1, capacity))
        case .dropping: .dropping(max(1, capacity))
        case .overwriting: .overwriting(max(1, capacity))
        case .priority(nil): self
        case .priority: .priority(max(1, capacity))
        }
    }

    /// Why a kind name and capacity do not make a channel.
    public enum KindError: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownKind(String)
        case capacityRequired(String)
        case capacityTooSmall(String, Int)
        case capacityNotAllowed(String)

        public var description: String {
            switch self {
            case .unknownKind(let name):
                "unknown kind \"\(name)\" (kinds: \(ChannelKind.allNames.joined(separator: ", ")))"
            case .capacityRequired(let name):
                "kind \(name) needs a capacity of at least 1"
            case .capacityTooSmall(let name, let n):
                "kind \(name) needs a capacity of at least 1, not \(n)"
                    + (name == "bounded" && n == 0 ? " (capacity 0 is kind rendezvous)" : "")
            case .capacityNotAllowed(let name):
                "kind \(name) takes no capacity"
            }
        }
    }
}

extension ChannelKind {
    /// The kind a channel actually runs: a sized kind below capacity 1 runs at capacity 1, the
    /// same rule as `withCapacity` (`ChannelKind.make` refuses such kinds from presets, but the
    /// enum can still be built directly, and a `bounded(0)` would block every send forever).
    var normalized: ChannelKind {
        guard let capacity, capacity < 1 else { return self }
        return withCapacity(capacity)
    }
}
