import Channels
import Foundation
import Glibc
import Testing
@testable import ChanscopeEngine

/// Transport channels between real worker processes: the kernel's buffer fills and blocks the
/// writer, the other side sees a process's death, and nothing outlives the experiment.
@Suite("Transport processes", .serialized, .enabled(if: WorkerBinary.available, "the chanscope executable is not built next to the tests"))
struct TransportProcessTests {
    static func pipePreset(transport: String = "pipe", produce: Int = 0, consume: Int = 1000, kind: String = "bounded", crash: Int = 0,
                           buffer: Int = 4096) throws -> Preset {
        try enginePreset("""
            name: T
            summary: t
            channels:
              p: { kind: \(kind), transport: \(transport), buffer_bytes: \(buffer), message_bytes: 16 }
            knobs:
              produce_ms: { value: \(produce), min: 0, max: 1000 }
              consume_ms: { value: \(consume), min: 0, max: 1000 }
              crash: { value: \(crash), min: 0, max: 60 }
            workers:
              writer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: p } ] }
              reader: { count: 1, crash_after: crash, loop: [ { recv: p }, { sleep: consume_ms } ] }
            """)
    }

    @Test("a pipe fills to its buffer and the writer process blocks in pipe_write", arguments: ["pipe", "fifo"])
    func fillsAndBlocks(transport: String) throws {
        let experiment = Experiment(preset: try Self.pipePreset(transport: transport, buffer: 65536))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        // The reader takes one message a second, so at most a few bytes of the 16 pages are free
        // when the writer waits (the kernel lets it on only once a whole page is free).
        let full = watcher.waitFor(timeout: 30, "the pipe full (events: \(watcher.events.map(\.text)))") { snapshot in
            guard let kernel = snapshot.channel(named: "p")?.kernel, let writer = kernel.writer else { return false }
            return kernel.bytesQueued >= kernel.capacityBytes - 64 && writer.isBlockedInKernel
        }
        let channel = try #require(full.channel(named: "p"))
        let kernel = try #require(channel.kernel)
        #expect(kernel.capacityBytes == 65536)
        #expect(kernel.writer?.waitChannel.contains("pipe_write") == true)
        #expect(channel.depth >= 4092 && channel.depth <= 4096)
        #expect(channel.kind == .bounded(4096))
        #expect(full.groups.first { $0.name == "writer" }?.instantStates == [.blockedOnSend])
        if transport == "fifo" {
            let path = try #require(kernel.path)
            var info = stat()
            #expect(stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        }
        let row = CSVRecorder.row(for: full)
        let header = CSVRecorder.header(for: full)
        let value = { (name: String) in row[header.firstIndex(of: name)!] }
        #expect(value("p.transport") == transport)
        #expect(value("p.kernel_bytes") == String(kernel.bytesQueued))
        #expect(value("p.kernel_capacity_bytes") == "65536")
        #expect(value("p.writer_wchan").contains("pipe_write"))
    }

    @Test("a dropping pipe never waits: EAGAIN counts as dropped")
    func dropping() throws {
        let experiment = Experiment(preset: try Self.pipePreset(kind: "dropping"))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let snapshot = watcher.waitFor(timeout: 30, "drops") { ($0.channel(named: "p")?.counters.dropped ?? 0) > 100 }
        let channel = try #require(snapshot.channel(named: "p"))
        #expect(channel.kernel?.eagain == channel.counters.dropped)
        #expect(snapshot.groups.first { $0.name == "writer" }?.blockedSendPercent == 0)
    }

    @Test("SIGKILL of the reader: the writer gets EPIPE, counted as failed; the log names the signal")
    func killReader() throws {
        let experiment = Experiment(preset: try Self.pipePreset(produce: 10, consume: 0))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        watcher.waitFor(timeout: 30, "messages flowing") { ($0.channel(named: "p")?.counters.received ?? 0) > 5 }
        let reader = try #require(experiment.processID(of: GroupID("reader")))
        experiment.killProcess(of: GroupID("reader"))
        let after = watcher.waitFor(timeout: 30, "EPIPE at the writer") { ($0.channel(named: "p")?.kernel?.epipe ?? 0) >= 1 }
        let channel = try #require(after.channel(named: "p"))
        #expect(channel.counters.failed == 1)
        #expect(channel.stats.receiversGone)
        watcher.waitFor(timeout: 30, "both endings logged") { _ in
            watcher.events.contains { $0.text == "reader's process (pid \(reader)) killed by SIGKILL" }
                && watcher.events.contains { $0.text.hasPrefix("writer's process") && $0.text.hasSuffix("exited with status 0") }
        }
        #expect(watcher.events.contains { $0.text == "sent SIGKILL to reader's process (pid \(reader))" })
        #expect(!processExists(reader))
    }

    @Test("the writer's end closes: the reader drains the pipe, then reads end of file")
    func endOfFile() throws {
        let preset = try enginePreset("""
            name: T
            summary: t
            channels:
              p: { kind: bounded, transport: pipe }
            workers:
              writer: { count: 1, limit: 50, loop: [ make, { send: p } ] }
              reader: { count: 1, loop: [ { recv: p } ] }
            """)
        let experiment = Experiment(preset: preset)
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let end = watcher.waitFor(timeout: 30, "EOF") { $0.channel(named: "p")?.kernel?.endOfFile == true && $0.endTime != nil }
        let channel = try #require(end.channel(named: "p"))
        #expect(channel.counters.received == 50)
        #expect(channel.counters.accepted == 50)
        #expect(end.groups.first { $0.name == "reader" }?.instantStates == [.disconnected])
    }

    @Test("crash_after kills the reader's process after the knob's seconds")
    func crashAfter() throws {
        let experiment = Experiment(preset: try Self.pipePreset(produce: 10, consume: 0, crash: 1))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        watcher.waitFor(timeout: 30, "the crash") { _ in watcher.events.contains { $0.text.hasPrefix("crash_after 1 s: sent SIGKILL to reader's process") } }
        let snapshot = watcher.waitFor(timeout: 30, "EPIPE") { ($0.channel(named: "p")?.counters.failed ?? 0) == 1 }
        #expect(snapshot.time >= 1)
    }

    @Test("knobs and pause reach the worker process")
    func controls() throws {
        let experiment = Experiment(preset: try Self.pipePreset(produce: 1000, consume: 0))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        // 1000 ms to 1 ms: a writer that waited a second between messages now sends hundreds a
        // second (and the test leaves the cores to the others running beside it).
        experiment.setKnob(.preset("produce_ms"), to: 1)
        watcher.waitFor(timeout: 30, "a fast writer after the knob") { ($0.channel(named: "p")?.counters.received ?? 0) > 50 }
        experiment.setPaused(true)
        // Each stops at its next step boundary; one already inside a write on a full pipe (or a
        // read on an empty one) stays blocked there, as a thread would on a channel.
        let paused = watcher.waitFor(timeout: 30, "both paused") { snapshot in
            [[.paused], [.blockedOnReceive]].contains(snapshot.groups.first { $0.name == "reader" }?.instantStates ?? [])
                && [[.paused], [.blockedOnSend]].contains(snapshot.groups.first { $0.name == "writer" }?.instantStates ?? [])
        }
        let received = paused.channel(named: "p")?.counters.received ?? 0
        experiment.setPaused(false)
        watcher.waitFor(timeout: 30, "running again") { ($0.channel(named: "p")?.counters.received ?? 0) > received + 20 }
    }
}
