import CSV
import Foundation

/// Writes one CSV row per snapshot, with the columns the README's CSV recording section lists.
///
/// Each row is quoted by CSV.swift into memory and written to the file with one `write`, newline
/// included, so a row is complete on disk as soon as it is recorded and a crash loses at most the
/// row being written. The file is created exclusively: an existing file is never overwritten.
/// Not thread-safe by itself: callers use one recorder from one thread at a time (the sampler).
public final class CSVRecorder: @unchecked Sendable {
    public let path: String
    public let header: [String]
    private var descriptor: Int32
    /// Bytes of the file that hold complete lines.
    private var completeBytes = 0
    /// The `write` call: the system's, or a test's that simulates a full disk.
    private let writer: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
    /// Sample rows written so far (the header line is not counted).
    public private(set) var rowsWritten = 0

    /// Why recording could not start or go on.
    public struct RecorderError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Creates the file and writes the header for the channels, groups and knobs of `layout`.
    public init(
        path: String, layout: Snapshot,
        writer: @escaping @Sendable (Int32, UnsafeRawPointer, Int) -> Int = { Foundation.write($0, $1, $2) }
    ) throws(RecorderError) {
        self.path = path
        self.writer = writer
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
                "failed", "discarded", "in_per_s", "out_per_s", "latency_p50_ms", "latency_p99_ms", "situation"]
            {
                fields.append("\(channel.name).\(column)")
            }
            fields += kernelHeader(for: channel)
            fields += priorityHeader(for: channel)
            if channel.unfinished != nil { fields.append("\(channel.name).unfinished") }
            if channel.link != nil { fields += linkColumns.map { "\(channel.name).\($0)" } }
        }
        fields += mailboxHeader(for: snapshot)
        for group in snapshot.groups {
            for column in ["count", "done", "blocked_send_pct", "blocked_recv_pct", "empty_polls", "polls_per_s", "cpu_pct", "kernel_cpu_pct", "stopped_by_sentinel"] {
                fields.append("\(group.name).\(column)")
            }
            fields += managerHeader(for: snapshot.manager(ofGroup: group.name))
        }
        fields += snapshot.knobs.filter(\.isPresetKnob).map(\.name)
        fields.append("event")
        return fields
    }

    /// The row's fields for one snapshot, in header order.
    public static func row(for snapshot: Snapshot) -> [String] {
        var fields = [fixed(snapshot.time, 3)]
        for channel in snapshot.channels {
            let c = channel.counters
            let received = channel.stats.latency.count > 0
            fields += [
                channel.kind.name, channel.kind.capacity.map(String.init) ?? "", String(c.depth), String(c.attempted),
                String(c.accepted), String(c.received), String(c.dropped), String(c.overwritten), String(c.failed),
                String(c.discarded), fixed(channel.inPerSecond, 1), fixed(channel.outPerSecond, 1),
                // An interval in which nothing was received has no latency: left empty, not 0.
                received ? fixed(channel.latencyP50Milliseconds, 3) : "", received ? fixed(channel.latencyP99Milliseconds, 3) : "",
                channel.situation.word.rawValue,
            ]
            fields += kernelFields(for: channel)
            fields += priorityFields(for: channel)
            if let unfinished = channel.unfinished { fields.append(String(unfinished)) }
            if let link = channel.link { fields += linkFields(link) }
        }
        fields += mailboxRow(for: snapshot)
        for group in snapshot.groups {
            fields += [
                String(group.liveCount), String(group.done), fixed(group.blockedSendPercent, 1),
                fixed(group.blockedReceivePercent, 1), String(group.emptyPolls), fixed(group.pollsPerSecond, 1),
                fixed(group.cpuPercent, 1), fixed(group.kernelCPUPercent, 1), String(group.stoppedBySentinel),
            ]
            fields += managerFields(for: snapshot.manager(ofGroup: group.name))
        }
        fields += snapshot.knobs.filter(\.isPresetKnob).map { $0.spec.recorded($0.value) }
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

    /// Writes one row whole or not at all.
    ///
    /// WHY the care: on a full disk `write` writes part of a row and then fails with `ENOSPC`. A
    /// torn row would break every CSV reader, so the file is cut back to the last complete row,
    /// the message names the system's reason, and a file that holds no sample row yet is removed.
    private func writeRow(_ fields: [String]) throws(RecorderError) {
        guard descriptor >= 0 else { throw RecorderError(description: "recording to \(path) is closed") }
        var bytes = Array(CSVRecorder.line(fields).utf8)
        bytes.append(0x0A)
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                writer(descriptor, buffer.baseAddress! + done, buffer.count - done)
            }
            if count > 0 {
                done += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                let reason = count < 0 ? String(cString: strerror(errno)) : "the file system took no more bytes"
                _ = ftruncate(descriptor, off_t(completeBytes))
                close()
                if rowsWritten == 0 { _ = unlink(path) }
                throw RecorderError(description: "cannot write to \(path): \(reason); recording stopped after \(rowsWritten) rows")
            }
        }
        completeBytes += bytes.count
        rowsWritten += 1
    }

    /// One CSV line (without its newline), quoted as CSV.swift quotes.
    static func line(_ fields: [String]) -> String {
        let stream = OutputStream.toMemory()
        stream.open()
        defer { stream.close() }
        guard let writer = try? CSVWriter(stream: stream), (try? writer.write(row: fields)) != nil else {
            return fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }
        let data = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A number with a fixed count of decimals, locale-independent.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? NumberText.fixed(value, decimals: decimals) : ""
    }
}
