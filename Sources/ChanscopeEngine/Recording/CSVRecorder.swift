import CSV
import Foundation

/// Writes one CSV row per snapshot, with the columns of DESIGN.md section 5.
///
/// Each row is quoted by CSV.swift into memory and written to the file with one `write`, newline
/// included, so a row is complete on disk as soon as it is recorded and a crash loses at most the
/// row being written. The file is created exclusively: an existing file is never overwritten.
/// Not thread-safe by itself: callers use one recorder from one thread at a time (the sampler).
public final class CSVRecorder: @unchecked Sendable {
    public let path: String
    public let header: [String]
    private var descriptor: Int32
    /// Sample rows written so far (the header line is not counted).
    public private(set) var rowsWritten = 0

    /// Why recording could not start or go on.
    public struct RecorderError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Creates the file and writes the header for the channels, groups and knobs of `layout`.
    public init(path: String, layout: Snapshot) throws(RecorderError) {
        self.path = path
        header = CSVRecorder.header(for: layout)
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            let reason = errno == EEXIST ? "file exists (chanscope never overwrites a recording)" : String(cString: strerror(errno))
            throw RecorderError(description: "cannot record to \(path): \(reason)")
        }
        try writeRow(header)
        rowsWritten = 0
    }

    deinit { close() }

    /// The header line's fields for a snapshot's channels, groups and knobs.
    ///
    /// Only the preset's own knobs get a column: capacities and worker counts are already the
    /// `CH.capacity` and `G.count` columns.
    public static func header(for snapshot: Snapshot) -> [String] {
        var fields = ["time_s"]
        for channel in snapshot.channels {
            for column in ["kind", "capacity", "depth", "attempted", "accepted", "received", "dropped", "overwritten",
                "failed", "discarded", "in_per_s", "out_per_s", "latency_p50_ms", "latency_p99_ms"]
            {
                fields.append("\(channel.name).\(column)")
            }
        }
        for group in snapshot.groups {
            for column in ["count", "done", "blocked_send_pct", "blocked_recv_pct", "empty_polls"] {
                fields.append("\(group.name).\(column)")
            }
        }
        fields += snapshot.knobs.filter { $0.target == .preset }.map(\.name)
        fields.append("event")
        return fields
    }

    /// The row's fields for one snapshot, in header order.
    public static func row(for snapshot: Snapshot) -> [String] {
        var fields = [fixed(snapshot.time, 3)]
        for channel in snapshot.channels {
            let c = channel.counters
            fields += [
                channel.kind.name, channel.kind.capacity.map(String.init) ?? "", String(c.depth), String(c.attempted),
                String(c.accepted), String(c.received), String(c.dropped), String(c.overwritten), String(c.failed),
                String(c.discarded), fixed(channel.inPerSecond, 1), fixed(channel.outPerSecond, 1),
                fixed(channel.latencyP50Milliseconds, 3), fixed(channel.latencyP99Milliseconds, 3),
            ]
        }
        for group in snapshot.groups {
            fields += [
                String(group.liveCount), String(group.done), fixed(group.blockedSendPercent, 1),
                fixed(group.blockedReceivePercent, 1), String(group.emptyPolls),
            ]
        }
        fields += snapshot.knobs.filter { $0.target == .preset }.map { fixed($0.value, $0.value == $0.value.rounded() ? 0 : 3) }
        fields.append(snapshot.events.map(\.text).joined(separator: "; "))
        return fields
    }

    /// Appends the snapshot's row and flushes it to the file.
    public func record(_ snapshot: Snapshot) throws(RecorderError) {
        try writeRow(CSVRecorder.row(for: snapshot))
    }

    /// Closes the file; idempotent.
    public func close() {
        if descriptor >= 0 {
            _ = Foundation.close(descriptor)
            descriptor = -1
        }
    }

    private func writeRow(_ fields: [String]) throws(RecorderError) {
        guard descriptor >= 0 else { throw RecorderError(description: "recording to \(path) is closed") }
        let stream = OutputStream.toMemory()
        stream.open()
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: fields)
        } catch {
            throw RecorderError(description: "cannot format a CSV row: \(error)")
        }
        stream.close()
        var bytes = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data()
        bytes.append(0x0A)
        let written = bytes.withUnsafeBytes { buffer in
            Foundation.write(descriptor, buffer.baseAddress, buffer.count)
        }
        guard written == bytes.count else {
            throw RecorderError(description: "cannot write to \(path): \(String(cString: strerror(errno)))")
        }
        rowsWritten += 1
    }

    /// A number with a fixed count of decimals, locale-independent.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "" }
        return String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}
