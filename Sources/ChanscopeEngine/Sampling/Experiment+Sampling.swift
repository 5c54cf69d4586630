import Channels

extension Experiment {
    /// Takes the next snapshot: reads every counter, takes the events logged since the last one
    /// and starts a new latency interval, then computes the figures (`SnapshotBuilder`).
    ///
    /// Named "take" because it consumes: the events it returns belong to this snapshot alone,
    /// and the next one's latency covers only what comes after. The `Sampler` calls it at a fixed
    /// rate; tests call it with the time they choose. Other readers use the sampler's snapshots.
    public func takeSnapshot(now: UInt64 = MonotonicClock.now()) -> Snapshot {
        lock.withLock {
            let reading = takeReading(now: now)
            let events = log.takeEvents()
            var snapshot = SnapshotBuilder.build(reading, events: events, state: &samplingState)
            guardMemory(&snapshot)
            return snapshot
        }
    }

    /// Lets the memory guard look at the snapshot (experiment lock held): holds or releases
    /// producers, and says so in the snapshot's events, its banner and the channel's word.
    private func guardMemory(_ snapshot: inout Snapshot) {
        let decision = memoryGuard.check(snapshot, revision: log.revision)
        for id in decision.hold { group(id)?.isHeld.store(true, ordering: .releasing) }
        for id in decision.release { group(id)?.isHeld.store(false, ordering: .releasing) }
        if !decision.release.isEmpty { control.wakeAll() }
        snapshot.events += decision.events
        guard let hold = memoryGuard.hold else { return }
        let groups = hold.groups.map(\.name).joined(separator: ", ")
        snapshot.memoryHold = "MEMORY LIMIT \(memoryGuard.limit): \(groups) held while \(hold.channel) holds \(hold.depth)"
        if let index = snapshot.channels.firstIndex(where: { $0.id == hold.channel }) {
            snapshot.channels[index].situation = ChannelSituation(.memoryLimit, "\(groups) held at \(memoryGuard.limit)")
        }
    }

    /// The snapshot's shape before anything runs: the channels, groups and knobs with zero
    /// counters, for a CSV header. Consumes nothing (no events, no latency, no sampling state).
    public func layout() -> Snapshot {
        let channels = zip(zip(channelIDs, preset.channels), ledgers).map { named, ledger in
            var channel = ChannelSnapshot(
                id: named.0, stats: .idle(kind: named.1.kind),
                inPerSecond: 0, outPerSecond: 0, senderGroups: [], receiverGroups: [])
            channel.unfinished = ledger == nil ? nil : 0
            channel.kernel = named.1.transport.map { KernelFill(transport: $0, bytesQueued: 0, capacityBytes: 0, messageBytes: named.1.messageBytes) }
            if named.1.isPriorityChannel { channel.priorityLevels = PriorityLevelSnapshot.levels([], tags: named.1.priorityLevelTags, now: 0) }
            channel.link = named.1.link.map { _ in LinkSnapshot(reading: LinkReading(counters: LinkCounters(), settings: LinkSettings())) }
            return channel
        }
        let groups = preset.workers.map { GroupSnapshot(name: $0.name, workerStates: []) }
        var layout = Snapshot(tick: 0, time: 0, presetName: preset.name, channels: channels, groups: groups, knobs: knobs.snapshots())
        layout.mailboxes = preset.workers.compactMap { spec in spec.mailbox.map { MailboxSnapshot(group: spec.name, kind: $0) } }
        layout.managers = managerLayout
        return layout
    }
}
