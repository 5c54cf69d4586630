/// The one-line progress display of a headless run, rewritten in place on a terminal.
///
/// Channel names and the deadlock text come from a preset file: they go through
/// `terminalSafe`, so the line can hold no control character (a newline would break the
/// rewriting in place, an ESC would be obeyed).
public enum ProgressLine {
    /// e.g. `3.2/10 s  work 8/8 in 9.8/s out 6.6/s  | producer blocked 41%`.
    public static func render(_ snapshot: Snapshot, duration: Double) -> String {
        var parts = ["\(CSVRecorder.fixed(snapshot.time, 1))/\(CSVRecorder.fixed(duration, 0)) s"]
        for channel in snapshot.channels {
            let capacity = channel.kind.capacity.map { "/\($0)" } ?? ""
            parts.append("\(channel.name.terminalSafe) \(channel.depth)\(capacity) in \(CSVRecorder.fixed(channel.inPerSecond, 1))/s out \(CSVRecorder.fixed(channel.outPerSecond, 1))/s")
        }
        if let deadlock = snapshot.deadlock { parts.append("DEADLOCK \(deadlock)".terminalSafe) }
        return String(parts.joined(separator: "  ").prefix(200))
    }
}
