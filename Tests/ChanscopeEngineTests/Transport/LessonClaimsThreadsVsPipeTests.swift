import Channels
import Foundation
import Glibc
import Testing
@testable import ChanscopeEngine

/// The `threads-vs-pipe` lesson, claim by claim: the same loop over a channel between threads
/// and over a pipe between processes.
///
/// The claims are the ones that hold on any build and any load: what the two channels are, the
/// system calls each message costs (counted by the kernel in `/proc/.../io`, not timed), and
/// what both pairs do once the consumers set the pace. Which pair moves more per second flat out
/// depends on the build and the machine (see the README's transport section), so the lesson
/// asks the class to compare and claims no ratio.
@Suite("Lesson claims: threads vs pipe", .serialized, .enabled(if: WorkerBinary.available, "the chanscope executable is not built next to the tests"))
struct LessonClaimsThreadsVsPipeTests {
    /// The kernel's count of read-family and write-family system calls (`syscr`, `syscw`) of a
    /// process or of one thread (`/proc/PID/task/TID/io`).
    static func systemCalls(_ path: String) -> (reads: UInt64, writes: UInt64)? {
        guard let text = try? String(contentsOfFile: path + "/io", encoding: .utf8) else { return nil }
        var fields: [String: UInt64] = [:]
        for line in text.split(separator: "\n") {
            let pair = line.split(separator: ":")
            if pair.count == 2 { fields[String(pair[0])] = UInt64(pair[1].trimmingCharacters(in: .whitespaces)) }
        }
        guard let reads = fields["syscr"], let writes = fields["syscw"] else { return nil }
        return (reads, writes)
    }

