import Channels
import Synchronization

/// The readers-writers database the workers themselves enter: a `work` step with
/// `as: reading` or `as: writing` enters it for its whole duration and leaves after.
///
/// WHY apart from the manager's own count: the manager's view (granted, not yet done) is what
/// it decided; this is what the threads actually did. Each entry is checked by the one rule
/// (`RWDatabase.violates`), so a grant that let a writer in beside anyone shows as a violation
/// even if the manager's books looked right.
final class RWSharedDatabase: Sendable {
    private let state = Locked(RWDatabase())

    /// A worker starts reading or writing.
    func enter(_ access: RWAccess) { state.withLock { $0.enter(access) } }

    /// A worker stops reading or writing.
    func leave(_ access: RWAccess) { state.withLock { $0.leave(access) } }

    /// Who is inside now and the violations so far.
    var reading: RWDatabase { state.withLock { $0 } }
}
