/// The shared "database" the readers-writers manager guards: it counts who is inside and
/// checks, on every entry, that no writer is ever inside with anyone else.
///
/// WHY a value of its own: the manager's policy decides who may enter, and this is the
/// independent witness of what actually entered. Its counts of violations must stay 0 under
/// every policy; a test that drives a policy wrongly sees them rise.
public struct RWDatabase: Sendable, Hashable {
    public private(set) var readers = 0
    public private(set) var writers = 0
    /// Entries that broke the rule: a writer with anyone inside, a reader with a writer inside.
    public private(set) var violations: UInt64 = 0

    public init() {}

    /// Whether one more of `access` entering with `readers` and `writers` inside breaks the
    /// rule: the one statement of it, which the engine's shared database uses too.
    public static func violates(_ access: RWAccess, readers: Int, writers: Int) -> Bool {
        switch access {
        case .read: writers > 0
        case .write: writers > 0 || readers > 0
        }
    }

    /// Someone enters to read or write; a violation is counted if the rule is broken.
    public mutating func enter(_ access: RWAccess) {
        if Self.violates(access, readers: readers, writers: writers) { violations &+= 1 }
        switch access {
        case .read: readers += 1
        case .write: writers += 1
        }
    }

    /// Someone leaves (never below 0).
    public mutating func leave(_ access: RWAccess) {
        switch access {
        case .read: readers = Swift.max(0, readers - 1)
        case .write: writers = Swift.max(0, writers - 1)
        }
    }
}

/// Reading or writing: what a request asks for and what a `work` step does inside.
public enum RWAccess: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case read, write

    /// `readers` / `writers`, as the screen words a class.
    public var classWord: String { self == .read ? "readers" : "writers" }

    public var description: String { rawValue }
}
