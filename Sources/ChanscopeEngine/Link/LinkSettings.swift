/// A link's knob values at one instant, as the simulation uses them.
///
/// Read from the knob board before every step of the link, so a slider move takes effect at the
/// next transmission, arrival or timer.
public struct LinkSettings: Sendable, Hashable {
    public var lossPercent: Double = 0
    public var duplicatePercent: Double = 0
    public var delayMilliseconds: Double = 0
    public var jitterMilliseconds: Double = 0
    /// Whether the reliable-delivery protocol runs (sequence numbers, acks, retransmission).
    public var acks = false
    public var timeoutMilliseconds: Double = 200
    /// Unacknowledged messages one sender may have: 1 is stop-and-wait.
    public var window = 1
    public var dedup = true

    public init(
        lossPercent: Double = 0, duplicatePercent: Double = 0, delayMilliseconds: Double = 0, jitterMilliseconds: Double = 0,
        acks: Bool = false, timeoutMilliseconds: Double = 200, window: Int = 1, dedup: Bool = true
    ) {
        self.lossPercent = lossPercent
        self.duplicatePercent = duplicatePercent
        self.delayMilliseconds = delayMilliseconds
        self.jitterMilliseconds = jitterMilliseconds
        self.acks = acks
        self.timeoutMilliseconds = timeoutMilliseconds
        self.window = window
        self.dedup = dedup
    }

    /// The retransmission timeout in nanoseconds, never 0 (a zero timeout would retransmit in a
    /// loop; the preset reader already refuses a timeout knob that can reach 0).
    var timeoutNanos: UInt64 { max(1_000_000, UInt64.nanoseconds(fromMilliseconds: timeoutMilliseconds)) }

    /// The window as a count, at least 1.
    var windowCount: Int { max(1, window) }
}
