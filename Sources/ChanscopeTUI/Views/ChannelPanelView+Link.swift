import Channels
import ChanscopeEngine

/// A linked channel's link lines, between the headline and the queue's lines: what is on the
/// wire apart from what is queued, what the link lost, copied and reordered, what the protocol
/// resent and discarded, goodput beside throughput, and the round trip.
///
/// The first line starts "simulated link": the loss and delay are drawn by chanscope, not
/// suffered by a network, and the screen says so.
extension ChannelPanelView {
    /// Draws the link's lines (as many as fit, at most two) and returns how many it drew; 0 for
    /// a plain channel.
    func drawLink(in rect: Rect, on grid: inout Grid) -> Int {
        guard let link = channel.link else { return 0 }
        let c = link.counters
        let first: [(String, Style)] = [
            ("simulated link", theme.info),
            ("on wire \(c.onWire)", .plain),
            ("lost \(c.lost)", c.lost > 0 ? theme.alarm : theme.dim),
            ("resent \(c.retransmitted)", c.retransmitted > 0 ? theme.warning : theme.dim),
            ("goodput \(NumberText.rate(link.goodputPerSecond)) of \(NumberText.rate(link.deliveredPerSecond))", .plain),
            ("acks lost \(c.acksLost)", c.acksLost > 0 ? theme.warning : theme.dim),
        ]
        let acksShown = putParts(first, y: rect.y + 1, in: rect, on: &grid) == first.count
        guard rect.height >= 3 else { return 1 }
        var second: [(String, Style)] = []
        if let status = Self.statusText(link.reading.status) { second.append((status, theme.warning)) }
        // Most telling first: a part that does not fit is left out with the rest.
        second += [
            ("queued \(channel.depth)", .plain),
            ("held \(c.heldBack)", c.heldBack > 0 ? theme.warning : theme.dim),
            (Self.roundTripText(link.reading), theme.dim),
            ("dup discarded \(c.dupDiscarded)", theme.dim),
            ("dup delivered \(c.dupDelivered)", c.dupDelivered > 0 ? theme.alarm : theme.dim),
        ]
        // Acks lost ends the first line; where that line had no room for it, it comes here.
        if !acksShown { second.append(("acks lost \(c.acksLost)", c.acksLost > 0 ? theme.warning : theme.dim)) }
        second += [
            ("copies \(c.duplicated)", c.duplicated > 0 ? theme.warning : theme.dim),
            ("reordered \(c.reordered)", c.reordered > 0 ? theme.warning : theme.dim),
        ]
        putParts(second, y: rect.y + 2, in: rect, on: &grid)
        return 2
    }

    /// The live ends: `1 sender → 1 receiver`; on a linked channel the link's own end is named
    /// apart (`1 sender + link → 1 receiver`), so the count matches the workers on screen.
    func endsText(_ stats: ChannelStats) -> String {
        let linkEnd = channel.link?.reading.linkEndOpen == true
        let senders = max(0, stats.senders - (linkEnd ? 1 : 0))
        return "\(senders) sender\(senders == 1 ? "" : "s")" + (linkEnd ? " + link" : "")
            + " \(theme.glyphs.arrow) \(stats.receivers) receiver\(stats.receivers == 1 ? "" : "s")"
    }

    /// The protocol's wait in a sentence, if it waits: "sender waiting for ack #17, retry 2",
    /// "holding 3 out of order, waiting for #17".
    static func statusText(_ status: LinkStatus) -> String? {
        var parts: [String] = []
        if status.sendersWaiting > 0 {
            let who = status.sendersWaiting == 1 ? "sender" : "\(status.sendersWaiting) senders"
            parts.append("\(who) waiting for ack #\(status.waitingForAck)" + (status.retries > 0 ? ", retry \(status.retries)" : ""))
        }
        if status.heldOutOfOrder > 0 {
            parts.append("holding \(status.heldOutOfOrder) out of order, waiting for #\(status.waitingForSequence)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func roundTripText(_ reading: LinkReading) -> String {
        guard let p50 = reading.roundTripP50Milliseconds, let p99 = reading.roundTripP99Milliseconds else { return "rtt -" }
        return "rtt p50 \(NumberText.latency(microseconds: UInt64(saturating: p50 * 1000))) p99 \(NumberText.latency(microseconds: UInt64(saturating: p99 * 1000)))"
    }

    /// Puts whole parts, two spaces apart, from the panel's indent; a part that does not fit is
    /// left out with everything after it, so no number is cut in half. Returns how many it put.
    @discardableResult
    private func putParts(_ parts: [(String, Style)], y: Int, in rect: Rect, on grid: inout Grid) -> Int {
        var x = rect.x + 2
        for (index, (text, style)) in parts.enumerated() {
            let shown = (index == 0 ? "" : "  ") + text
            guard x + shown.displayWidth <= rect.maxX else { return index }
            x += grid.put(shown, x: x, y: y, style: style, maxWidth: rect.maxX - x)
        }
        return parts.count
    }
}
