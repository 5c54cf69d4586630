extension CSVRecorder {
    /// A mailbox group's columns: its mailboxes as one channel, `G.mailbox.depth` and the usual
    /// counters (sums over the group's mailboxes, so the identities hold), with how many are live
    /// and the fullest one's depth.
    static let mailboxColumns = [
        "kind", "capacity", "count", "depth", "largest_depth", "attempted", "accepted", "received", "dropped",
        "overwritten", "failed", "discarded", "blocked_senders",
    ]

    static func mailboxHeader(for snapshot: Snapshot) -> [String] {
        snapshot.mailboxes.flatMap { mailbox in mailboxColumns.map { "\(mailbox.name).\($0)" } }
    }

    static func mailboxRow(for snapshot: Snapshot) -> [String] {
        snapshot.mailboxes.flatMap { mailbox -> [String] in
            let c = mailbox.counters
            return [
                mailbox.kind.name, mailbox.kind.capacity.map(String.init) ?? "", String(mailbox.live), String(c.depth),
                String(mailbox.largestDepth), String(c.attempted), String(c.accepted), String(c.received), String(c.dropped),
                String(c.overwritten), String(c.failed), String(c.discarded), String(mailbox.blockedSenders),
            ]
        }
    }
}
