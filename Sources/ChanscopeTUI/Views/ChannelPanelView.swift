import Channels
import ChanscopeEngine

/// One channel: name and kind, what is happening in words, fill, rates, latency, counters and a
/// sparkline of depth.
///
/// Backpressure, drops, overwrites and disconnects each get a coloured word, so they read from
/// the back of a lecture hall and on a monochrome screen alike.
struct ChannelPanelView {
    var channel: ChannelSnapshot
    var depthHistory: [Int]
    /// How many samples the history keeps, and how far apart they are, for the charts' span.
    var historyCapacity = 600
    var samplePeriod = 0.1
    var isSelected: Bool
    /// The latest interval in which messages were received (a quiet interval keeps showing it).
    var recentLatency: LatencySummary?
    /// Whether `recentLatency` is older than the sampling window.
    var recentLatencyIsOld = false
    var theme: Theme
    /// The largest depth any unbounded channel on the screen has had: every unbounded bar takes
    /// the same scale, so two of them side by side (tanenbaum's "full" and "empties") compare.
    var unboundedPeak = 0

    /// The headline's style: the engine decides the words (`ChannelSituation`), the view only
    /// colours them.
    private func style(_ severity: ChannelSituation.Severity) -> Style {
        switch severity {
        case .alarm: theme.alarm
        case .warning: theme.warning
        case .info: theme.info
        case .good: theme.good
        case .quiet: theme.dim
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
        if let kernel = channel.kernel {
            x += grid.put(" over a " + kernel.transport.title, x: x, y: rect.y, style: theme.info, maxWidth: rect.maxX - x)
        }
        // The word alone where its detail does not fit: never a detail cut off in mid-word.
        let situation = channel.situation
        let headline = situation.description.displayWidth + 2 <= rect.maxX - x ? situation.description : situation.word.rawValue
        x += grid.put("  " + headline, x: x, y: rect.y, style: style(situation.severity), maxWidth: rect.maxX - x)
        let ends = endsText(stats)
        if rect.maxX - x > ends.displayWidth + 2 {
            grid.put(ends, x: rect.maxX - ends.displayWidth, y: rect.y, style: theme.dim)
        }
        if rect.height == 1 { return }
        // A linked channel's link lines come first (`ChannelPanelView+Link`); the queue's below.
        let linkRows = drawLink(in: rect, on: &grid)
        if rect.height <= 1 + linkRows { return }

        // Line 2: fill, depth/capacity, rates, latency, sparkline.
        let y2 = rect.y + 1 + linkRows
        x = rect.x + 2
        let capacity = stats.kind.capacity
        let fillWidth = min(34, max(8, rect.width / 3))
        let ratio: Double
        if let capacity, capacity > 0 {
            ratio = Double(c.depth) / Double(capacity)
        } else {
            // Unbounded: scale to the largest depth seen on any unbounded channel, but never
            // below 16, so one queued message does not fill the bar.
            let peak = max(16, unboundedPeak, depthHistory.max() ?? 0, c.depth)
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
        let rates = "  in \(NumberText.rate(channel.inPerSecond)) out \(NumberText.rate(channel.outPerSecond))"
        x += grid.put(rates, x: x, y: y2, style: .plain, maxWidth: rect.maxX - x)
        // A quiet interval keeps the last reading on screen; one older than the sampling window
        // is marked as old ("was").
        let fresh = stats.latency.count > 0 || !recentLatencyIsOld
        let shown = stats.latency.count > 0 ? stats.latency : recentLatency
        let p50 = shown.map { "  wait\(fresh ? "" : " was") p50 \(NumberText.latency(microseconds: $0.p50Microseconds))" }
        let p99 = shown.map { " p99 \(NumberText.latency(microseconds: $0.p99Microseconds))" } ?? ""
        // Whole figures only: without room for p99 the line stops after p50 (or before the wait),
        // never in the middle of a number.
        let latency = [p50.map { $0 + p99 } ?? "  wait -", p50 ?? ""].first { $0.displayWidth <= rect.maxX - x } ?? ""
        x += grid.put(latency, x: x, y: y2, style: theme.dim, maxWidth: rect.maxX - x)
        var sparkWidth = rect.maxX - x - 2
        if sparkWidth >= 6 {
            let maximum = Double(max(capacity ?? 0, depthHistory.max() ?? 0, 1))
            var columns = HistoryColumns(depthHistory, width: sparkWidth, capacity: historyCapacity, period: samplePeriod)
            // The span it covers, where there is room to say it.
            if sparkWidth >= 20 {
                let label = columns.label + " "
                grid.put(label, x: x + 2, y: y2, style: theme.dim)
                x += label.count
                sparkWidth -= label.count
                columns = HistoryColumns(depthHistory, width: sparkWidth, capacity: historyCapacity, period: samplePeriod)
            }
            Sparkline(values: columns.values, maximum: maximum, style: fillStyle, glyphs: theme.glyphs)
                .draw(in: Rect(x: x + 2, y: y2, width: sparkWidth, height: 1), on: &grid)
        }
        if rect.height <= 2 + linkRows { return }

        // Line 3: the exact counters.
        var parts: [(String, Style)] = [("attempted \(c.attempted)  received \(c.received)", .plain)]
        parts.append(("  dropped \(c.dropped)", c.dropped > 0 ? theme.alarm : theme.dim))
        parts.append(("  overwritten \(c.overwritten)", c.overwritten > 0 ? theme.alarm : theme.dim))
        parts.append(("  failed \(c.failed)", c.failed > 0 ? theme.alarm : theme.dim))
        if c.discarded > 0 { parts.append(("  discarded \(c.discarded)", theme.alarm)) }
        if let levels = channel.priorityLevels { parts = priorityParts(levels, counters: c) }
        if let unfinished = channel.unfinished { parts.append(("  unfinished \(unfinished)", unfinished > 0 ? theme.info : theme.dim)) }
        let kernelLine = channel.kernel.map { KernelLineView(kernel: $0, theme: theme) }
        if let kernelLine {
            // Without a fourth row (80x24), the kernel's own figures take the counters' place:
            // EAGAIN and EPIPE are the dropped and failed counts there.
            parts = rect.height >= 4 + linkRows ? parts + kernelLine.counterParts(zeros: true) : kernelLine.parts + kernelLine.counterParts(zeros: false)
        }
        x = rect.x + 2
        for (text, style) in parts {
            x += grid.put(text, x: x, y: y2 + 1, style: style, maxWidth: rect.maxX - x)
        }
        var chartTop = y2 + 2
        if let kernelLine, rect.height >= 4 + linkRows {
            // The detail line only where the depth chart keeps rows of its own.
            let rows = rect.height >= 7 + linkRows ? kernelLine.rows : 1
            kernelLine.draw(in: Rect(x: rect.x + 2, y: chartTop, width: rect.width - 4, height: rows), on: &grid)
            chartTop += rows
        }
        if rect.maxY - chartTop >= 2 && Self.drawsDepthChart(capacity: capacity, depthHistory: depthHistory) { drawDepthChart(in: Rect(x: rect.x + 2, y: chartTop, width: rect.width - 4, height: rect.maxY - chartTop), fillStyle: fillStyle, capacity: capacity, on: &grid) }
    }

    /// Whether the panel has a depth chart to draw: not for a channel that holds nothing and
    /// never held anything (a rendezvous), whose chart would be a flat line. The layout asks too,
    /// so such a panel is not given rows it leaves blank.
    static func drawsDepthChart(capacity: Int?, depthHistory: [Int]) -> Bool {
        !(capacity == 0 && (depthHistory.max() ?? 0) == 0)
    }

    /// A taller chart of depth over the last minute, with its scale, when the terminal has room.
    private func drawDepthChart(in rect: Rect, fillStyle: Style, capacity: Int?, on grid: inout Grid) {
        // The last row is the time axis (and keeps the next channel apart).
        let chartHeight = rect.height - 1
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
        let columns = HistoryColumns(depthHistory, width: chart.width, capacity: historyCapacity, period: samplePeriod)
        Sparkline(values: columns.values, maximum: Double(maximum), style: fillStyle, glyphs: theme.glyphs)
            .draw(in: chart, on: &grid)
        // Time runs to the right: how far back the first drawn column reaches, and now.
        if !columns.values.isEmpty, chart.width >= 12 {
            let axisY = rect.y + chartHeight
            grid.put("-" + columns.label.dropFirst("last ".count), x: chart.x, y: axisY, style: theme.dim)
            grid.put("now", x: chart.maxX - 3, y: axisY, style: theme.dim)
        }
    }
}
