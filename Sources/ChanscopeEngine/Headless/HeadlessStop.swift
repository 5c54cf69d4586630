import Synchronization

/// A request to end a headless run early (a quit signal: SIGINT, SIGTERM, SIGHUP), so it stops
/// its workers and processes and removes what it made, as at the end of its duration.
///
/// WHY a value the caller holds: the engine does not take signals itself (the command line
/// decides how a signal arrives); it only needs to be woken and told.
public final class HeadlessStop: Sendable {
    let condition = WaitCondition()
    private let requested = Atomic<Bool>(false)

    public init() {}

    /// Ends the run at the next moment it can (idempotent; safe from any thread).
    public func request() {
        requested.store(true, ordering: .releasing)
        condition.withLock {}
        condition.broadcast()
    }

    public var isRequested: Bool { requested.load(ordering: .acquiring) }
}
