import ChanscopeEngine

extension GroupRowView {
    /// A pool's busy and idle workers, sentinel stops and the last join's wait, where the group
    /// has them.
    func protocolParts() -> [Part] {
        var parts: [Part] = []
        if !group.waitingOn.isEmpty {
            let text = "waits on " + group.waitingOn.joined(separator: ", ")
            parts.append(Part(full: text, short: text, style: theme.info, rank: 4))
        }
        if group.isPool {
            let text = "busy \(group.busyCount) idle \(group.idleCount)"
            parts.append(Part(full: text, short: text, style: theme.info, rank: 4))
        }
        if group.stoppedBySentinel > 0 {
            parts.append(Part(
                full: "stopped by sentinel \(group.stoppedBySentinel)", short: "sentinel \(group.stoppedBySentinel)",
                style: theme.plain, rank: 4))
        }
        if let seconds = group.lastJoinSeconds {
            let text = "last join \(NumberText.fixed(seconds, decimals: 2)) s"
            parts.append(Part(full: text, short: text, style: theme.plain, rank: 4))
        }
        return parts
    }
}
