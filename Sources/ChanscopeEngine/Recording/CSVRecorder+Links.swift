/// The columns a linked channel adds after its own (the link's knobs are preset knobs, so they
/// already have their columns at the end of the row).
extension CSVRecorder {
    /// The column names, after `CH.`: the eleven, then the four more that make every
    /// identity of `LinkCounters` checkable from the file alone.
    static let linkColumns = [
        "on_wire", "lost", "duplicated", "reordered", "retransmitted", "acks_lost", "dup_discarded", "dup_delivered",
        "goodput_per_s", "rtt_p50_ms", "rtt_p99_ms", "link_sent", "arrived", "handed_over", "held",
    ]

    /// A linked channel's fields, in `linkColumns` order.
    static func linkFields(_ link: LinkSnapshot) -> [String] {
        let c = link.counters
        return [
            String(c.onWire), String(c.lost), String(c.duplicated), String(c.reordered), String(c.retransmitted),
            String(c.acksLost), String(c.dupDiscarded), String(c.dupDelivered), fixed(link.goodputPerSecond, 1),
            // No acknowledgement in the last two seconds: no round trip, left empty.
            link.reading.roundTripP50Milliseconds.map { fixed($0, 3) } ?? "",
            link.reading.roundTripP99Milliseconds.map { fixed($0, 3) } ?? "",
            String(c.sent), String(c.arrived), String(c.handedOver), String(c.heldBack),
        ]
    }
}
