import Yams

/// The `link` and `protocol` keys of a channel: a simulated link's knobs and the
/// reliable-delivery protocol's, every value a knob's name so each is a live slider.
extension PresetSchema {
    /// The two channel keys, appended to `channelFields`.
    static let channelLinkFields: [FieldDeclaration<PresetDraft.Channel>] = [
        .init("link", takes: "a mapping: `loss`, `duplicate`, `delay`, `jitter` (knob names)",
              summary: "a simulated link in front of the queue (see Simulated links)") { channel, node, path, decoder in
            var link = LinkSpec()
            let decoded = decoder.mapping(node, path, like: "{ loss: loss_pct, delay: delay_ms }", into: &link, linkFields)
            channel.link = link
            return decoded
        },
        .init("protocol", takes: "a mapping: `acks`, `timeout`, `window`, `dedup` (knob names)",
              summary: "reliable delivery over the link: acknowledgements, retransmission, window, dedup") { channel, node, path, decoder in
            var reliability = LinkSpec.ProtocolSpec()
            let decoded = decoder.mapping(node, path, like: "{ acks: acks, timeout: timeout_ms }", into: &reliability, protocolFields)
            channel.reliability = reliability
            return decoded
        },
    ]

    /// A knob's range a link percentage must lie in.
    static let percentRange: ClosedRange<Double> = 0...100
    /// A switch knob (acks, dedup): 0 is off, anything else on.
    static let switchRange: ClosedRange<Double> = 0...1

    static let linkFields: [FieldDeclaration<LinkSpec>] = [
        knobName("loss", range: percentRange, what: "a percentage", summary: "percent of transmissions lost", \.loss),
        knobName("duplicate", range: percentRange, what: "a percentage", summary: "percent of transmissions that arrive twice", \.duplicate),
        knobName("delay", range: PresetLimits.linkMilliseconds, what: "milliseconds", summary: "milliseconds on the wire, at least", \.delay),
        knobName("jitter", range: PresetLimits.linkMilliseconds, what: "milliseconds",
                 summary: "up to this many milliseconds more, drawn per transmission (a later message can overtake)", \.jitter),
    ]

    static let protocolFields: [FieldDeclaration<LinkSpec.ProtocolSpec>] = [
        knobName("acks", range: switchRange, what: "0 (off) or 1 (on)", summary: "the protocol on (1) or off (0); default on", \.acks),
        knobName("timeout", range: PresetLimits.linkTimeout, what: "milliseconds above 0",
                 summary: "retransmit an unacknowledged message after this many ms; default 200", \.timeout),
        knobName("window", range: PresetLimits.window, what: "a window of at least 1",
                 summary: "unacknowledged messages per sender; 1 is stop-and-wait; default 1", \.window),
        knobName("dedup", range: switchRange, what: "0 (off) or 1 (on)", summary: "discard sequence numbers already delivered; default on", \.dedup),
    ]

    /// A key whose value names a knob whose whole range must lie in `range`.
    static func knobName<Target>(
        _ key: String, range: ClosedRange<Double>, what: String, summary: String, _ field: WritableKeyPath<Target, String?> & Sendable
    ) -> FieldDeclaration<Target> {
        let takes = "a knob name (range within \(PresetWording.number(range.lowerBound))-\(PresetWording.number(range.upperBound)))"
        return FieldDeclaration(key, takes: takes, summary: summary) { target, node, path, decoder in
            guard let name = decoder.text(node, path) else { return false }
            decoder.use(name, .ranged(range, what: what), at: node, path: path)
            target[keyPath: field] = name
            return true
        }
    }
}

extension PresetDecoder {
    /// A nested mapping decoded by `declarations`; false when it is not a mapping or a key failed.
    mutating func mapping<Target>(
        _ node: Node, _ path: String, like example: String, into target: inout Target, _ declarations: [FieldDeclaration<Target>]
    ) -> Bool {
        guard case .mapping = node else {
            shape(node, path, PresetWording.expectedMapping(like: example, found: describe(node)))
            return false
        }
        return fields(of: node, path: path, into: &target, declarations).complete
    }
}
