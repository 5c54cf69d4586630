/// The preset an experiment stands at now, for a restart that keeps the lecturer's settings.
extension Experiment {
    /// The preset as it stands now: current knob values, kinds, capacities and worker counts.
    public func currentPreset() -> Preset {
        var result = preset
        for index in preset.knobs.indices {
            result.knobs[index].value = knobs.value(at: index)
        }
        for index in result.channels.indices {
            let kind = channels[index].kind
            result.channels[index].kind = kind
            // A transport's slider is its kernel buffer in bytes.
            // A message queue's is its mq_maxmsg, in messages.
            if let transport = result.channels[index].transport, let value = knobs.value(of: .capacity(channelIDs[index])) {
                if transport.countsCapacityInMessages {
                    result.channels[index].kind = kind.family.kind(capacity: Int(saturating: value))
                } else {
                    result.channels[index].bufferBytes = Int(saturating: value)
                    result.channels[index].kind = Self.shownKind(of: result.channels[index])
                }
                continue
            }
            // A rendezvous reports capacity 0, an unbounded channel none: neither holds the slider's.
            if (kind.capacity ?? 0) == 0, let capacity = knobs.value(of: .capacity(channelIDs[index])) {
                result.channels[index].idleCapacity = Int(saturating: capacity)
            }
        }
        for (index, group) in groups.enumerated() {
            if let count = knobs.value(of: .workers(GroupID(group.name))) {
                result.workers[index].count = Int(saturating: count)
            }
        }
        return result
    }
}
