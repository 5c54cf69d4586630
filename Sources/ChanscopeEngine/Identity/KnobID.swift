/// Which knob: one of the preset's own, a channel's capacity, or a group's worker count.
///
/// WHY an enum and not the knob's name: the engine adds a capacity knob per channel and a
/// workers knob per group, written `CH.capacity` and `G.workers` on the command line and in the
/// CSV. Keeping what a knob controls in its identity means a preset knob can never take over an
/// engine knob by its name, and no layer parses names to find out what a knob does.
public enum KnobID: Hashable, Sendable, CustomStringConvertible {
    /// A knob the preset declares (`produce_ms`, `max_work`).
    case preset(String)
    /// The capacity slider of a channel (kinds that have a capacity use it).
    case capacity(ChannelID)
    /// The worker-count slider of a group.
    case workers(GroupID)

    /// The name used by `--set`, the CSV header and events: `produce_ms`, `work.capacity`,
    /// `consumer.workers`.
    public var description: String {
        switch self {
        case .preset(let name): name
        case .capacity(let channel): "\(channel.name)\(KnobID.capacitySuffix)"
        case .workers(let group): "\(group.name)\(KnobID.workersSuffix)"
        }
    }

    /// The name as a string (the same as `description`).
    public var name: String { description }

    /// What follows a channel's name in its capacity knob's name.
    public static let capacitySuffix = ".capacity"
    /// What follows a group's name in its workers knob's name.
    public static let workersSuffix = ".workers"

    /// The knob a command-line name means in an experiment with these channels and groups:
    /// `CH.capacity` and `G.workers` for existing channels and groups, else a preset knob.
    public static func parse(_ name: String, channels: [ChannelID], groups: [GroupID]) -> KnobID {
        if name.hasSuffix(capacitySuffix) {
            let channel = ChannelID(String(name.dropLast(capacitySuffix.count)))
            if channels.contains(channel) { return .capacity(channel) }
        }
        if name.hasSuffix(workersSuffix) {
            let group = GroupID(String(name.dropLast(workersSuffix.count)))
            if groups.contains(group) { return .workers(group) }
        }
        return .preset(name)
    }
}
