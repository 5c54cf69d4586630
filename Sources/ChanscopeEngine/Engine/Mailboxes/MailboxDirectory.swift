import Channels

/// Every worker's mailbox, by worker id: where a `reply` finds the mailbox of a message's sender.
///
/// A mailbox is made with its worker and kept for the experiment's life, with one sender of the
/// directory's own, so its owner's `{ recv: mailbox }` waits for a reply rather than seeing a
/// disconnect before anyone has answered (a request nobody answers waits forever, which is what
/// the class should see). When the owner ends, its receiver goes, and a late reply fails,
/// counted as `failed` on that mailbox.
final class MailboxDirectory: Sendable {
    /// One worker's mailbox.
    struct Entry: Sendable {
        let owner: Int32
        let group: Int
        let channel: Channel<Message>
        /// Keeps the mailbox connected for its owner (see above).
        let keeper: Sender<Message>
    }

    /// (`Locked`, not `Mutex`: the thread sanitizer misreads a `Mutex` holding class instances.)
    private let entries = Locked<[Int32: Entry]>([:])
    /// Every mailbox in the order made, for sampling (the same order every time).
    private let ordered = Locked<[Entry]>([])

    /// Makes and registers the mailbox of a new worker.
    func makeMailbox(owner: Int32, group: Int, kind: ChannelKind) -> Channel<Message> {
        let channel = Channel<Message>(kind: kind)
        let entry = Entry(owner: owner, group: group, channel: channel, keeper: channel.makeSender())
        entries.withLock { $0[owner] = entry }
        ordered.withLock { $0.append(entry) }
        return channel
    }

    /// The mailbox of a worker, or nil when it has none (a prefilled message's sender is 0).
    func mailbox(of owner: Int32) -> Entry? {
        entries.withLock { $0[owner] }
    }

    /// Every mailbox so far, in the order made.
    var all: [Entry] { ordered.withLock { $0 } }

    /// Closes the keepers (at shutdown), so nothing outlives the experiment.
    func close() {
        for entry in all { entry.keeper.close() }
    }
}
