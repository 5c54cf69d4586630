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
            if result.channels[index].transport != nil, let bytes = knobs.value(of: .capacity(channelIDs[index])) {
                result.channels[index].bufferBytes = Int(saturating: bytes)
                result.channels[index].kind = Self.shownKind(of: result.channels[index])
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
