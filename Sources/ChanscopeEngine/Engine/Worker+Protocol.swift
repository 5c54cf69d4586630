import Channels

/// The steps of message protocols: tagged messages, mailboxes and replies (and, beside them,
/// select and Python's queue semantics), kept apart from the plain loop in `Worker.swift`.
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
        case .receiveMailbox:
            guard let inlet = ports.mailbox else { return nil }
            return receive(from: inlet, channel: ports.mailboxIndex(ofGroup: group.index), into: &hand)
        case .reply(let tag):
            return reply(with: tag, hand: &hand)
        case .work(let knob, let jitter, let access):
            work(knob: knob, jitter: jitter, as: access)
        case .join(let channel):
            return join(channel: channel)
        case .taskDone:
            finishTasks()
        case .select(let channels, let waits):
            return select(channels, waits: waits, into: &hand)
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

    /// Receives into the hand, shown blocked on `channel` only while it must wait; a message
    /// still in hand is finished first. Ends the worker on a disconnect or a stop.
    func receive(from inlet: any MessageInlet, channel: Int, into hand: inout Message?) -> WorkerState? {
        var result = inlet.tryReceive()
        if case .empty = result {
            beginOperation(.blockedOnReceive, channel: channel)
            result = inlet.receive()
            endOperation(counters.receiveNanos)
        }
        return take(result, into: &hand)
    }

    /// What a receive's result does to the hand and the worker.
    func take(_ result: ReceiveResult<Message>, into hand: inout Message?) -> WorkerState? {
        switch result {
        case .received(let message, _):
            if hand != nil { consume(&hand) }
            hand = message
            counters.received.wrappingAdd(1, ordering: .relaxed)
            return stopOnSentinel(&hand)
        case .disconnected:
            return hand == nil ? .disconnected : finishWithHand(&hand, as: .disconnected)
        case .cancelled:
            return abandon(hand)
        case .empty, .timedOut:
            return nil
        }
    }

    /// Sends the hand, retagged, to its sender's mailbox, blocking as that mailbox's kind says.
    ///
    /// A reply is the request answered, so the hand is empty after it whatever happens: a
    /// sender without a mailbox (a prefilled message) gets nothing and the message is done; a
    /// sender that has ended has no receiver left, and the mailbox counts the reply `failed`
    /// while the replier goes on serving the others.
    private func reply(with tag: UInt16, hand: inout Message?) -> WorkerState? {
        guard let message = hand else { return nil }
        switch deliver(message, tag: tag, toMailboxOf: message.origin) {
        case .delivered, .ownerGone:
            hand = nil
        case .noMailbox:
            // Closed outlets mean a stop: the message never left, as with a closed send.
            if stopRequested.load(ordering: .acquiring) { return abandon(hand) }
            consume(&hand)
        case .cancelled(let back):
            return abandon(back)
        }
        return nil
    }

    /// What became of a message sent to a worker's mailbox.
    enum Delivery: Equatable {
        /// Accepted (or dropped or overwritten, as the mailbox's kind says; counted there).
        case delivered
        /// The owner has ended: counted `failed` on its mailbox.
        case ownerGone
        /// The worker has no mailbox (or this worker is stopping): nothing was sent.
        case noMailbox
        /// This worker was stopped while the mailbox was full: the message is handed back.
        case cancelled(Message)
    }

    /// Sends `message`, with `tag` and this worker as its sender, to the mailbox of worker
    /// `owner`, blocking as that mailbox's kind says (shown as send-blocked on `G.mailbox`).
    ///
    /// The one way into a mailbox: the `reply` step uses it, and so can a built-in role (a
    /// resource manager granting a request answers `m.source` this way).
    func deliver(_ message: Message, tag: UInt16, toMailboxOf owner: Int32) -> Delivery {
        guard let target = ports.directory.mailbox(of: owner),
              let outlet = ports.replies.outlet(to: owner, in: ports.directory)
        else { return .noMailbox }
        var message = message
        message.tag = tag
        message.origin = id
        var result = outlet.trySend(message)
        if case .full(let back) = result {
            beginOperation(.blockedOnSend, channel: ports.mailboxIndex(ofGroup: target.group))
            result = outlet.send(back)
            endOperation(counters.sendNanos)
        }
        switch result {
        case .sent, .dropped, .overwrote:
            counters.sent.wrappingAdd(1, ordering: .relaxed)
            return .delivered
        case .disconnected:
            return .ownerGone
        case .cancelled(let back):
            return .cancelled(back)
        case .full, .timedOut:
            return .noMailbox  // a blocking send does not end this way
        }
    }
}
