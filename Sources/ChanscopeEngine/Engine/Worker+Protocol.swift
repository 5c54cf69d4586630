/// The steps of message protocols: tagged messages (and, beside them, mailboxes, select and
/// Python's queue semantics), kept apart from the plain loop in `Worker.swift`.
extension Worker {
    /// Runs one protocol step on the hand; returns the worker's final state when the step ends
    /// the worker, nil to go on.
    func runProtocolStep(_ step: ResolvedStep, hand: inout Message?) -> WorkerState? {
        switch step {
        case .makeTagged(let tag):
            makeMessage(into: &hand)
            hand?.tag = tag
        case .retag(let tag):
            hand?.tag = tag
        case .make, .send, .receive, .poll, .sleep, .compute:
            break  // the plain loop's own
        }
        return nil
    }

    /// A new message in hand (finishing any message still held), numbered by the group.
    func makeMessage(into hand: inout Message?) {
        if hand != nil { consume(&hand) }
        counters.set(.working)
        hand = Message(sequence: group.nextSequence.wrappingAdd(1, ordering: .relaxed).oldValue, origin: id)
        counters.made.wrappingAdd(1, ordering: .relaxed)
    }
}
