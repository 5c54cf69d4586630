import Channels
import ChanscopeEngine

/// One channel: name and kind, what is happening in words, fill, rates, latency, counters and a
/// sparkline of depth.
///
/// Backpressure, drops, overwrites and disconnects each get a coloured word, so they read from
/// the back of a lecture hall and on a monochrome screen alike.
struct ChannelPanelView {
    var channel: ChannelSnapshot
    var previous: ChannelSnapshot?
    var depthHistory: [Int]
    var isSelected: Bool
    /// The largest share of the last interval any sending group spent blocked on send.
    var sendersBlockedPercent: Double = 0
    /// The latest interval in which messages were received (a quiet interval keeps showing it).
    var recentLatency: LatencySummary?
    var theme: Theme

    /// The headline: what a glance should tell, with its style.
    ///
    /// Backpressure is judged over the interval as well as at the sample instant: a producer that
    /// sleeps between blocked sends is caught sleeping at some samples, yet it is held up.
    static func status(_ channel: ChannelSnapshot, previous: ChannelSnapshot?, sendersBlockedPercent: Double = 0) -> (String, Kind) {
        let stats = channel.stats
        let c = stats.counters
        if stats.receiversGone && stats.sendersGone { return ("DISCONNECTED: no senders, no receivers", .alarm) }
        if stats.receiversGone { return ("DISCONNECTED: no receivers, sends fail", .alarm) }
        if stats.sendersGone {
            return (c.depth > 0 ? "NO SENDERS: draining \(c.depth)" : "DISCONNECTED: no senders", .alarm)
        }
        let dropped = c.dropped - min(c.dropped, previous?.counters.dropped ?? c.dropped)
        let overwritten = c.overwritten - min(c.overwritten, previous?.counters.overwritten ?? c.overwritten)
        if dropped > 0 { return ("DROPPING: \(dropped) new message\(dropped == 1 ? "" : "s") discarded", .alarm) }
        if overwritten > 0 { return ("OVERWRITING: \(overwritten) oldest evicted", .alarm) }
        if stats.blockedSenders > 0 || sendersBlockedPercent >= 50 {
            let word = stats.kind == .rendezvous ? "HAND-OFF WAIT" : "BACKPRESSURE"
            let detail = stats.blockedSenders > 0
                ? "\(stats.blockedSenders) sender\(stats.blockedSenders == 1 ? "" : "s") blocked"
                : "senders blocked \(Format.percent(sendersBlockedPercent)) of the time"
            return ("\(word): \(detail)", .warning)
        }
        if stats.blockedReceivers > 0 {
            return ("empty: \(stats.blockedReceivers) receiver\(stats.blockedReceivers == 1 ? "" : "s") waiting", .info)
        }
        if let capacity = stats.kind.capacity, capacity > 0, c.depth >= capacity { return ("FULL", .warning) }
        if channel.outPerSecond > 0 || channel.inPerSecond > 0 { return ("flowing", .good) }
        return ("idle", .dim)
    }

    enum Kind { case alarm, warning, info, good, dim }

    private func style(_ kind: Kind) -> Style {
        switch kind {
        case .alarm: theme.alarm
        case .warning: theme.warning
        case .info: theme.info
        case .good: theme.good
        case .dim: theme.dim
        }
    }

