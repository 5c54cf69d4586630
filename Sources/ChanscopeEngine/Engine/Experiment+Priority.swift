import Channels

extension ChannelSpec {
    /// Whether the channel has priority levels to show and record: its kind is `priority`, or
    /// it ranks tags for when it is switched to `priority`.
    public var isPriorityChannel: Bool { kind.isPriority || !priorities.isEmpty }

    /// How many levels: one above the highest the preset names (one when it names none).
    public var priorityLevelCount: Int { (priorities.values.max() ?? 0) + 1 }

    /// The tags at each level, lowest first, in name order.
    public var priorityLevelTags: [[String]] {
        (0..<priorityLevelCount).map { level in priorities.filter { $0.value == level }.map(\.key).sorted() }
    }

    /// How the channel finds a message's level: by its tag, through a table indexed by tag
    /// number (untagged and unranked messages are level 0), so a send does no string work.
    func priorityLevels(tags: TagTable) -> PriorityLevels<Message> {
        var levelByTag = [Int](repeating: 0, count: tags.names.count + 1)
        for (name, level) in priorities {
            if let index = tags.index(of: name) { levelByTag[Int(index)] = level }
        }
        let table = levelByTag
        return PriorityLevels(count: priorityLevelCount) { message in table[safe: Int(message.tag)] ?? 0 }
    }

    /// The channel this spec describes, its levels ready for the `priority` kind.
    func makeChannel(tags: TagTable) -> Channel<Message> {
        Channel<Message>(kind: kind, levels: priorityLevels(tags: tags))
    }
}

extension Experiment {
    /// Per channel, the tags of each level for priority channels, nil for the others.
    var priorityLevelTags: [[[String]]?] {
        preset.channels.map { $0.isPriorityChannel ? $0.priorityLevelTags : nil }
    }

    /// Gives every channel with an `aging` knob that knob's current value (milliseconds), at
    /// start and after any knob change.
    func applyAging() {
        for (index, spec) in preset.channels.enumerated() {
            guard let knob = spec.aging, let milliseconds = knobs.value(of: .preset(knob)) else { continue }
            let nanoseconds = UInt64.nanoseconds(fromMilliseconds: Swift.max(0, milliseconds))
            channels[index].setAging(.nanoseconds(Int64(clamping: nanoseconds)))
        }
    }

    /// The kind a `1`-`6` key gives a channel: a channel the preset declares as a bounded
    /// priority queue stays bounded by its capacity knob when switched back to `priority`.
    func kind(of index: Int, family: ChannelKind.Family, capacity: Int) -> ChannelKind {
        let declared = preset.channels[index].kind
        return family.kind(capacity: capacity, boundedPriority: declared.isPriority && declared.capacity != nil)
    }
}
