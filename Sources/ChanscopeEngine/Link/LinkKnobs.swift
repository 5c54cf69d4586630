/// Where a link's knobs are on the knob board, looked up once so reading the settings before
/// every send costs a few atomic loads and no name lookups.
///
/// WHY the plain loops below: a method reference such as `index.map(board.value(at:))` builds a
/// closure per call; and a class, not a struct, because reading a struct of eight references
/// through the route copies it, retaining and releasing each (together about 100 ns a send,
/// where the whole channel costs about 45).
final class LinkKnobs: Sendable {
    private let loss, duplicate, delay, jitter: AtomicDouble?
    private let acks, timeout, window, dedup: AtomicDouble?
    let hasProtocol: Bool

    init(spec: LinkSpec, board: KnobBoard) {
        func knob(_ name: String?) -> AtomicDouble? {
            guard let name, let index = board.index(of: .preset(name)) else { return nil }
            return board.atomic(at: index)
        }
        loss = knob(spec.loss)
        duplicate = knob(spec.duplicate)
        delay = knob(spec.delay)
        jitter = knob(spec.jitter)
        acks = knob(spec.reliability?.acks)
        timeout = knob(spec.reliability?.timeout)
        window = knob(spec.reliability?.window)
        dedup = knob(spec.reliability?.dedup)
        hasProtocol = spec.reliability != nil
    }

    /// Whether the link does nothing at all now (the send path's first question).
    @inline(__always)
    var isTransparent: Bool {
        !hasProtocol && Self.isZero(loss) && Self.isZero(duplicate) && Self.isZero(delay) && Self.isZero(jitter)
    }

    @inline(__always)
    private static func isZero(_ knob: AtomicDouble?) -> Bool {
        guard let knob else { return true }
        return knob.load() <= 0
    }

    private static func value(_ knob: AtomicDouble?, default fallback: Double) -> Double {
        guard let knob else { return fallback }
        return knob.load()
    }

    /// The settings the knobs hold now. A knob the spec does not name reads 0 (off); a protocol
    /// without an `acks` knob is always on, without a `dedup` knob deduplicates.
    func settings() -> LinkSettings {
        var settings = LinkSettings(
            lossPercent: Self.value(loss, default: 0), duplicatePercent: Self.value(duplicate, default: 0),
            delayMilliseconds: Self.value(delay, default: 0), jitterMilliseconds: Self.value(jitter, default: 0))
        guard hasProtocol else { return settings }
        settings.acks = Self.value(acks, default: 1) != 0
        settings.timeoutMilliseconds = Self.value(timeout, default: settings.timeoutMilliseconds)
        settings.window = Int(saturating: Self.value(window, default: 1))
        settings.dedup = Self.value(dedup, default: 1) != 0
        return settings
    }
}
