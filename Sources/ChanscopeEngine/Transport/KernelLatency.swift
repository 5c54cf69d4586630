import Channels

/// Percentiles of a transport channel's latency from the reader's power-of-two buckets.
///
/// WHY interpolate: bucket b holds the messages whose time in the kernel had b bits of
/// microseconds (2^(b-1) up to 2^b); naming a percentile by its bucket's upper edge overstated a
/// steady 6 s wait as 8.4 s, and a message by up to twice its age, longer than the run itself.
/// Within its bucket a percentile is placed by its rank among the bucket's messages (as a
/// Prometheus histogram quantile is), and no figure exceeds the time the experiment has run.
enum KernelLatency {
    /// The summary of `counts` (messages per bucket since the last reading), no figure above
    /// `limit` microseconds.
    static func summary(counts: [UInt64], atMost limit: UInt64) -> LatencySummary {
        let total = counts.reduce(0, &+)
        guard total > 0 else { return .empty }
        func edges(_ bucket: Int) -> (lower: Double, upper: Double) {
            bucket == 0 ? (0, 1) : (Double(UInt64(1) << UInt64(bucket - 1)), Double(UInt64(1) << UInt64(bucket)))
        }
        func capped(_ micros: Double) -> UInt64 { min(limit, UInt64(max(1, micros.rounded()))) }
        func percentile(_ p: Double) -> UInt64 {
            let rank = max(1, (Double(total) * p).rounded(.up))
            var seen: UInt64 = 0
            for (bucket, count) in counts.enumerated() where count > 0 {
                if Double(seen &+ count) >= rank {
                    let (lower, upper) = edges(bucket)
                    return capped(lower + (upper - lower) * (rank - Double(seen)) / Double(count))
                }
                seen &+= count
            }
            return capped(edges(counts.count - 1).upper)
        }
        let highest = counts.lastIndex { $0 > 0 } ?? 0
        return LatencySummary(count: total, p50Microseconds: percentile(0.5), p99Microseconds: percentile(0.99),
                              maxMicroseconds: capped(edges(highest).upper))
    }
}
