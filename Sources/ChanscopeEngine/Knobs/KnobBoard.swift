import Synchronization

/// The knob table of a running experiment: every knob's spec, identity and live value.
///
/// Values are stored as the bit pattern of a `Double` in an atomic, so a worker reading its wait
/// before every sleep costs one load, and a slider move is visible to all workers at once. Every
/// store goes through `KnobSpec.clampedAndSnapped`, the one rule for knob values.
final class KnobBoard: Sendable {
    let specs: [KnobSpec]
    let ids: [KnobID]
    private let values: [AtomicDouble]
    private let indexByID: [KnobID: Int]

    /// The preset's knobs, then a capacity knob per channel and a workers knob per group.
    convenience init(preset: Preset) {
        var specs = preset.knobs
        var ids = preset.knobs.map { KnobID.preset($0.name) }
        for channel in preset.channels {
            specs.append(.capacity(of: channel))
            ids.append(.capacity(ChannelID(channel.name)))
        }
        let transports = Set(preset.channels.filter { $0.transport != nil }.map(\.name))
        for group in preset.workers {
            specs.append(.workers(of: group, inWorkerProcess: KernelChannels.uses(group, anyOf: transports)))
            ids.append(.workers(GroupID(group.name)))
        }
        self.init(specs: specs, ids: ids)
    }

    init(specs: [KnobSpec], ids: [KnobID]) {
        self.specs = specs
        self.ids = ids
        values = specs.map { AtomicDouble($0.clampedAndSnapped($0.value)) }
        indexByID = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func index(of id: KnobID) -> Int? { indexByID[id] }

    func value(at index: Int) -> Double { values[index].load() }

    /// The knob's value cell itself, for a reader that loads it on every message (a link).
    func atomic(at index: Int) -> AtomicDouble { values[index] }

    func value(of id: KnobID) -> Double? { index(of: id).map(value(at:)) }

    /// Stores `value` clamped to the knob's range and snapped to its step; returns what was stored.
    @discardableResult
    func set(at index: Int, to value: Double) -> Double {
        let stored = specs[index].clampedAndSnapped(value)
        values[index].store(stored)
        return stored
    }

    /// Every knob as the screen shows it.
    func snapshots() -> [KnobSnapshot] {
        specs.indices.map { KnobSnapshot(spec: specs[$0], id: ids[$0], value: value(at: $0)) }
    }
}

/// A `Double` in an atomic.
final class AtomicDouble: Sendable {
    private let bits: Atomic<UInt64>
    init(_ value: Double) { bits = Atomic(value.bitPattern) }
    func load() -> Double { Double(bitPattern: bits.load(ordering: .relaxed)) }
    func store(_ value: Double) { bits.store(value.bitPattern, ordering: .relaxed) }
}
