import CSV
import Foundation
import Testing
@testable import ChanscopeEngine

/// Each transport preset run headless shows its lesson in the recorded numbers: the kernel's
/// fill reaches the buffer's limit, the writer waits in the kernel function the lesson names, and
/// the identities hold on every row.
@Suite("Transport recordings", .serialized, .enabled(if: WorkerBinary.available, "the chanscope executable is not built next to the tests"))
struct TransportRecordingTests {
    /// The recorded rows of `preset` run headless for `seconds`, by column name.
    static func record(_ preset: String, _ overrides: [String] = [], seconds: Double) throws -> [[String: String]] {
        let path = NSTemporaryDirectory() + "chanscope-transport-\(getpid())-\(preset).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try HeadlessRunner.run(try LessonPresets.load(preset).applying(overrides: overrides),
                                            options: HeadlessOptions(duration: seconds, sampleHz: 20, recordPath: path))
        #expect(result.violations.isEmpty)
        let reader = try CSVReader(string: try String(contentsOfFile: path, encoding: .utf8), hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) })) }
        return rows
    }

    @Test("pipe: CH.kernel_bytes reaches the pipe's size while the writer waits in pipe_write")
    func pipe() throws {
        let rows = try Self.record("pipe", ["produce_ms=0"], seconds: 3)
        #expect(rows.contains { Int($0["pipe.kernel_bytes"] ?? "") ?? 0 > 65536 - 4096 && ($0["pipe.writer_wchan"] ?? "").contains("pipe_write") })
        #expect(rows.allSatisfy { $0["pipe.kernel_msgs"] == "" }, "a pipe counts bytes, not messages")
    }

    @Test("unix-socket: CH.send_memory_bytes reaches SO_SNDBUF while the writer waits in sock_alloc_send_pskb")
    func unixSocket() throws {
        let rows = try Self.record("unix-socket", ["produce_ms=0"], seconds: 3)
        #expect(rows.contains { row in
            let memory = Int(row["sock.send_memory_bytes"] ?? "") ?? 0
            return memory >= 32768 - 1024 && row["sock.writer_wchan"] == "sock_alloc_send_pskb"
        })
        #expect(rows.contains { Int($0["sock.kernel_bytes"] ?? "") ?? 0 > 0 && (Int($0["sock.kernel_bytes"]!)! % 20) == 0 })
    }

    @Test("datagram-socket: the queue holds CH.kernel_capacity_msgs = max_dgram_qlen + 1 while the writer waits in unix_wait_for_peer")
    func datagramSocket() throws {
        let rows = try Self.record("datagram-socket", ["produce_ms=0"], seconds: 3)
        #expect(rows.contains { $0["dgram.depth"] == String(SystemLimits.datagramQueue) && $0["dgram.writer_wchan"] == "unix_wait_for_peer" })
        #expect(rows.last?["dgram.kernel_capacity_msgs"] == String(SystemLimits.datagramQueue))
        #expect(rows.allSatisfy { $0["dgram.kernel_msgs"] == "" }, "the kernel does not count them")
    }

    @Test("message-queue: CH.kernel_msgs reaches mq_maxmsg while the writer waits in wq_sleep")
    func messageQueue() throws {
        let rows = try Self.record("message-queue", ["produce_ms=0"], seconds: 3)
        #expect(rows.contains { $0["jobs.kernel_msgs"] == "10" && $0["jobs.writer_wchan"] == "wq_sleep" })
        #expect(rows.allSatisfy { $0["jobs.kernel_bytes"] == "" && $0["jobs.kernel_capacity_bytes"] == "" })
    }
}