    func draw(in rect: Rect, on grid: inout Grid) {
        guard rect.height > 0 else { return }
        let stats = channel.stats
        let c = stats.counters
        // Line 1: name, kind, status, ends.
        var x = rect.x
        let marker = isSelected ? (theme.glyphs.isASCII ? ">" : "▸") : " "
        x += grid.put(marker + " ", x: x, y: rect.y, style: theme.label, maxWidth: rect.maxX - x)
        x += grid.put(channel.name, x: x, y: rect.y, style: isSelected ? theme.selected.bolded() : theme.label, maxWidth: rect.maxX - x)
        x += grid.put("  " + stats.kind.description, x: x, y: rect.y, style: theme.info, maxWidth: rect.maxX - x)
        let (text, kind) = ChannelPanelView.status(channel, previous: previous, sendersBlockedPercent: sendersBlockedPercent)
        x += grid.put("  " + text, x: x, y: rect.y, style: style(kind), maxWidth: rect.maxX - x)
        let ends = "\(stats.senders) sender\(stats.senders == 1 ? "" : "s") \(theme.glyphs.arrow) \(stats.receivers) receiver\(stats.receivers == 1 ? "" : "s")"
        if rect.maxX - x > ends.count + 2 {
            grid.put(ends, x: rect.maxX - ends.count, y: rect.y, style: theme.dim)
        }
        if rect.height == 1 { return }

        // Line 2: fill, depth/capacity, rates, latency, sparkline.
        let y2 = rect.y + 1
        x = rect.x + 2
        let capacity = stats.kind.capacity
        let fillWidth = min(34, max(8, rect.width / 3))
        let ratio: Double
        if let capacity, capacity > 0 {
            ratio = Double(c.depth) / Double(capacity)
        } else {
            // Unbounded: scale to the largest depth seen, but never below 16, so one queued
            // message does not fill the bar.
            let peak = max(16, depthHistory.max() ?? 0, c.depth)
            ratio = Double(c.depth) / Double(peak)
        }
        let fillStyle = capacity == nil ? theme.info : theme.fill(ratio)
        let slots = SlotRow(capacity: capacity ?? 0, filled: c.depth, spacing: 0, filledStyle: fillStyle, emptyStyle: theme.dim, glyphs: theme.glyphs)
        if let capacity, capacity > 0, slots.fits(width: fillWidth) {
            slots.draw(in: Rect(x: x, y: y2, width: slots.requiredWidth, height: 1), on: &grid)
            x += slots.requiredWidth
        } else if capacity == 0 {
            x += grid.put("(holds none)", x: x, y: y2, style: theme.dim, maxWidth: rect.maxX - x)
        } else {
            Gauge(ratio: ratio, label: "", placement: .after, style: fillStyle, glyphs: theme.glyphs)
                .draw(in: Rect(x: x, y: y2, width: min(fillWidth, rect.maxX - x), height: 1), on: &grid)
            x += min(fillWidth, rect.maxX - x)
        }
        let depthText = " \(c.depth)/" + (capacity.map(String.init) ?? "∞")
        let depthShown = theme.glyphs.isASCII ? depthText.replacingOccurrences(of: "∞", with: "inf") : depthText
        x += grid.put(depthShown, x: x, y: y2, style: theme.label, maxWidth: rect.maxX - x)
        let rates = "  in \(Format.rate(channel.inPerSecond)) out \(Format.rate(channel.outPerSecond))"
        x += grid.put(rates, x: x, y: y2, style: .plain, maxWidth: rect.maxX - x)
        let shown = stats.latency.count > 0 ? stats.latency : recentLatency
        let latency = shown.map {
            "  wait p50 \(Format.latency(microseconds: $0.p50Microseconds)) p99 \(Format.latency(microseconds: $0.p99Microseconds))"
        } ?? "  wait -"
        x += grid.put(latency, x: x, y: y2, style: theme.dim, maxWidth: rect.maxX - x)
        let sparkWidth = rect.maxX - x - 2
        if sparkWidth >= 6 {
            let values = depthHistory.suffix(sparkWidth).map(Double.init)
            let maximum = Double(max(capacity ?? 0, depthHistory.max() ?? 0, 1))
            Sparkline(values: values, maximum: maximum, style: fillStyle, glyphs: theme.glyphs)
                .draw(in: Rect(x: x + 2, y: y2, width: sparkWidth, height: 1), on: &grid)
        }
        if rect.height == 2 { return }

        // Line 3: the exact counters.
        var parts: [(String, Style)] = [("attempted \(c.attempted)  received \(c.received)", .plain)]
        parts.append(("  dropped \(c.dropped)", c.dropped > 0 ? theme.alarm : theme.dim))
        parts.append(("  overwritten \(c.overwritten)", c.overwritten > 0 ? theme.alarm : theme.dim))
        parts.append(("  failed \(c.failed)", c.failed > 0 ? theme.alarm : theme.dim))
        if c.discarded > 0 { parts.append(("  discarded \(c.discarded)", theme.alarm)) }
        x = rect.x + 2
        for (text, style) in parts {
            x += grid.put(text, x: x, y: rect.y + 2, style: style, maxWidth: rect.maxX - x)
        }
        if rect.height >= 5 && Self.drawsDepthChart(capacity: capacity, depthHistory: depthHistory) { drawDepthChart(in: Rect(x: rect.x + 2, y: rect.y + 3, width: rect.width - 4, height: rect.height - 3), fillStyle: fillStyle, capacity: capacity, on: &grid) }
    }

    /// Whether the panel has a depth chart to draw: not for a channel that holds nothing and
    /// never held anything (a rendezvous), whose chart would be a flat line. The layout asks too,
    /// so such a panel is not given rows it leaves blank.
    static func drawsDepthChart(capacity: Int?, depthHistory: [Int]) -> Bool {
        !(capacity == 0 && (depthHistory.max() ?? 0) == 0)
    }

    /// A taller chart of depth over the last minute, with its scale, when the terminal has room.
    private func drawDepthChart(in rect: Rect, fillStyle: Style, capacity: Int?, on grid: inout Grid) {
        let chartHeight = rect.height - 1  // the last row stays free, between channels
        guard chartHeight >= 1, rect.width >= 20 else { return }
        let maximum = max(capacity ?? 0, depthHistory.max() ?? 0, 1)
        let label = "depth \(maximum) \u{2502}"
        let labelWidth = max(label.count, "0 \u{2502}".count)
        let labelText = theme.glyphs.isASCII ? "depth \(maximum) |" : label
        grid.put(labelText.leftPadded(to: labelWidth), x: rect.x, y: rect.y, style: theme.dim)
        for row in 1..<chartHeight {
            grid.put((theme.glyphs.isASCII ? "|" : "\u{2502}").leftPadded(to: labelWidth), x: rect.x, y: rect.y + row, style: theme.dim)
        }
        if chartHeight > 1 {
            grid.put((theme.glyphs.isASCII ? "0 |" : "0 \u{2502}").leftPadded(to: labelWidth), x: rect.x, y: rect.y + chartHeight - 1, style: theme.dim)
        }
        let chart = Rect(x: rect.x + labelWidth + 1, y: rect.y, width: rect.width - labelWidth - 1, height: chartHeight)
        Sparkline(values: depthHistory.suffix(chart.width).map(Double.init), maximum: Double(maximum), style: fillStyle, glyphs: theme.glyphs)
            .draw(in: chart, on: &grid)
    }
}
