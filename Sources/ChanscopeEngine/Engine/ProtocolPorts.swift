import Channels

/// What one worker uses for protocol steps beyond its channel handles: its own mailbox, the
/// mailboxes it replies to, and the index its waits on a mailbox are shown under.
///
/// Kept in one stored property of `Worker`, so the plain loop's file stays as it was.
final class ProtocolPorts: Sendable {
    /// The worker's own mailbox's receiving end, if its group has mailboxes.
    let mailbox: (any MessageInlet)?
    let replies = ReplyOutlets()
    /// The one waiter a blocked `{ recv: [a, b] }` registers on every channel it waits on.
    let selectWaiter = SelectWaiter()
    let directory: MailboxDirectory
    /// The channel index a wait on one of a group's mailboxes is reported under: after the
    /// preset's channels, one per group (see `Experiment.channelName(at:)`).
    let mailboxBase: Int
    /// Per channel, the unfinished-task ledger a `join` waits on (nil where none joins).
    let ledgers: [TaskLedger?]
    /// Whether any channel is joined: else a `task_done` has nothing to do, and the end of an
    /// iteration skips it at once (a tight poll loop runs millions of them).
    let countsTasks: Bool

    init(mailbox: (any MessageInlet)?, directory: MailboxDirectory, mailboxBase: Int, ledgers: [TaskLedger?] = []) {
        self.mailbox = mailbox
        self.directory = directory
        self.mailboxBase = mailboxBase
        self.ledgers = ledgers
        countsTasks = ledgers.contains { $0 != nil }
    }

    /// The index waits on group `group`'s mailboxes are reported under.
    func mailboxIndex(ofGroup group: Int) -> Int { mailboxBase + group }

    /// Releases the mailbox and the reply outlets (idempotent).
    func close() {
        mailbox?.close()
        replies.close()
        selectWaiter.fire()
    }
}
