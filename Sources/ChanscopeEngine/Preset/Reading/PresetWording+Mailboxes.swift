extension PresetWording {
    // MARK: - Mailboxes

    static func reservedChannelName(_ name: String) -> String {
        "a channel may not be called \"\(name)\": { recv: mailbox } means a worker's own mailbox"
    }

    static func noMailbox(group: String) -> String {
        "group \"\(group)\" has no mailbox to receive from: give it one, e.g. mailbox: { kind: unbounded }"
    }

    /// `reply answers the sender's mailbox, but the messages in hand come from requests, sent by client, which has no mailbox (give it mailbox: { kind: unbounded })`.
    static func replyWithoutMailbox(group: String, inputs: [String], senders: [String]) -> String {
        let from = inputs.isEmpty ? "the group receives nothing" : "its messages come from \(inputs.joined(separator: ", "))"
        let who = senders.isEmpty ? "which only a prefill fills" : "sent by \(senders.joined(separator: ", ")), which \(senders.count == 1 ? "has" : "have") no mailbox"
        return "reply answers the sender's mailbox, but \(from), \(who) (give the senders a mailbox: { kind: unbounded })"
    }
}

extension PresetWording {
    // MARK: - Select

    static func unknownSelect(_ word: String) -> String {
        "select must be ordered or fair, found \"\(word)\""
    }

    static func selectNeedsTwo(_ step: String) -> String {
        "a list after \(step) needs two or more channels: { \(step): [a, b] }"
    }
}
