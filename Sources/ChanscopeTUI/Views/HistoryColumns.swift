import ChanscopeEngine

/// A depth history squeezed into a chart's columns over a fixed span, and the span in words.
///
/// WHY: a column per sample makes a 60-column sparkline cover 6 s, not the minute the panel
/// promises; each column here is the largest depth in its share of the history (a peak is
/// never averaged away), newest at the right, and the chart says how far back it reaches.
struct HistoryColumns {
    /// One value per column, oldest first, at most `width` of them.
    var values: [Double]
    /// The seconds the full chart reaches back (the history's length), whether or not the history
    /// has filled it yet: a steady label for a steady scale, the left blank until there is data.
    var spanSeconds: Double

    /// The last `capacity` samples (taken `period` seconds apart) in at most `width` columns.
    init(_ samples: [Int], width: Int, capacity: Int, period: Double) {
        guard width > 0, !samples.isEmpty else {
            values = []
            spanSeconds = 0
            return
        }
        let perColumn = max(1, (capacity + width - 1) / width)
        var columns: [Double] = []
        var end = samples.count
        while end > 0, columns.count < width {
            let start = max(0, end - perColumn)
            columns.append(Double(samples[start..<end].max() ?? 0))
            end = start
        }
        values = columns.reversed()
        spanSeconds = Double(min(capacity, width * perColumn)) * max(0, period)
    }

    /// `last 60s`, `last 12s`, `last 0.5s`.
    var label: String {
        "last " + (spanSeconds >= 10 ? NumberText.fixed(spanSeconds, decimals: 0) : NumberText.fixed(spanSeconds, decimals: 1)) + "s"
    }
}
