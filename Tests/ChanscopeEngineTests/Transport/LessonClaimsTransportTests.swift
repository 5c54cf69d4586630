import Channels
import Foundation
import Glibc
import Testing
@testable import ChanscopeEngine

/// The transport presets' lessons, claim by claim, in the screen's own words.
@Suite("Lesson claims: transports", .serialized, .enabled(if: WorkerBinary.available, "the chanscope executable is not built next to the tests"))
struct LessonClaimsTransportTests {
    @Test("pipe: kernel climbs to 65536/65536 B = 64 msgs of 1024 B (less what the reader took of its page), then the writer is blocked in pipe_write; 4 drops with EAGAIN; K gives EPIPE")
    func pipe() throws {
        let preset = try LessonPresets.load("pipe").applying(overrides: ["produce_ms=0"])
        let experiment = Experiment(preset: preset)
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let full = watcher.waitFor(timeout: 30, "the pipe full and the writer in pipe_write") { snapshot in
            guard let kernel = snapshot.channel(named: "pipe")?.kernel else { return false }
            return kernel.bytesQueued > 65536 - 4096 && kernel.writer?.waitChannel.contains("pipe_write") == true
        }
        let kernel = try #require(full.channel(named: "pipe")?.kernel)
        #expect(kernel.capacityBytes == 65536 && kernel.capacityMessages == 64)
        #expect(full.channel(named: "pipe")?.kind == .bounded(64))
        let rising = watcher.waitFor(timeout: 30, "the writer's blocked share rising") { ($0.groups.first { $0.name == "writer" }?.blockedSendPercent ?? 0) > 50 }
        #expect(rising.channel(named: "pipe")?.situation.word == .backpressure)

        experiment.setKind(of: ChannelID("pipe"), to: .dropping)
        watcher.waitFor(timeout: 30, "EAGAIN drops") { ($0.channel(named: "pipe")?.kernel?.eagain ?? 0) > 0 }
        let dropping = watcher.snap().channel(named: "pipe")
        #expect(dropping?.counters.dropped == dropping?.kernel?.eagain)

        experiment.setKnob(.capacity(ChannelID("pipe")), to: 131072)
        watcher.waitFor(timeout: 30, "F_SETPIPE_SZ granted") { $0.channel(named: "pipe")?.kernel?.capacityBytes == 131072 }

        experiment.killProcess(of: GroupID("reader"))
        let broken = watcher.waitFor(timeout: 30, "EPIPE at the writer") { ($0.channel(named: "pipe")?.kernel?.epipe ?? 0) == 1 }
        #expect(broken.channel(named: "pipe")?.counters.failed == 1)

        // The message size is fixed while the processes run; R starts them again with it.
        for (bytes, messages) in [(4096, 16), (16, 4096)] {
            experiment.setKnob(.preset("message_bytes"), to: Double(bytes))
            watcher.waitFor(timeout: 10, "the log saying when it applies") { _ in
                watcher.events.contains { $0.text == "pipe: the message size is fixed while its processes run: R restarts with \(bytes) B" }
            }
            var restarted = experiment.currentPreset()
            restarted.channels[0].bufferBytes = 65536
            let again = Experiment(preset: restarted)
            let second = Watcher(again)
            again.start()
            defer { again.shutdown() }
            let sized = second.waitFor(timeout: 30, "the new pipe's fill") { ($0.channel(named: "pipe")?.kernel?.capacityBytes ?? 0) == 65536 }
            #expect(sized.channel(named: "pipe")?.kernel?.messageBytes == bytes)
            #expect(sized.channel(named: "pipe")?.kernel?.capacityMessages == messages)
            #expect(sized.channel(named: "pipe")?.kind == .dropping(messages), "R keeps the kind 4 chose, at the new size")
        }
    }

    @Test("named-pipe: the kernel line names the FIFO's path; it fills; c on the writer: the reader reads EOF and is disconnected")
    func namedPipe() throws {
        let preset = try LessonPresets.load("named-pipe").applying(overrides: ["produce_ms=0"])
        let experiment = Experiment(preset: preset)
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let full = watcher.waitFor(timeout: 30, "the FIFO full") { snapshot in
            guard let kernel = snapshot.channel(named: "fifo")?.kernel else { return false }
            return kernel.bytesQueued > 65536 - 4096 && kernel.capacityMessages == 32 && kernel.writer?.waitChannel.contains("pipe_write") == true
        }
        let path = try #require(full.channel(named: "fifo")?.kernel?.path)
        #expect(path.hasSuffix("/fifo") && path.contains(RunDirectory.prefix))
        experiment.setKnob(.preset("consume_ms"), to: 0)
        experiment.closeGroup(GroupID("writer"))
        let end = watcher.waitFor(timeout: 30, "EOF at the reader") { $0.channel(named: "fifo")?.kernel?.endOfFile == true }
        _ = end
        let done = watcher.waitFor(timeout: 30, "the reader disconnected") { $0.groups.first { $0.name == "reader" }?.instantStates == [.disconnected] }
        let channel = try #require(done.channel(named: "fifo"))
        #expect(channel.counters.received == channel.counters.accepted)
    }

    @Test("process-crash: after crash_after the log says sent SIGKILL; the producer gets EPIPE, failed 1, disconnected; the consumer reads killed")
    func processCrash() throws {
        let preset = try LessonPresets.load("process-crash").applying(overrides: ["crash_after=1", "produce_ms=0"])
        let experiment = Experiment(preset: preset)
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let crashed = watcher.waitFor(timeout: 30, "the producer disconnected") { $0.groups.first { $0.name == "producer" }?.instantStates == [.disconnected] }
        #expect(watcher.events.contains { $0.text.hasPrefix("crash_after 1 s: sent SIGKILL to consumer's process") })
        let channel = try #require(crashed.channel(named: "jobs"))
        #expect(channel.kernel?.epipe == 1 && channel.counters.failed == 1)
        #expect(channel.counters.discarded > 0)
        watcher.waitFor(timeout: 30, "the ending logged") { _ in watcher.events.contains { $0.text.hasSuffix("killed by SIGKILL") } }
        let killed = watcher.waitFor(timeout: 30, "the consumer shown killed") { $0.groups.first { $0.name == "consumer" }?.workerStates == [.killed] }
        #expect(killed.groups.first { $0.name == "consumer" }?.workerStates == [.killed], "killed, not finished")
        #expect(watcher.events.contains { $0.text == "consumer finished (killed)" })
    }
}