    /// This process's threads whose name starts with `prefix` (a worker thread is `GROUP-ID`).
    static func threads(named prefix: String) -> [String] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.map { "/proc/self/task/\($0)" }.filter { task in
            ((try? String(contentsOfFile: task + "/comm", encoding: .utf8)) ?? "").hasPrefix(prefix)
        }
    }

    /// The preset as loaded, running, for `body` to watch; shut down after.
    static func running(_ body: (Watcher) throws -> Void) throws {
        let experiment = Experiment(preset: try LessonPresets.load("threads-vs-pipe"))
        experiment.start()
        defer { experiment.shutdown() }
        try body(Watcher(experiment))
    }

    @Test("threads-vs-pipe: both bounded(4096) of 16 B msgs, two threads beside two processes; flat out both flow and all four use CPU")
    func whatTheTwoAre() throws {
        try Self.running { watcher in
            let flowing = watcher.waitFor(timeout: 30, "both channels moving and every group's CPU read") { snapshot in
                ["threads", "pipe"].allSatisfy { (snapshot.channel(named: $0)?.outPerSecond ?? 0) > 0 }
                    && ["producer", "consumer", "writer", "reader"].allSatisfy { (snapshot.group(named: $0)?.cpuPercent ?? 0) > 0 }
            }
            #expect(flowing.ch("threads").kind == .bounded(4096) && flowing.ch("pipe").kind == .bounded(4096))
            #expect(flowing.ch("threads").kernel == nil, "threads is a channel in this process")
            let kernel = try #require(flowing.ch("pipe").kernel)
            #expect(kernel.messageBytes == 16 && kernel.capacityBytes == 65536 && kernel.capacityMessages == 4096)
            let pids = [kernel.writer?.pid, kernel.reader?.pid].compactMap { $0 }
            #expect(pids.count == 2 && Set(pids).count == 2 && !pids.contains(getpid()), "two processes of their own: \(pids)")
            #expect(MemoryLayout<Message>.stride == kernel.messageBytes, "a thread's message is 16 B too")
        }
    }

    @Test("threads-vs-pipe: the pipe's writer and reader spend part of their CPU in the kernel: CPU N% (M% kernel)")
    func kernelShareOfTheCPU() throws {
        try Self.running { watcher in
            // Once the 2 s window holds only flat-out running, over two more seconds.
            watcher.waitFor(timeout: 30, "2.5 s of flat out") { $0.time >= 2.5 }
            var late: [Snapshot] = []
            let start = MonotonicClock.now()
            while secondsSince(start) < 2 {
                late.append(watcher.snap())
                usleep(50_000)
            }
            func kernel(_ group: String) -> Double { HeadlessResult.mean(late) { $0.group(named: group)?.kernelCPUPercent } }
            func cpu(_ group: String) -> Double { HeadlessResult.mean(late) { $0.group(named: group)?.cpuPercent } }
            // How much depends on the build (a debug loop's own cost dwarfs a write(2); under the
            // thread sanitizer the threads' futex waits count too): the claim is that it shows,
            // as part of the CPU. That the threads make no system call a message is counted in
            // /proc (`systemCallsPerMessage`).
            for end in ["writer", "reader"] {
                #expect(kernel(end) > 0, "\(end) shows no time in the kernel")
                #expect(kernel(end) <= cpu(end), "part of its CPU: \(kernel(end))% of \(cpu(end))%")
            }
        }
    }

    @Test("threads-vs-pipe: each pipe message is at least a write(2) and a read(2); the threads make no system call per message")
    func systemCallsPerMessage() throws {
        try Self.running { watcher in
            let busy = watcher.waitFor(timeout: 30, "10,000 messages through each") { snapshot in
                ["producer", "writer"].allSatisfy { (snapshot.group(named: $0)?.sent ?? 0) >= 10_000 }
                    && ["consumer", "reader"].allSatisfy { (snapshot.group(named: $0)?.received ?? 0) >= 10_000 }
            }
            let kernel = try #require(busy.ch("pipe").kernel)
            // Read the kernel's counts after the snapshot: they only grow, so each covers at least
            // the messages the snapshot counted.
            let writerPid = try #require(kernel.writer?.pid), readerPid = try #require(kernel.reader?.pid)
            let writer = try #require(Self.systemCalls("/proc/\(writerPid)"))
            let reader = try #require(Self.systemCalls("/proc/\(readerPid)"))
            #expect(writer.writes >= busy.g("writer").sent, "writer: \(writer.writes) writes for \(busy.g("writer").sent) messages")
            #expect(reader.reads >= busy.g("reader").received, "reader: \(reader.reads) reads for \(busy.g("reader").received) messages")
            let threads = Self.threads(named: "producer-") + Self.threads(named: "consumer-")
            #expect(threads.count >= 2, "the producer's and the consumer's threads")
            let messages = min(busy.g("producer").sent, busy.g("consumer").received)
            for thread in threads {
                let calls = try #require(Self.systemCalls(thread))
                #expect(calls.reads + calls.writes < messages / 100, "\(thread): \(calls) for \(messages) messages")
            }
        }
    }

    @Test("threads-vs-pipe: Consumer wait 10 ms: both fill and read BACKPRESSURE; producer send-blocked, writer blocked in pipe_write; out alike, under 100/s")
    func atTheConsumersPace() throws {
        try Self.running { watcher in
            watcher.experiment.setKnob(.preset("consume_ms"), to: 10)
            let full = watcher.waitFor(timeout: 30, "both full, BACKPRESSURE") { snapshot in
                ["threads", "pipe"].allSatisfy { snapshot.word($0) == .backpressure }
            }
            #expect(full.ch("threads").depth > 4096 - 8, "full but for what the consumer just took")
            // The head page the reader is taking from is freed only when it is empty: the pipe
            // holds its 4096 messages less what the reader took of that page (256 messages).
            #expect(full.ch("pipe").depth > 4096 - 256)
            watcher.waitFor(timeout: 30, "the producer send-blocked, the writer blocked in pipe_write") { snapshot in
                snapshot.now("producer", .blockedOnSend) == 1
                    && snapshot.channel(named: "pipe")?.kernel?.writer.map { $0.isBlockedInKernel && $0.waitChannel.contains("pipe_write") } == true
            }
            // Counted over 3 s from the channels' own counters, not one sample's rate.
            let before = watcher.snap()
            watcher.keepWatching(for: 3)
            let after = watcher.snap()
            func out(_ name: String) -> Double {
                Double(after.ch(name).counters.received - before.ch(name).counters.received) / (after.time - before.time)
            }
            let threads = out("threads"), pipe = out("pipe")
            #expect(threads > 20 && threads < 100 && pipe > 20 && pipe < 100, "out: threads \(threads)/s, pipe \(pipe)/s")
            #expect(max(threads, pipe) / min(threads, pipe) < 1.5, "out alike: threads \(threads)/s, pipe \(pipe)/s")
        }
    }

    @Test("threads-vs-pipe recorded at Consumer wait 10 ms: both channels full, the writer in pipe_write, the two received counts alike")
    func recorded() throws {
        let rows = try TransportRecordingTests.record("threads-vs-pipe", ["consume_ms=10"], seconds: 4)
        func number(_ row: [String: String], _ column: String) -> Double { Double(row[column] ?? "") ?? -1 }
        #expect(rows.contains { number($0, "threads.depth") > 4096 - 8 && $0["threads.situation"] == "BACKPRESSURE" })
        #expect(rows.contains { number($0, "pipe.kernel_bytes") > 65536 - 4096 && ($0["pipe.writer_wchan"] ?? "").contains("pipe_write") })
        // Over the last 2 s of rows, counted from the received columns (not one row's rate).
        let last = try #require(rows.last), start = try #require(rows.last { number($0, "time_s") <= number(last, "time_s") - 2 })
        let seconds = number(last, "time_s") - number(start, "time_s")
        let threads = (number(last, "threads.received") - number(start, "threads.received")) / seconds
        let pipe = (number(last, "pipe.received") - number(start, "pipe.received")) / seconds
        #expect(threads > 20 && threads < 100 && pipe > 20 && pipe < 100 && max(threads, pipe) / min(threads, pipe) < 1.5,
                "received per second: threads \(threads), pipe \(pipe)")
    }
}
