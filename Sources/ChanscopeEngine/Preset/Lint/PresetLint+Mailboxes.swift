extension PresetLint {
    /// Mailboxes: `{ recv: mailbox }` needs the group's `mailbox`; a `reply` needs messages whose
    /// senders have mailboxes to answer; `mailbox` is no channel's name.
    static func checkMailboxes(_ draft: PresetDraft, findings: inout PresetFindings) {
        for entry in draft.channels?.entries ?? [] where entry.name == Step.mailboxWord {
            findings.add(.meaning, at: entry.keyLocation, PresetWording.reservedChannelName(entry.name))
        }
        guard let groups = draft.workers?.entries else { return }
        /// The channels each group sends on, by name.
        let sends = groups.map { entry in
            Set(entry.spec.steps.compactMap { step -> String? in if case .send(let channel) = step { channel } else { nil } })
        }
        for entry in groups {
            let uses = draft.uses.filter { $0.location.path.hasPrefix("\(entry.location.path).loop[") }
            if entry.spec.mailbox == nil, let use = uses.first(where: { $0.role == .ownMailbox }) {
                findings.add(.meaning, at: use.location, PresetWording.noMailbox(group: entry.name))
            }
            guard entry.complete, let reply = replyUse(in: entry, uses: uses) else { continue }
            let inputs = entry.spec.steps.flatMap { step -> [String] in
                if case .select(let channels, _) = step { return channels }
                return step.receivedChannel.map { [$0] } ?? []
            }
            let answerable = inputs.contains(Step.mailboxWord) || groups.indices.contains { other in
                groups[other].spec.mailbox != nil && !sends[other].isDisjoint(with: inputs)
            }
            guard !answerable else { continue }
            let senders = groups.indices.filter { !sends[$0].isDisjoint(with: inputs) }.map { groups[$0].name }
            findings.add(.meaning, at: reply.location, PresetWording.replyWithoutMailbox(
                group: entry.name, inputs: inputs, senders: senders))
        }
    }

    /// Where the group's first `reply` is.
    private static func replyUse(in entry: PresetDraft.Entry<WorkerGroupSpec>, uses: [PresetDraft.NameUse]) -> PresetDraft.NameUse? {
        guard let step = entry.spec.steps.firstIndex(where: { if case .reply = $0 { true } else { false } }) else { return nil }
        return uses.first { $0.location.path == "\(entry.location.path).loop[\(step)]" } ?? uses.first
    }
}

extension Step {
    /// The channel (or `mailbox`) this step takes messages from, if it takes any.
    var receivedChannel: String? {
        switch self {
        case .recv(let channel), .poll(let channel): channel
        case .recvMailbox: Step.mailboxWord
        case .make, .send, .sleep, .compute, .makeTagged, .tag, .reply, .work, .join, .taskDone, .select: nil
        }
    }
}
