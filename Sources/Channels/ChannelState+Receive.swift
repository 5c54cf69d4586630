extension ChannelState {
    /// Takes the oldest queued message, or else the oldest rendezvous offer, or else (under the
    /// `priority` kind) the message of the highest level after aging, oldest first.
    ///
    /// A queued message is taken exactly as the fast path takes it
    /// (`ChannelFastPath.receiveQueued`), timed at `now`; a priority message is chosen at `now`.
    mutating func receive(now: UInt64, wakeups: inout Wakeups) -> ReceiveStep {
        var wakeSpaceWaiter = false
        if let (element, acceptedAt) = sides.receiveQueued(clock: { now }, wakeSpaceWaiter: &wakeSpaceWaiter) {
            if wakeSpaceWaiter { wakeups.insert(.oneSpaceWaiter) }
            return .received(element, acceptedAt: acceptedAt)
        }
        if let offer = offers.popFirst() {
            sides.completeOffer()
            receiveSide.pointee.received &+= 1
            takenTickets.append(offer.ticket)
            if stampsMessages { receiveSide.pointee.recordLatency(nanoseconds: 0) }
            wakeups.insert(.allHandoffWaiters)
            return .received(offer.element, acceptedAt: now)
        }
        if let entry = priority.popNext(now: now, aging: agingNanoseconds) {
            receiveSide.pointee.received &+= 1
            if stampsMessages, now >= entry.acceptedAt {
                receiveSide.pointee.recordLatency(nanoseconds: now &- entry.acceptedAt)
            }
            if sides.claimSpaceWaiterWake(depth: priority.count) { wakeups.insert(.oneSpaceWaiter) }
            return .received(entry.element, acceptedAt: entry.acceptedAt)
        }
        return liveSenders == 0 ? .disconnected : .empty
    }

    /// The latency recorded since the last call, and a fresh interval.
    func takeLatency() -> LatencySummary {
        let latency = receiveSide.pointee.latency
        let summary = LatencySummary(
            count: latency.totalCount,
            p50Microseconds: latency.totalCount == 0 ? 0 : latency.valueAtPercentile(50),
            p99Microseconds: latency.totalCount == 0 ? 0 : latency.valueAtPercentile(99),
            maxMicroseconds: latency.totalCount == 0 ? 0 : latency.max)
        receiveSide.pointee.latency.reset()
        return summary
    }
}
