/// The knobs the engine adds to every experiment: a capacity per channel, a worker count per
/// group. Their ranges come from `PresetLimits`, like every other knob's.
extension KnobSpec {
    /// The capacity slider of `channel`: it starts at the channel's capacity (or the capacity it
    /// keeps while its kind has none, else 8) and reaches four times that, at least 64.
    public static func capacity(of channel: ChannelSpec) -> KnobSpec {
        if channel.transport != nil { return kernelBuffer(of: channel) }
        let sized = channel.kind.capacity.flatMap { $0 > 0 ? $0 : nil } ?? channel.idleCapacity ?? 8
        let initial = Swift.min(Swift.max(sized, PresetLimits.capacity.lowerBound), PresetLimits.capacity.upperBound)
        let top = Swift.min(PresetLimits.capacity.upperBound, Swift.max(64, initial.multipliedReportingOverflow(by: 4).partialValue))
        return KnobSpec(
            name: KnobID.capacity(ChannelID(channel.name)).name, value: Double(initial),
            min: Double(PresetLimits.capacity.lowerBound), max: Double(Swift.max(top, initial)), step: 1,
            label: "\(channel.name) capacity", unit: "msgs")
    }

    /// The worker-count slider of `group`. A built-in role (the readers-writers manager) is one
    /// worker that holds the shared state, and a group in a worker process (one using a kernel
    /// transport) is one worker in its process, so their slider is 0-1: stopping it is a lesson
    /// (the other side sees the disconnect), a second one is not possible.
    public static func workers(of group: WorkerGroupSpec, inWorkerProcess: Bool = false) -> KnobSpec {
        let top = group.role == nil && !inWorkerProcess ? PresetLimits.workers.upperBound : 1
        let count = Swift.min(Swift.max(group.count, PresetLimits.workers.lowerBound), top)
        return KnobSpec(
            name: KnobID.workers(GroupID(group.name)).name, value: Double(count),
            min: Double(PresetLimits.workers.lowerBound), max: Double(top), step: 1,
            label: "\(group.name) workers", unit: "")
    }

    /// A transport's capacity slider: a pipe's kernel buffer in bytes, in steps of a page, up to
    /// what this system allows (the kernel rounds up to a power of two); a socket's `SO_SNDBUF` as
    /// the kernel keeps it; a message queue's `mq_maxmsg` in messages, up to `msg_max`.
    static func kernelBuffer(of channel: ChannelSpec) -> KnobSpec {
        let name = KnobID.capacity(ChannelID(channel.name)).name
        guard let transport = channel.transport, let range = PresetLimits.buffer(of: transport) else {
            let range = PresetLimits.queueMessages
            let value = Swift.min(Swift.max(channel.kind.capacity ?? range.upperBound, range.lowerBound), range.upperBound)
            return KnobSpec(name: name, value: Double(value), min: Double(range.lowerBound), max: Double(range.upperBound), step: 1,
                            label: "\(channel.name) mq_maxmsg", unit: "msgs")
        }
        return KnobSpec(
            name: name,
            value: Double(Swift.min(Swift.max(channel.bufferBytes, range.lowerBound), range.upperBound)),
            min: Double(range.lowerBound), max: Double(range.upperBound), step: 4096,
            label: transport.isSocket ? "\(channel.name) SO_SNDBUF" : "\(channel.name) kernel buffer", unit: "bytes")
    }
}
