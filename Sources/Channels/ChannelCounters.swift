/// The exact message accounting of one channel, read as one consistent value.
///
/// The counters are kept under the channel's lock and copied out under it, so the two
/// identities below hold in every reading, not just eventually:
///
///     attempted == accepted + dropped + failed
///     accepted  == received + overwritten + depth + discarded
///
/// A send is counted once it is resolved: a blocked send is not "attempted" until it is accepted,
/// dropped or fails, and sends that end as `full`, `timedOut` or `cancelled` hand the message back
/// uncounted (the message never entered the channel).
public struct ChannelCounters: Hashable, Sendable {
    /// Sends resolved by the channel: accepted, dropped, or failed as disconnected.
    public var attempted: UInt64 = 0
    /// Messages that entered the queue (or were handed straight to a receiver on a rendezvous).
    public var accepted: UInt64 = 0
    /// Messages taken by receivers.
    public var received: UInt64 = 0
    /// New messages discarded by a full `dropping` channel.
    public var dropped: UInt64 = 0
    /// Queued messages evicted: by a full `overwriting` channel, or by shrinking the capacity.
    public var overwritten: UInt64 = 0
    /// Sends refused because every receiver was gone (the message was handed back).
    public var failed: UInt64 = 0
    /// Messages still queued when the last receiver went away.
    public var discarded: UInt64 = 0
    /// Messages queued right now.
    public var depth: Int = 0

    public init() {}

    /// Whether `attempted == accepted + dropped + failed`.
    public var sendIdentityHolds: Bool {
        attempted == accepted &+ dropped &+ failed
    }

    /// Whether `accepted == received + overwritten + depth + discarded`.
    public var queueIdentityHolds: Bool {
        accepted == received &+ overwritten &+ UInt64(depth) &+ discarded
    }

    /// Both identities; the sampler checks this on every snapshot.
    public var identitiesHold: Bool { sendIdentityHolds && queueIdentityHolds }

    /// A readable statement of which identity failed, for error messages.
    public var identityViolation: String? {
        var problems: [String] = []
        if !sendIdentityHolds {
            problems.append(
                "attempted \(attempted) != accepted \(accepted) + dropped \(dropped) + failed \(failed)")
        }
        if !queueIdentityHolds {
            problems.append(
                "accepted \(accepted) != received \(received) + overwritten \(overwritten) + depth \(depth) + discarded \(discarded)")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}
