import Channels
import Foundation

/// What a worker process needs to run its group: the experiment's shape (so its knob board and
/// channel indices match the parent's), its group, and the kernel ends it holds.
///
/// It travels as JSON at the start of the control pipe; afterwards only fixed-size
/// `ControlRecord`s follow.
struct WorkerProcessPlan: Codable, Equatable {
    struct Channel: Codable, Equatable {
        var name: String
        var transport: String?
        var dropsWhenFull: Bool
        var capacityBytes: Int
        var messageBytes: Int
        /// The FIFO's path (named pipes only: the process opens it itself).
        var path: String?
        /// Which end this process holds: "write", "read" or nil; and the descriptor number it
        /// inherited it as (unnamed pipes only).
        var end: String?
        var fd: Int32?
    }

    struct Knob: Codable, Equatable {
        var name: String
        var value: Double
        var min: Double
        var max: Double
        var step: Double
    }

    struct Group: Codable, Equatable {
        var name: String
        var count: Int
        var limitKnob: String?
        var fixedLimit: Int?
        var steps: [String]
    }

    var presetName: String
    var groupIndex: Int
    var workerID: Int32
    var seed: UInt64
    var channels: [Channel]
    var knobs: [Knob]
    var groups: [Group]

    /// The plan for `group` of `preset`; ends and paths are filled in by the launcher.
    init(preset: Preset, groupIndex: Int, workerID: Int32, seed: UInt64) {
        presetName = preset.name
        self.groupIndex = groupIndex
        self.workerID = workerID
        self.seed = seed
        channels = preset.channels.map {
            Channel(name: $0.name, transport: $0.transport?.rawValue, dropsWhenFull: $0.kind.family == .dropping,
                    capacityBytes: $0.bufferBytes, messageBytes: $0.messageBytes, path: nil, end: nil, fd: nil)
        }
        knobs = preset.knobs.map { Knob(name: $0.name, value: $0.value, min: $0.min, max: $0.max, step: $0.step) }
        groups = preset.workers.map { spec in
            var limitKnob: String?
            var fixedLimit: Int?
            switch spec.limit {
            case .knob(let name): limitKnob = name
            case .fixed(let n): fixedLimit = n
            case nil: break
            }
            return Group(name: spec.name, count: spec.count, limitKnob: limitKnob, fixedLimit: fixedLimit,
                         steps: spec.steps.map(Self.text(of:)))
        }
    }

    /// The preset as the worker process rebuilds it: the same channels, knobs and groups in the
    /// same order, so every index the parent sends means the same thing here.
    var preset: Preset {
        Preset(
            name: presetName, summary: "",
            channels: channels.map { channel in
                let kind: ChannelKind = channel.dropsWhenFull ? .dropping(max(1, channel.capacityBytes)) : .bounded(max(1, channel.capacityBytes))
                var spec = ChannelSpec(name: channel.name, kind: channel.transport == nil ? .unbounded : kind)
                spec.transport = channel.transport.flatMap(Transport.init(rawValue:))
                spec.messageBytes = channel.messageBytes
                spec.bufferBytes = channel.capacityBytes
                return spec
            },
            knobs: knobs.map { KnobSpec(name: $0.name, value: $0.value, min: $0.min, max: $0.max, step: $0.step) },
            workers: groups.map { group in
                WorkerGroupSpec(
                    name: group.name, count: group.count,
                    limit: group.limitKnob.map(Limit.knob) ?? group.fixedLimit.map(Limit.fixed),
                    steps: group.steps.compactMap(Self.step(from:)))
            },
            source: "<worker process>")
    }

    /// A step as one line of text: `make`, `send:CH`, `recv:CH`, `poll:CH`, `sleep:KNOB:JITTER`,
    /// `compute:KNOB`.
    static func text(of step: Step) -> String {
        switch step {
        case .make: "make"
        case .send(let channel): "send:\(channel)"
        case .recv(let channel): "recv:\(channel)"
        case .poll(let channel): "poll:\(channel)"
        case .sleep(let knob, let jitter): "sleep:\(knob):\(jitter)"
        case .compute(let knob): "compute:\(knob)"
        case .makeTagged(let tag): "maketag:\(tag)"
        case .tag(let tag): "tag:\(tag)"
        // The rest need this process's threads (mailboxes, joins, select); the preset reader
        // refuses them in a group that runs in a worker process, so they never get here.
        case .recvMailbox, .reply, .join, .taskDone, .select, .work: "unsupported"
        }
    }

    static func step(from text: String) -> Step? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("make", 1): return .make
        case ("send", 2): return .send(channel: parts[1])
        case ("recv", 2): return .recv(channel: parts[1])
        case ("poll", 2): return .poll(channel: parts[1])
        case ("sleep", 3): return .sleep(knob: parts[1], jitter: Double(parts[2]) ?? 0)
        case ("compute", 2): return .compute(knob: parts[1])
        case ("maketag", 2): return .makeTagged(tag: parts[1])
        case ("tag", 2): return .tag(parts[1])
        default: return nil
        }
    }

    func encoded() -> [UInt8] { (try? Array(JSONEncoder().encode(self))) ?? [] }

    static func decode(_ bytes: [UInt8]) -> WorkerProcessPlan? {
        try? JSONDecoder().decode(WorkerProcessPlan.self, from: Data(bytes))
    }
}
