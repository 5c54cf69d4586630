/// A built-in role a worker group plays instead of a loop of steps (`role: rw-manager`).
///
/// WHY built in: the readers-writers resource manager keeps state (who is inside, who waits)
/// that a loop of steps cannot express; the lesson is its policy, not how to write one.
public struct RoleSpec: Sendable, Equatable {
    /// The roles there are, by the name a preset writes.
    public enum Kind: String, Sendable, CaseIterable {
        /// The course's readers-writers resource manager (`RWManagerCore`).
        case rwManager = "rw-manager"
    }

    /// Nil while a role's field (`requests`, `policy`) was read without `role` itself, which
    /// the lint reports.
    public var kind: Kind?
    /// The channel the manager receives `REQUEST_*` and `DONE_*` messages from.
    public var requests: String?
    /// The choice knob naming the policy (`RWPolicy`'s names).
    public var policy: String?
    /// The knob (milliseconds) past which a class's oldest wait is marked `STARVING`.
    public var starvingAfter: String?

    public init(kind: Kind? = nil, requests: String? = nil, policy: String? = nil, starvingAfter: String? = nil) {
        self.kind = kind
        self.requests = requests
        self.policy = policy
        self.starvingAfter = starvingAfter
    }

    /// The tags the role's messages carry, which the preset's tag table must hold.
    var tagNames: [String] { kind == .rwManager ? RWTags.all : [] }
}

/// The readers-writers protocol's tags, in the course's words.
public enum RWTags {
    public static let requestRead = "REQUEST_READ"
    public static let requestWrite = "REQUEST_WRITE"
    public static let grantRead = "GRANT_READ"
    public static let grantWrite = "GRANT_WRITE"
    public static let doneRead = "DONE_READ"
    public static let doneWrite = "DONE_WRITE"

    static let all = [requestRead, requestWrite, grantRead, grantWrite, doneRead, doneWrite]
}
