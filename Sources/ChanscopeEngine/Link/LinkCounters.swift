/// A simulated link's counters: every transmission and every arrival, so each message can be
/// found somewhere.
///
/// The identities (`identityViolation`), checked on every snapshot:
///
///     sent + retransmitted + duplicated = lost + on_wire + arrived      (transmissions)
///     arrived   = delivered + dup_discarded + held_out_of_order          (arrivals)
///     delivered = handed_over + waiting_for_queue                        (into the channel)
///     acks_sent = acks_lost + acks_on_wire + acks_arrived                (acknowledgements)
///
/// `handed_over` is what the channel counts as `attempted` (with a prefill's messages, which do
/// not cross the link), and from there the channel's own identities take over. `duplicated`
/// copies and `retransmitted` copies are transmissions of their own; a copy that reaches the
/// consumer is counted in `dup_delivered` (within `delivered`), one the receiver throws away in
/// `dup_discarded`.
public struct LinkCounters: Sendable, Hashable {
    /// Distinct messages the senders handed to the link.
    public var sent: UInt64 = 0
    /// Copies sent again by the protocol after a timeout.
    public var retransmitted: UInt64 = 0
    /// Extra copies the link made (a duplicated transmission arrives twice).
    public var duplicated: UInt64 = 0
    /// Transmissions that never arrive.
    public var lost: UInt64 = 0
    /// Transmissions sent and not yet arrived.
    public var onWire: UInt64 = 0
    /// Transmissions that arrived at the receiving end.
    public var arrived: UInt64 = 0
    /// Arrivals that came before a message sent earlier (still on the wire) did.
    public var reordered: UInt64 = 0
    /// Arrivals put in line for the queue, duplicates included.
    public var delivered: UInt64 = 0
    /// Of `delivered`, copies of a message delivered before.
    public var dupDelivered: UInt64 = 0
    /// Copies of an already delivered sequence number the receiver discarded (dedup on).
    public var dupDiscarded: UInt64 = 0
    /// Arrivals held back until the messages before them arrive (in-order delivery).
    public var heldOutOfOrder: UInt64 = 0
    /// Delivered, not yet in the queue (waiting for room, or being put there now).
    public var waitingForQueue: UInt64 = 0
    /// Put into the channel (which then counts them as attempted).
    public var handedOver: UInt64 = 0
    public var acksSent: UInt64 = 0
    public var acksLost: UInt64 = 0
    public var acksOnWire: UInt64 = 0
    public var acksArrived: UInt64 = 0

    public init() {}

    /// Distinct messages delivered: what goodput counts.
    public var distinctDelivered: UInt64 { delivered &- dupDelivered }

    /// Arrived, not yet in the queue, for whatever reason: what the screen calls "held".
    public var heldBack: UInt64 { heldOutOfOrder &+ waitingForQueue }

    /// Messages that went straight into the queue (the link doing nothing): sent, arrived,
    /// delivered and handed over at once.
    func addingDirect(_ count: UInt64) -> LinkCounters {
        var c = self
        c.sent &+= count
        c.arrived &+= count
        c.delivered &+= count
        c.handedOver &+= count
        return c
    }

    /// The first identity that does not hold, in words, or nil.
    public var identityViolation: String? {
        if sent &+ retransmitted &+ duplicated != lost &+ onWire &+ arrived {
            return "sent \(sent) + retransmitted \(retransmitted) + duplicated \(duplicated) != lost \(lost) + on wire \(onWire) + arrived \(arrived)"
        }
        if arrived != delivered &+ dupDiscarded &+ heldOutOfOrder {
            return "arrived \(arrived) != delivered \(delivered) + dup discarded \(dupDiscarded) + held \(heldOutOfOrder)"
        }
        if delivered != handedOver &+ waitingForQueue {
            return "delivered \(delivered) != handed over \(handedOver) + waiting \(waitingForQueue)"
        }
        if acksSent != acksLost &+ acksOnWire &+ acksArrived {
            return "acks sent \(acksSent) != lost \(acksLost) + on wire \(acksOnWire) + arrived \(acksArrived)"
        }
        if dupDelivered > delivered { return "dup delivered \(dupDelivered) > delivered \(delivered)" }
        return nil
    }
}
