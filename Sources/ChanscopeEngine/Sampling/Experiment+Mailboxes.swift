import Channels

extension Experiment {
    /// Each mailbox group's sum of its mailboxes' stats (sampled with the channels, in the
    /// directory's order).
    func mailboxReadings(_ boxes: [MailboxDirectory.Entry], _ stats: [ChannelStats]) -> [MailboxSnapshot] {
        groups.compactMap { group in
            guard let kind = group.spec.mailbox else { return nil }
            let mine = zip(boxes, stats).filter { $0.0.group == group.index }.map(\.1)
            return MailboxSnapshot.summing(group: group.name, kind: kind, mine)
        }
    }

    /// The name of the channel at a worker's channel index: a preset channel, or after them
    /// one group's mailboxes (`G.mailbox`); nil for none.
    func channelName(at index: Int) -> String? {
        if let id = channelIDs[safe: index] { return id.name }
        return groups[safe: index - channelIDs.count].map { MailboxSnapshot.name(ofGroup: $0.name) }
    }
}

extension Experiment {
    /// The channels a worker's select waits on, by name (the first 64 channels: the mask's).
    func selectedChannels(of counters: WorkerCounters) -> [String] {
        let mask = counters.selectChannels.load(ordering: .relaxed)
        return channelIDs.indices.filter { $0 < 64 && mask & (1 << UInt64($0)) != 0 }.map { channelIDs[$0].name }
    }

    /// What a group's blocked and joining workers wait on, each name once (experiment lock).
    func waitNames(of group: WorkerGroup) -> [String] {
        var names: [String] = []
        for worker in group.workers {
            let state = worker.counters.currentState
            guard state.isBlocked || state == .joining else { continue }
            let index = worker.counters.channelIndex.load(ordering: .relaxed)
            let name: String?
            if index == WorkerCounters.selecting {
                name = selectedChannels(of: worker.counters).joined(separator: "|")
            } else {
                name = channelName(at: index)
            }
            if let name, !name.isEmpty, !names.contains(name) { names.append(name) }
        }
        return names
    }
}
