extension SnapshotBuilder {
    /// A linked channel's link figures over the sampling window.
    static func linkSnapshot(
        _ reading: LinkReading, channel index: Int, now: UInt64, start: UInt64, base: SamplingState.ChannelMark?, state: SamplingState
    ) -> LinkSnapshot {
        let c = reading.counters
        func rate(_ counter: @escaping (LinkCounters) -> UInt64) -> Double {
            WindowRate.perSecond(
                state.points(now: now, start: start, current: counter(c)) { mark in mark.channels[safe: index]?.link.map(counter) },
                now: now)
        }
        var snapshot = LinkSnapshot(reading: reading, goodputPerSecond: rate(\.distinctDelivered), deliveredPerSecond: rate(\.delivered))
        let from = base?.link ?? LinkCounters()
        func inWindow(_ counter: (LinkCounters) -> UInt64) -> UInt64 { counter(c) &- min(counter(c), counter(from)) }
        snapshot.lostInWindow = inWindow(\.lost)
        snapshot.transmittedInWindow = inWindow(\.transmitted)
        snapshot.retransmittedInWindow = inWindow(\.retransmitted)
        snapshot.dupDeliveredInWindow = inWindow(\.dupDelivered)
        snapshot.reorderedInWindow = inWindow(\.reordered)
        return snapshot
    }
}
