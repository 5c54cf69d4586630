/// Bounds of the simulated link that are not a preset's to choose.
enum LinkLimits {
    /// Messages one link holds on the wire and held back before its senders wait: a producer
    /// with no pause over a long delay would otherwise fill memory with the wire.
    static let held: UInt64 = 100_000
}
