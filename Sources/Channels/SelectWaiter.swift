/// One thread waiting in a select: registered on several channels at once, woken by whichever
/// gets a message (or an offer, or a disconnect) first.
///
/// A notification sets `fired`, so one that comes between registering and waiting is not lost:
/// the waiter resets, registers on every channel (each registration looks at that channel under
/// both its locks first), and then waits only if nothing fired since the reset.
public final class SelectWaiter: @unchecked Sendable {
    private let lock = ConditionLock()
    /// Guarded by `lock`.
    private var fired = false

    public init() {}

    /// Forgets earlier notifications, before registering again.
    func reset() {
        lock.lock()
        fired = false
        lock.unlock()
    }

    /// Notifies the waiter (a channel it is registered on has news, or it is cancelled).
    public func fire() {
        lock.lock()
        fired = true
        lock.signal(.receivers)
        lock.unlock()
    }

    /// Waits until notified since the last `reset` (returns at once if it already was).
    func wait() {
        lock.lock()
        while !fired { _ = lock.wait(.receivers, until: nil) }
        lock.unlock()
    }
}
