extension Channel {
    /// The time to pass to `ChannelState.receive`: read only when the message about to be taken
    /// carries a stamp (both locks held).
    @inline(__always)
    func receiveTime() -> UInt64 {
        state.pointee.headIsStamped ? MonotonicClock.now() : 0
    }

    /// Receives, waiting while `deadline` allows when `waits`; `nil` waits forever.
    @inline(__always)
    func receive(waits: Bool, deadline: UInt64?, handle: Receiver<Element>) -> ReceiveResult<Element> {
        var wakeSpaceWaiter = false
        receiveLock.lock()
        if let taken = fast.receive(wakeSpaceWaiter: &wakeSpaceWaiter) {
            receiveLock.unlock()
            if wakeSpaceWaiter { signal(sendLock, .space) }
            return .received(taken.element, acceptedAt: taken.stamp)
        }
        if waits && fast.otherSideMayMove(forSender: false)
            && waitForOtherSide(
                holding: receiveLock, watching: tail, giveUpAt: waitDeadline(deadline),
                backingOff: fast.buffersSeveral, { fast.messageAppeared }),
            let taken = fast.receive(wakeSpaceWaiter: &wakeSpaceWaiter)
        {
            receiveLock.unlock()
            if wakeSpaceWaiter { signal(sendLock, .space) }
            return .received(taken.element, acceptedAt: taken.stamp)
        }
        receiveLock.unlock()
        return receiveSlowly(waits: waits, deadline: deadline, handle: handle)
    }

    /// A receive that found nothing queued and no offer in the hand-off slot: offers waiting in
    /// the state machine, disconnection and waiting need both locks.
    func receiveSlowly(waits: Bool, deadline: UInt64?, handle: Receiver<Element>) -> ReceiveResult<Element> {
        var wakeups = Wakeups()
        if let taken = lockBothAsReceiver() {
            unlockBoth()
            return .received(taken.element, acceptedAt: taken.stamp)
        }
        var step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
        if case .empty = step, waits {
            state.pointee.beginBlockingReceive()
            var spins = 0
            while case .empty = step {
                if handle.isClosed { break }
                if let deadline, MonotonicClock.now() >= deadline { break }
                if spins < Channel.spinsBeforeParking {
                    spins += 1
                    if let taken = spin(&wakeups, asReceiver: true) {
                        step = .received(taken.element, acceptedAt: taken.stamp)
                    } else {
                        step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
                    }
                    continue
                }
                state.pointee.parkReceiver()
                flush(&wakeups)
                sendLock.unlock()
                _ = receiveLock.wait(.receivers, until: deadline)
                fast.bothLockWaiters.pointee.add(1, ordering: .relaxed)
                sendLock.lock()
                fast.bothLockWaiters.pointee.subtract(1, ordering: .relaxed)
                state.pointee.receiverWoke()
                step = state.pointee.receive(now: receiveTime(), wakeups: &wakeups)
            }
            state.pointee.endBlockingReceive()
        }
        unlockBoth()
        wake(wakeups)
        switch step {
        case .received(let element, let acceptedAt): return .received(element, acceptedAt: acceptedAt)
        case .disconnected: return .disconnected
        case .empty: return !waits ? .empty : handle.isClosed ? .cancelled : .timedOut
        }
    }
}
