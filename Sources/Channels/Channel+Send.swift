#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CThreadSupport
import Synchronization

extension Channel {
    /// Sends, waiting as the kind says while `deadline` (monotonic ns) allows; `nil` waits forever.
    ///
    /// The message is stamped with its acceptance time when the channel's `StampPacer` says so.
    @inline(__always)
    func send(
        _ element: Element, waits: Bool, deadline: UInt64?, handle: Sender<Element>
    ) -> SendResult<Element> {
        var wakeReceiver = false
        sendLock.lock()
        var stamp = stampsMessages ? fast.nextStamp() : 0
        if let result = fast.send(element, now: stamp, wakeReceiver: &wakeReceiver) {
            let notify = fast.mustNotifyWatchers
            sendLock.unlock()
            if wakeReceiver { signal(receiveLock, .receivers) }
            if notify { notifyWatchers() }
            return result
        }
        if waits && fast.mayOfferDirectly {
            let handedOver = handOver(element, stamp: stamp, giveUpAt: waitDeadline(deadline))
            sendLock.unlock()
            if handedOver { return .sent }
        } else {
            if waits && fast.otherSideMayMove(forSender: true)
                && waitForOtherSide(holding: sendLock, watching: head, giveUpAt: waitDeadline(deadline), { fast.roomAppeared }) {
                // Accepted later than first tried: the queueing latency starts at acceptance.
                if stamp != 0 { stamp = MonotonicClock.now() }
                if let result = fast.send(element, now: stamp, wakeReceiver: &wakeReceiver) {
                    let notify = fast.mustNotifyWatchers
                    sendLock.unlock()
                    if wakeReceiver { signal(receiveLock, .receivers) }
                    if notify { notifyWatchers() }
                    return result
                }
            }
            sendLock.unlock()
        }
        return sendSlowly(element, stamp: stamp, waits: waits, deadline: deadline, handle: handle)
    }

    /// Offers `element` through the hand-off slot and waits, holding the send lock, for a
    /// receiver to take it: true when one did, false when none came while a waiting thread would
    /// poll (the message is withdrawn; the caller then offers it through the state machine, which
    /// parks). Holding the send lock keeps the offer invisible to everything that takes both.
    func handOver(_ element: Element, stamp: UInt64, giveUpAt: UInt64) -> Bool {
        fast.postOffer(element, stamp: stamp)
        if waitHoldingLock(giveUpAt: giveUpAt, { fast.offerTaken }) {
            fast.completeOffer()
            return true
        }
        if fast.withdrawOffer() { return false }
        // A receiver claimed it at the last moment and is moving it out (holding the receive
        // lock, so it cannot be waiting for this one).
        var pauses = 0
        while !fast.offerTaken {
            chanscope_cpu_relax()
            pauses += 1
            if pauses % Channel.pausesPerPoll == 0 { sched_yield() }
        }
        fast.completeOffer()
        return true
    }

    /// A send that needs both locks: no room, a rendezvous, an overwrite, a disconnect.
    func sendSlowly(
        _ element: Element, stamp: UInt64, waits: Bool, deadline: UInt64?, handle: Sender<Element>
    ) -> SendResult<Element> {
        var wakeups = Wakeups()
        lockBoth()
        // A priority channel orders by age: every message it queues needs its acceptance time.
        let stamp = stamp == 0 && state.pointee.kind.isPriority ? MonotonicClock.now() : stamp
        var step = state.pointee.send(element, mayOffer: waits, now: stamp, wakeups: &wakeups)
        if case .finished(let result) = step {
            unlockBoth()
            wake(wakeups)
            return result
        }
        // Slow path: the send has to wait for room or for a receiver.
        state.pointee.beginBlockingSend()
        var spins = 0
        let result: SendResult<Element>
        while true {
            switch step {
            case .finished(let finished):
                result = finished
            case .full:
                if !waits {
                    result = .full(element)
                } else if handle.isClosed {
                    result = .cancelled(element)
                } else if let deadline, MonotonicClock.now() >= deadline {
                    result = .timedOut(element)
                } else if spins < Channel.spinsBeforeParking {
                    spins += 1
                    spin(&wakeups, asReceiver: false)
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                } else {
                    state.pointee.parkForSpace()
                    park(on: .space, until: deadline, wakeups: &wakeups)
                    state.pointee.spaceWaiterWoke()
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                }
            case .offered(let offered):
                switch state.pointee.checkOffer(offered) {
                case .taken:
                    result = .sent
                case .returned:
                    step = retrySend(element, stamped: stamp != 0, waits: waits, wakeups: &wakeups)
                    continue
                case .pending:
                    let givingUp: SendResult<Element>? =
                        handle.isClosed
                        ? .cancelled(element)
                        : (deadline.map { MonotonicClock.now() >= $0 } ?? false) ? .timedOut(element) : nil
                    if givingUp == nil, spins < Channel.spinsBeforeParking {
                        spins += 1
                        spin(&wakeups, asReceiver: false)
                        continue
                    }
                    if let givingUp {
                        switch state.pointee.withdrawOffer(offered) {
                        case .taken: result = .sent
                        case .pending, .returned: result = givingUp
                        }
                    } else {
                        state.pointee.parkForHandoff()
                        park(on: .handoff, until: deadline, wakeups: &wakeups)
                        state.pointee.handoffWaiterWoke()
                        continue
                    }
                }
            }
            break
        }
        state.pointee.endBlockingSend()
        unlockBoth()
        wake(wakeups)
        return result
    }

    /// Parks a sender on `condition` of the send lock until signalled or `deadline`, both locks
    /// held on entry and on return; the wake-ups it owes go out first (see `flush`). The caller
    /// does the parking bookkeeping in the state around it.
    private func park(on condition: ConditionLock.Condition, until deadline: UInt64?, wakeups: inout Wakeups) {
        flush(&wakeups)
        receiveLock.unlock()
        _ = sendLock.wait(condition, until: deadline)
        sendLock.unlock()
        lockBoth()
    }

    /// Tries a waiting send again; a stamped message is stamped anew, since it is accepted now.
    func retrySend(_ element: Element, stamped: Bool, waits: Bool, wakeups: inout Wakeups) -> ChannelState<Element>.SendStep {
        let timed = stamped || state.pointee.kind.isPriority
        return state.pointee.send(element, mayOffer: waits, now: timed ? MonotonicClock.now() : 0, wakeups: &wakeups)
    }
}
