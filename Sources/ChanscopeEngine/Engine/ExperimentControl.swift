import Channels
import Synchronization

/// The switches every worker looks at between steps: pause and shutdown, and the condition that
/// sleeping and paused workers wait on.
final class ExperimentControl: Sendable {
    let gate = WaitCondition()
    let paused = Atomic<Bool>(false)
    let shuttingDown = Atomic<Bool>(false)
    /// The readers-writers database that `work` steps with `as: reading` / `as: writing` enter.
    let database = RWSharedDatabase()

    var isPaused: Bool { paused.load(ordering: .acquiring) }

    /// Wakes every sleeping or paused worker to re-read knobs, pause and stop flags.
    func wakeAll() {
        gate.withLock {}
        gate.broadcast()
    }
}
