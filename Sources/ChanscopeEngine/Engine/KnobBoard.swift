import Synchronization

/// The live value of every knob, readable by any worker without a lock.
///
/// Values are stored as the bit pattern of a `Double` in an atomic, so a worker reading its wait
/// before every sleep costs one load, and a slider move is visible to all workers at once.
final class KnobBoard: Sendable {
    let specs: [KnobSpec]
    private let values: [AtomicDouble]
    private let indexByName: [String: Int]

    init(specs: [KnobSpec]) {
        self.specs = specs
        values = specs.map { AtomicDouble($0.value) }
        indexByName = Dictionary(specs.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func index(of name: String) -> Int? { indexByName[name] }

    func value(at index: Int) -> Double { values[index].load() }

    func value(of name: String) -> Double? { index(of: name).map(value(at:)) }

    /// Stores `value` clamped to the knob's range and snapped to its step; returns what was stored.
    @discardableResult
    func set(at index: Int, to value: Double) -> Double {
        let stored = specs[index].clampedAndSnapped(value)
        values[index].store(stored)
        return stored
    }
}

/// A `Double` in an atomic.
final class AtomicDouble: Sendable {
    private let bits: Atomic<UInt64>
    init(_ value: Double) { bits = Atomic(value.bitPattern) }
    func load() -> Double { Double(bitPattern: bits.load(ordering: .relaxed)) }
    func store(_ value: Double) { bits.store(value.bitPattern, ordering: .relaxed) }
}

extension KnobSpec {
    /// `value` brought into `min...max` and onto the step grid that starts at `min`.
    public func clampedAndSnapped(_ value: Double) -> Double {
        guard value.isFinite else { return self.value }
        var result = Swift.min(Swift.max(value, min), max)
        if step > 0 {
            result = min + ((result - min) / step).rounded() * step
            result = Swift.min(Swift.max(result, min), max)
        }
        return result
    }
}
