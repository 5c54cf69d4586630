extension Channel {
    /// What a select found on one channel while registering.
    enum SelectProbe {
        case received(Element, acceptedAt: UInt64)
        case disconnected
        /// Nothing there: the waiter is registered and will be notified.
        case registered
    }

    /// Looks for a message under both locks and, finding none, registers `waiter` (still under
    /// them), so no message can arrive unseen between the look and the registration.
    func probe(registering waiter: SelectWaiter) -> SelectProbe {
        var wakeups = Wakeups()
        if let taken = lockBothAsReceiver() {
            unlockBoth()
            return .received(taken.element, acceptedAt: taken.stamp)
        }
        let probe: SelectProbe
        switch state.pointee.receive(now: receiveTime(), wakeups: &wakeups) {
        case .received(let element, let acceptedAt): probe = .received(element, acceptedAt: acceptedAt)
        case .disconnected: probe = .disconnected
        case .empty:
            state.pointee.addWatcher()
            watchers.withLock { $0[ObjectIdentifier(waiter)] = waiter }
            probe = .registered
        }
        unlockBoth()
        wake(wakeups)
        return probe
    }

    /// Removes a registration made by `probe`.
    func unregister(_ waiter: SelectWaiter) {
        lockBoth()
        if watchers.withLock({ $0.removeValue(forKey: ObjectIdentifier(waiter)) }) != nil {
            state.pointee.removeWatcher()
        }
        unlockBoth()
    }

    /// Tells every registered select waiter to look again (no channel lock held).
    func notifyWatchers() {
        let waiting = watchers.withLock { Array($0.values) }
        for waiter in waiting { waiter.fire() }
    }
}
