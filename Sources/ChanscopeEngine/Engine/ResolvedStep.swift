/// A loop step with its channel and knob names turned into indices, so a worker's hot loop does
/// no dictionary look-ups.
enum ResolvedStep: Sendable, Equatable {
    case make
    case send(channel: Int)
    case receive(channel: Int)
    case poll(channel: Int)
    case sleep(knob: Int, jitter: Double)
    case compute(knob: Int)

    /// The channel this step uses, if any.
    var channel: Int? {
        switch self {
        case .send(let c), .receive(let c), .poll(let c): c
        case .make, .sleep, .compute: nil
        }
    }
}
