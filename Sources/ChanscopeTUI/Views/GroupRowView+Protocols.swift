import ChanscopeEngine

extension GroupRowView {
    /// What blocked workers wait on, a pool's busy and idle workers and the last join's wait,
    /// where the group has them.
    func protocolParts() -> [Part] {
        var parts: [Part] = []
        if !group.waitingOn.isEmpty {
            let names = group.waitingOn.joined(separator: ", ")
            // What a worker waits on at this instant matters most when the group spends most of
            // its time blocked (a deadlock, backpressure); a group blocked now and then keeps
            // its blocked shares and CPU before a word that comes and goes with each sample.
            let mostlyBlocked = max(group.blockedSendPercent, group.blockedReceivePercent) >= 50
            parts.append(Part(full: "waits on " + names, short: "on " + names, style: theme.info, rank: mostlyBlocked ? 5 : 3))
        }
        if group.isPool && group.liveCount > 0 {
            let text = "busy \(group.busyCount) idle \(group.idleCount)"
            parts.append(Part(full: text, short: text, style: theme.info, rank: 4))
        }
        if let seconds = group.lastJoinSeconds {
            let text = "last join \(NumberText.fixed(seconds, decimals: 2)) s"
            parts.append(Part(full: text, short: text, style: theme.plain, rank: 4))
        }
        return parts
    }

    /// After "N finished" in the state words, how many of them a sentinel stopped: the words are
    /// never cut, so a narrow screen still tells a sentinel stop from a finished limit.
    func sentinelNote(for state: WorkerState) -> String {
        state == .finished && group.stoppedBySentinel > 0 ? " (\(group.stoppedBySentinel) by sentinel)" : ""
    }
}
