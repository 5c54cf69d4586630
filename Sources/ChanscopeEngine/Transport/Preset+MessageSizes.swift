extension Preset {
    /// The preset with each transport channel's `message_bytes: KNOB` read from the knob's value
    /// now, and the whole messages its buffer holds worked out again at that size.
    ///
    /// WHY at the start only: the two processes agree on a message's size when they start (a
    /// pipe's reader reads that many bytes a message, with no length to tell it otherwise), so
    /// the knob's new value applies when `R` starts the experiment again with it.
    func resolvingMessageSizes() -> Preset {
        var result = self
        for index in result.channels.indices {
            guard result.channels[index].transport != nil, let knob = result.channels[index].messageBytesKnob,
                  let value = knobs.first(where: { $0.name == knob })?.value else { continue }
            let range = PresetLimits.messageBytes
            result.channels[index].messageBytes = Swift.min(Swift.max(Int(saturating: value), range.lowerBound), range.upperBound)
            if result.channels[index].transport?.countsCapacityInMessages == false {
                result.channels[index].kind = Experiment.shownKind(of: result.channels[index])
            }
        }
        return result
    }

    /// The transport channels whose message size `knob` sets.
    func channelsSized(by knob: String) -> [ChannelSpec] {
        channels.filter { $0.transport != nil && $0.messageBytesKnob == knob }
    }
}
