extension SummaryTable {
    /// A row per group's mailboxes, in the channel table's columns (`max` is the fullest
    /// mailbox now; the situation says how many are live).
    static func mailboxRows(_ snapshot: Snapshot) -> [[String]] {
        snapshot.mailboxes.map { mailbox in
            let c = mailbox.counters
            return [
                mailbox.name.terminalSafe, mailbox.kind.description, String(c.depth), String(mailbox.largestDepth),
                String(c.attempted), String(c.accepted), String(c.received), String(c.dropped), String(c.overwritten),
                String(c.failed), String(c.discarded), c.identitiesHold ? "ok" : "BROKEN",
                "\(mailbox.live) of \(mailbox.total) mailboxes live",
            ]
        }
    }
}
