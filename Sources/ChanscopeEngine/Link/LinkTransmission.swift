/// One transmission on a simulated link's wire, in either direction, ordered by when it arrives.
struct LinkTransmission: Comparable {
    /// A message going forward, or an acknowledgement coming back.
    enum Frame {
        case data(DataFrame)
        case ack(AckFrame)
    }

    struct DataFrame {
        var message: Message
        /// The sending end it came from (the link numbers each sender's messages apart).
        var sender: Int
        /// The protocol's sequence number; 0 when sent without the protocol.
        var sequence: UInt64
        /// The protocol epoch it was sent in (the protocol restarts its numbering when switched on).
        var epoch: Int
        /// An extra copy made by the link (not the original transmission).
        var isCopy: Bool
        /// When it was sent, echoed by its acknowledgement for the round-trip time.
        var sentAt: UInt64
        /// Its place among the data transmissions that will arrive, for telling overtaking.
        var order: UInt64
    }

    struct AckFrame {
        var sender: Int
        var sequence: UInt64
        var epoch: Int
        var echo: UInt64
    }

    /// When it arrives (monotonic nanoseconds).
    var arrival: UInt64
    /// Ties on `arrival` go in sending order, so a run is the same every time.
    var serial: UInt64
    var frame: Frame

    static func < (a: Self, b: Self) -> Bool { (a.arrival, a.serial) < (b.arrival, b.serial) }
    static func == (a: Self, b: Self) -> Bool { a.arrival == b.arrival && a.serial == b.serial }
}
