/// A linked channel's link as one snapshot shows it: the reading and its figures over the
/// sampling window.
public struct LinkSnapshot: Sendable, Hashable {
    public var reading: LinkReading
    /// Distinct messages delivered per second (goodput), and all deliveries per second
    /// (throughput, copies included), over the window.
    public var goodputPerSecond: Double
    public var deliveredPerSecond: Double
    /// Over the window: lost transmissions, all transmissions, retransmissions, duplicates
    /// delivered, arrivals that overtook.
    public var lostInWindow: UInt64 = 0
    public var transmittedInWindow: UInt64 = 0
    public var retransmittedInWindow: UInt64 = 0
    public var dupDeliveredInWindow: UInt64 = 0
    public var reorderedInWindow: UInt64 = 0

    public init(reading: LinkReading, goodputPerSecond: Double = 0, deliveredPerSecond: Double = 0) {
        self.reading = reading
        self.goodputPerSecond = goodputPerSecond
        self.deliveredPerSecond = deliveredPerSecond
    }

    public var counters: LinkCounters { reading.counters }
    public var settings: LinkSettings { reading.settings }

    /// The share of transmissions lost over the window, in percent (nil: nothing was sent).
    public var lossPercentInWindow: Double? {
        transmittedInWindow > 0 ? Double(lostInWindow) / Double(transmittedInWindow) * 100 : nil
    }
}

extension LinkCounters {
    /// Every data transmission so far: originals, retransmissions and the link's copies.
    public var transmitted: UInt64 { sent &+ retransmitted &+ duplicated }
}
