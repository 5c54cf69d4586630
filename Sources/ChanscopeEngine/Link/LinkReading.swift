/// A linked channel's link as the sampler read it at one instant (under the link's lock).
public struct LinkReading: Sendable, Hashable {
    public var counters: LinkCounters
    public var settings: LinkSettings
    public var status: LinkStatus
    public var roundTripP50Milliseconds: Double?
    public var roundTripP99Milliseconds: Double?
    /// Whether the link's own end on the channel is open (the channel counts it as a sender).
    public var linkEndOpen = false

    public init(
        counters: LinkCounters, settings: LinkSettings, status: LinkStatus = LinkStatus(),
        roundTripP50Milliseconds: Double? = nil, roundTripP99Milliseconds: Double? = nil
    ) {
        self.counters = counters
        self.settings = settings
        self.status = status
        self.roundTripP50Milliseconds = roundTripP50Milliseconds
        self.roundTripP99Milliseconds = roundTripP99Milliseconds
    }
}
