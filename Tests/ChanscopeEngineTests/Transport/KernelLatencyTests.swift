import Testing

@testable import ChanscopeEngine

/// A transport channel's wait figures from the reader's power-of-two buckets.
@Suite struct KernelLatencyTests {
    static func counts(_ pairs: [Int: UInt64]) -> [UInt64] {
        (0..<ReportLayout.Channel.latencyBuckets).map { pairs[$0] ?? 0 }
    }

    @Test("a steady wait inside one bucket reads within it, not at its upper edge")
    func placedWithinTheBucket() {
        // Bucket 23: 4.19 s up to 8.39 s. Every message waited about 6 s.
        let summary = KernelLatency.summary(counts: Self.counts([23: 40]), atMost: .max)
        #expect(summary.count == 40)
        #expect((5_000_000...7_500_000).contains(summary.p50Microseconds), "\(summary.p50Microseconds) µs")
        #expect(summary.p99Microseconds <= 8_388_608 && summary.p99Microseconds > summary.p50Microseconds)
    }

    @Test("percentiles follow the ranks across buckets: p50 in the lower, p99 in the upper")
    func acrossBuckets() {
        let summary = KernelLatency.summary(counts: Self.counts([10: 90, 20: 10]), atMost: .max)
        #expect((512...1024).contains(summary.p50Microseconds), "\(summary.p50Microseconds)")
        #expect((524_288...1_048_576).contains(summary.p99Microseconds), "\(summary.p99Microseconds)")
        #expect(summary.maxMicroseconds == 1_048_576)
    }

    @Test("no figure is longer than the experiment has run; nothing received is empty")
    func cappedByTheRun() {
        let summary = KernelLatency.summary(counts: Self.counts([25: 10]), atMost: 24_100_000)
        #expect(summary.p50Microseconds <= 24_100_000 && summary.p99Microseconds <= 24_100_000 && summary.maxMicroseconds == 24_100_000)
        #expect(KernelLatency.summary(counts: Self.counts([:]), atMost: .max).count == 0)
    }
}
