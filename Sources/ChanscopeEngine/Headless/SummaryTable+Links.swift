extension SummaryTable {
    /// For an experiment with linked channels: the link's identities held too, and each link's
    /// final counts in the panel's words.
    static func linkAccountingLines(_ result: HeadlessResult) -> [String] {
        let linked = (result.final?.channels ?? []).filter { $0.link != nil }
        guard !linked.isEmpty else { return [] }
        var lines = ["link accounting held in every sample: sent + retransmitted + duplicated = lost + on wire + arrived, "
            + "arrived = handed over + dup discarded + held"]
        for channel in linked {
            guard let c = channel.link?.counters else { continue }
            lines.append("  \(channel.name.terminalSafe) (simulated link): sent \(c.sent), lost \(c.lost), on wire \(c.onWire), "
                + "resent \(c.retransmitted), copies \(c.duplicated), acks lost \(c.acksLost), dup discarded \(c.dupDiscarded), "
                + "dup delivered \(c.dupDelivered), reordered \(c.reordered), held \(c.heldBack)")
        }
        return lines
    }
}
