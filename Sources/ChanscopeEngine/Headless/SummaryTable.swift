/// The plain-text tables printed at the end of a run without a screen.
///
/// Names and event texts come from preset files, so every one goes through `terminalSafe`: a
/// control character in a summary is shown escaped, never obeyed by the terminal.
public enum SummaryTable {
    /// Per-channel and per-group tables for the final snapshot, then the events.
    public static func render(_ result: HeadlessResult) -> String {
        guard let final = result.final else { return "no samples were taken\n" }
        var lines: [String] = []
        lines.append("\(final.presetName.terminalSafe): \(NumberText.fixed(final.time, decimals: 1)) s, \(result.sampleCount) samples")
        lines.append("")
        let channelRows = final.channels.map { channel -> [String] in
            let c = channel.counters
            return [
                channel.name.terminalSafe, channel.kind.description, String(c.depth), String(result.maxDepth(of: channel.name)),
                String(c.attempted), String(c.accepted), String(c.received), String(c.dropped), String(c.overwritten),
                String(c.failed), String(c.discarded), c.identitiesHold ? "ok" : "BROKEN", channel.situation.description,
            ]
        }
        let allChannelRows = channelRows + mailboxRows(final)
        lines += table(
            header: ["channel", "kind", "depth", "max", "attempted", "accepted", "received", "dropped", "overwritten", "failed", "discarded", "identities", "situation"],
            rows: allChannelRows, rightAligned: 2...10)
        lines.append("")
        let groupRows = final.groups.map { group -> [String] in
            [
                group.name.terminalSafe, String(group.workerStates.count), String(group.made), String(group.done), String(group.sent),
                String(group.received), String(group.emptyPolls), String(group.abandoned),
                group.workerStates.isEmpty ? "-" : stateSummary(group.workerStates)
                    + (group.stoppedBySentinel > 0 ? "; \(group.stoppedBySentinel) stopped by sentinel" : ""),
            ]
        }
        lines += table(
            header: ["group", "workers", "made", "done", "sent", "received", "empty polls", "abandoned", "end state"],
            rows: groupRows, rightAligned: 1...7)
        let events = result.events
        if !events.isEmpty {
            lines.append("")
            lines.append("events:")
            for event in events.suffix(20) {
                lines.append("  " + NumberText.fixed(event.time, decimals: 1).leftPadded(to: 6) + " s  " + event.text.terminalSafe)
            }
            if result.eventCount > 20 { lines.append("  (\(result.eventCount - 20) earlier events not shown)") }
        }
        if result.violations.isEmpty {
            lines.append("")
            lines.append("accounting: attempted = accepted + dropped + failed and accepted = received + overwritten + depth + discarded held in every sample")
            lines += linkAccountingLines(result)
        } else {
            lines.append("")
            lines.append("ACCOUNTING BROKEN:")
            lines += result.violations.map { "  " + $0.terminalSafe }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func stateSummary(_ states: [WorkerState]) -> String {
        var counts: [(WorkerState, Int)] = []
        for state in states {
            if let index = counts.firstIndex(where: { $0.0 == state }) { counts[index].1 += 1 } else { counts.append((state, 1)) }
        }
        return counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    }

    /// Columns padded to their widest cell.
    static func table(header: [String], rows: [[String]], rightAligned: ClosedRange<Int>) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                rightAligned.contains(column) ? row[column].leftPadded(to: widths[column]) : row[column].rightPadded(to: widths[column])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}
