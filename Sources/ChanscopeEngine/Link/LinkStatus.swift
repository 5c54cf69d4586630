/// What the protocol's two ends are waiting for, for the screen's own sentences: "sender waiting
/// for ack #17, retry 2" and "holding 3 out of order, waiting for #17".
public struct LinkStatus: Sendable, Hashable {
    /// Senders blocked in a send because their window is full.
    public var sendersWaiting = 0
    /// The oldest unacknowledged sequence number of the first such sender, and its retries.
    public var waitingForAck: UInt64 = 0
    public var retries = 0
    /// Early arrivals the receiver holds back, and the sequence number it waits for.
    public var heldOutOfOrder = 0
    public var waitingForSequence: UInt64 = 0

    public init() {}
}

extension LinkSimulation {
    /// The protocol's waits at this instant.
    func status(settings: LinkSettings) -> LinkStatus {
        var status = LinkStatus()
        guard protocolOn else { return status }
        for id in senders.keys.sorted() {
            guard waiting.contains(id), let state = senders[id], state.unacked.count >= settings.windowCount,
                  let oldest = state.unacked.keys.min() else { continue }
            if status.sendersWaiting == 0 {
                status.waitingForAck = oldest
                status.retries = state.unacked[oldest]?.retries ?? 0
            }
            status.sendersWaiting += 1
        }
        for id in receivers.keys.sorted() {
            guard let state = receivers[id], state.held.count > status.heldOutOfOrder else { continue }
            status.heldOutOfOrder = state.held.count
            status.waitingForSequence = state.expected
        }
        return status
    }

    /// Round-trip time percentiles over the last two seconds, in milliseconds; nil when no
    /// acknowledgement arrived in that time.
    func roundTripMilliseconds() -> (p50: Double, p99: Double)? {
        guard !roundTrips.isEmpty else { return nil }
        let sorted = roundTrips.map(\.nanos).sorted()
        func at(_ share: Double) -> Double {
            Double(sorted[min(sorted.count - 1, Int(saturating: share * Double(sorted.count - 1)))]) / 1e6
        }
        return (at(0.5), at(0.99))
    }
}
