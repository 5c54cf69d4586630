/// Where a link's knobs are on the knob board, looked up once so reading the settings before
/// every send costs a few atomic loads and no name lookups.
struct LinkKnobs: Sendable {
    let board: KnobBoard
    private let loss, duplicate, delay, jitter: Int?
    private let acks, timeout, window, dedup: Int?
    let hasProtocol: Bool

    init(spec: LinkSpec, board: KnobBoard) {
        self.board = board
        func index(_ name: String?) -> Int? { name.flatMap { board.index(of: .preset($0)) } }
        loss = index(spec.loss)
        duplicate = index(spec.duplicate)
        delay = index(spec.delay)
        jitter = index(spec.jitter)
        acks = index(spec.reliability?.acks)
        timeout = index(spec.reliability?.timeout)
        window = index(spec.reliability?.window)
        dedup = index(spec.reliability?.dedup)
        hasProtocol = spec.reliability != nil
    }

    /// The settings the knobs hold now. A knob the spec does not name reads 0 (off); a protocol
    /// without an `acks` knob is always on, without a `dedup` knob deduplicates.
    func settings() -> LinkSettings {
        func value(_ index: Int?) -> Double? { index.map(board.value(at:)) }
        var settings = LinkSettings(
            lossPercent: value(loss) ?? 0, duplicatePercent: value(duplicate) ?? 0,
            delayMilliseconds: value(delay) ?? 0, jitterMilliseconds: value(jitter) ?? 0)
        guard hasProtocol else { return settings }
        settings.acks = (value(acks) ?? 1) != 0
        settings.timeoutMilliseconds = value(timeout) ?? settings.timeoutMilliseconds
        settings.window = Int(saturating: value(window) ?? 1)
        settings.dedup = (value(dedup) ?? 1) != 0
        return settings
    }
}
