/// Which parked threads a state change must wake, decided under the locks, done after them.
///
/// This is swift-nio's pattern: the state machine computes an action while the lock is held and
/// the caller acts on it after unlocking, so no thread is woken only to block on the mutex.
struct Wakeups: OptionSet {
    let rawValue: UInt8

    static let oneReceiver = Wakeups(rawValue: 1 << 0)
    static let allReceivers = Wakeups(rawValue: 1 << 1)
    static let oneSpaceWaiter = Wakeups(rawValue: 1 << 2)
    static let allSpaceWaiters = Wakeups(rawValue: 1 << 3)
    static let allHandoffWaiters = Wakeups(rawValue: 1 << 4)
    /// The select waiters registered on the channel (`Channel+Select`).
    static let watchers = Wakeups(rawValue: 1 << 5)

    /// Every parked thread: for disconnects, closed handles and kind changes, which are rare.
    static let everyone: Wakeups = [.allReceivers, .allSpaceWaiters, .allHandoffWaiters, .watchers]
}
