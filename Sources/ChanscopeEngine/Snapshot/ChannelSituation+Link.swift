extension ChannelSituation {
    /// The situation of a linked channel: what the link does over the window comes before what
    /// the queue does, except that a disconnect or the memory limit still comes first.
    ///
    /// Most urgent first: `DUPLICATES` (the consumer got copies), `LOSING 20%` (no protocol:
    /// messages vanished), `RETRANSMITTING` (the protocol is recovering losses), `REORDERING`.
    public func overridden(by link: LinkSnapshot) -> ChannelSituation {
        switch word {
        case .disconnected, .noSenders, .memoryLimit: return self
        default: break
        }
        return Self.judge(link) ?? self
    }

    /// What the link did over the window, if anything worth a word.
    public static func judge(_ link: LinkSnapshot) -> ChannelSituation? {
        let lossShare = NumberText.percent(link.lossPercentInWindow ?? 0)
        if link.dupDeliveredInWindow > 0 {
            return .init(.duplicates, "\(link.dupDeliveredInWindow) delivered twice \(inTheWindow)")
        }
        if link.lostInWindow > 0 && !link.settings.acks {
            return .init(.losing, "\(lossShare): \(link.lostInWindow) lost \(inTheWindow)")
        }
        if link.retransmittedInWindow > 0 {
            return .init(.retransmitting, "\(link.retransmittedInWindow) resent, \(lossShare) lost \(inTheWindow)")
        }
        if link.reorderedInWindow > 0 {
            return .init(.reordering, "\(link.reorderedInWindow) overtook \(inTheWindow)")
        }
        return nil
    }
}
