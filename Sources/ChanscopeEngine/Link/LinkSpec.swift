/// A channel's simulated link, as a preset declares it: which knobs set its loss, duplication,
/// delay and jitter, and (optionally) the reliable-delivery protocol over it.
///
/// Every value is a knob's name, so each is a live slider; the preset reader checks that each
/// knob's range is one the link can use (`PresetLint.checkLinks`).
public struct LinkSpec: Sendable, Equatable {
    /// Percent of transmissions that never arrive (0-100).
    public var loss: String?
    /// Percent of arriving transmissions that arrive twice (0-100).
    public var duplicate: String?
    /// Milliseconds every transmission spends on the wire at least.
    public var delay: String?
    /// Up to this many milliseconds more, drawn per transmission: a later message can overtake.
    public var jitter: String?
    /// The reliable-delivery protocol, if the channel has one.
    public var reliability: ProtocolSpec?

    public init(loss: String? = nil, duplicate: String? = nil, delay: String? = nil, jitter: String? = nil, reliability: ProtocolSpec? = nil) {
        self.loss = loss
        self.duplicate = duplicate
        self.delay = delay
        self.jitter = jitter
        self.reliability = reliability
    }

    /// The protocol's knobs: `acks` turns it on (non-zero) or off (0), `timeout` is the
    /// retransmission timeout in milliseconds, `window` the unacknowledged messages a sender may
    /// have, `dedup` whether the receiver discards a sequence number it already delivered.
    public struct ProtocolSpec: Sendable, Equatable {
        public var acks: String?
        public var timeout: String?
        public var window: String?
        public var dedup: String?

        public init(acks: String? = nil, timeout: String? = nil, window: String? = nil, dedup: String? = nil) {
            self.acks = acks
            self.timeout = timeout
            self.window = window
            self.dedup = dedup
        }
    }
}
