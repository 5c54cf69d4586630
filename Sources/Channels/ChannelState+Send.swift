extension ChannelState {
    /// Tries to resolve a send of `element` under the current kind.
    ///
    /// The decision is `ChannelRules.admission` over the exact depth, the same rule the fast
    /// path applies to the one slot it can see. `mayOffer` is false for `trySend`: then a
    /// rendezvous only offers when a receiver is parked and not yet spoken for
    /// (`ChannelRules.mayOffer`).
    mutating func send(
        _ element: Element, mayOffer: Bool, now: UInt64, wakeups: inout Wakeups
    ) -> SendStep {
        let depth = self.depth
        let admission = ChannelRules.admission(kind: kind, liveReceivers: liveReceivers) {
            ChannelRules.room(depth: depth, limit: $0)
        }
        switch admission {
        case .disconnect:
            sides.countFailed()
            return .finished(.disconnected(element))
        case .accept, .undecided:  // (never undecided: the depth here is exact)
            accept(element, now: now, wakeups: &wakeups)
            return .finished(.sent)
        case .waitForSpace:
            return .full
        case .drop:
            sides.countDropped()
            return .finished(.dropped(element))
        case .evictOldest:
            guard let oldest = queue.popFirst()?.element else {
                accept(element, now: now, wakeups: &wakeups)
                return .finished(.sent)
            }
            overwritten &+= 1
            accept(element, now: now, wakeups: &wakeups)
            return .finished(.overwrote(evicted: oldest))
        case .offer:
            guard ChannelRules.mayOffer(
                blocking: mayOffer, parkedReceivers: parkedReceivers, pendingOffers: offers.count)
            else { return .full }
            let ticket = nextTicket
            nextTicket &+= 1
            offers.append(Offer(ticket: ticket, element: element))
            if sides.claimReceiverWake() { wakeups.insert(.oneReceiver) }
            if sides.mustNotifyWatchers { wakeups.insert(.watchers) }
            return .offered(ticket: ticket)
        }
    }

    /// Looks up the sender's outstanding offer after it wakes.
    mutating func checkOffer(_ ticket: UInt64) -> OfferStatus {
        if let index = takenTickets.firstIndex(of: ticket) {
            takenTickets.swapAt(index, takenTickets.count - 1)
            takenTickets.removeLast()
            return .taken
        }
        return offers.contains(where: { $0.ticket == ticket }) ? .pending : .returned
    }

    /// Takes back an offer whose sender gives up (timeout or closed handle).
    ///
    /// Returns `.taken` if a receiver got to it first (then the send did succeed), `.pending` if
    /// it was withdrawn now, `.returned` if the channel had already handed it back.
    mutating func withdrawOffer(_ ticket: UInt64) -> OfferStatus {
        if let index = offers.firstIndex(where: { $0.ticket == ticket }) {
            offers.remove(at: index)
            return .pending
        }
        return checkOffer(ticket)
    }

    /// Queues an admitted message, growing the ring when needed (or at its level, under the
    /// `priority` kind), and counts it as the fast path does (`ChannelFastPath.countAccepted`).
    private mutating func accept(_ element: Element, now: UInt64, wakeups: inout Wakeups) {
        if kind.isPriority {
            priority.insert(element, acceptedAt: now)
        } else {
            queue.append(element, stamp: now)
        }
        if sides.countAccepted() { wakeups.insert(.oneReceiver) }
        if sides.mustNotifyWatchers { wakeups.insert(.watchers) }
    }
}
