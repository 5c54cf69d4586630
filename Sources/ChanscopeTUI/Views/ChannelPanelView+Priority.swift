import Channels
import ChanscopeEngine

/// A priority channel's counters line: what a priority queue never does (drop, overwrite) is
/// left out while it is 0, to make room for each level's depth and oldest wait, highest first:
/// `attempted 812  received 804  URGENT 7  NORMAL 1 oldest 2.4s  BULK 1 oldest 12s`.
extension ChannelPanelView {
    func priorityParts(_ levels: [PriorityLevelSnapshot], counters c: ChannelCounters) -> [(String, Style)] {
        var parts: [(String, Style)] = [("attempted \(c.attempted)  received \(c.received)", .plain)]
        for (word, count) in [("dropped", c.dropped), ("overwritten", c.overwritten), ("failed", c.failed), ("discarded", c.discarded)]
        where count > 0 {
            parts.append(("  \(word) \(count)", theme.alarm))
        }
        for level in levels.reversed() {
            parts.append(contentsOf: Self.levelParts(level, theme: theme))
        }
        return parts
    }

    /// One level: its tags (or `pN` when no tag is ranked there) and depth, and how long its
    /// oldest message has waited, in the warning colour while the level is starving (the
    /// channel's `STARVING` word names it); nothing while the kind is not `priority`.
    static func levelParts(_ level: PriorityLevelSnapshot, theme: Theme) -> [(String, Style)] {
        guard let depth = level.depth else { return [] }
        var parts: [(String, Style)] = [("  \(level.name) \(depth)", depth > 0 ? theme.label : theme.dim)]
        if let age = level.oldestAgeMilliseconds, depth > 0 {
            let text = NumberText.latency(microseconds: UInt64(saturating: age * 1000))
            parts.append((" oldest \(text)", level.isStarving ? theme.warning : theme.dim))
        }
        return parts
    }
}
