import Channels
import Foundation
import Glibc
import Testing
@testable import ChanscopeEngine

/// The socket and message-queue presets' lessons, claim by claim, in the screen's own words,
/// between real worker processes.
@Suite("Lesson claims: sockets and message queues", .serialized, .enabled(if: WorkerBinary.available, "the chanscope executable is not built next to the tests"))
struct LessonClaimsSocketQueueTests {
    /// The writer's and reader's ends of the one channel of `snapshot`.
    static func kernel(_ snapshot: Snapshot, _ name: String) -> KernelFill? { snapshot.channel(named: name)?.kernel }

    @Test("unix-socket: a 4 B length before each 16 B message; SIOCOUTQ counts ~768 B a message, 32768 B hold 43; full, the writer is blocked in sock_alloc_send_pskb and wakes when 3/4 is free; K on the writer: the reader drains, then EOF")
    func unixSocket() throws {
        let experiment = Experiment(preset: try LessonPresets.load("unix-socket"))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let full = watcher.waitFor(timeout: 30, "the send buffer full and the writer in sock_alloc_send_pskb") { snapshot in
            guard let kernel = Self.kernel(snapshot, "sock") else { return false }
            return kernel.inFlight >= kernel.capacityMessages - 1 && kernel.writer?.shownWaitChannel == "sock_alloc_send_pskb"
        }
        let kernel = try #require(Self.kernel(full, "sock"))
        // The stream's bytes are whole frames: a 4-byte length and the 16-byte message.
        #expect(kernel.frameBytes == 20 && kernel.bytesQueued % 20 == 0 && kernel.kernelCount == kernel.bytesQueued / 20)
        let perMessage = try #require(kernel.memoryPerMessage)
        #expect((700...840).contains(perMessage), "about 768 B of kernel memory a 16 B message")
        #expect(kernel.capacityBytes == 32768 && kernel.capacityMessages == (32768 + perMessage - 1) / perMessage)
        #expect(kernel.capacityMessages == 43 || perMessage != 768)
        #expect(full.channel(named: "sock")?.kind == .bounded(kernel.capacityMessages))
        #expect((kernel.sendMemory ?? 0) >= (kernel.capacityMessages - 1) * perMessage)
        // The writer goes on only once the buffer is three quarters free (unix_writable: memory
        // at most a quarter of SO_SNDBUF): the depth just before its next accepted write.
        var lowest = Int.max
        let accepted = full.channel(named: "sock")?.counters.accepted ?? 0
        watcher.waitFor(timeout: 30, "the writer writing again") { snapshot in
            guard let channel = snapshot.channel(named: "sock") else { return false }
            if channel.counters.accepted == accepted { lowest = min(lowest, channel.depth) }
            return channel.counters.accepted > accepted + 1
        }
        #expect(lowest <= kernel.capacityMessages / 4 + 2, "woke at depth \(lowest) of \(kernel.capacityMessages)")
        #expect(lowest >= kernel.capacityMessages / 4 - 3, "not before: woke at depth \(lowest) of \(kernel.capacityMessages)")

        experiment.setKnob(.preset("consume_ms"), to: 0)
        experiment.killProcess(of: GroupID("writer"))
        let end = watcher.waitFor(timeout: 30, "EOF at the reader") { snapshot in
            Self.kernel(snapshot, "sock")?.endOfFile == true && snapshot.groups.first { $0.name == "reader" }?.instantStates == [.disconnected]
        }
        let channel = try #require(end.channel(named: "sock"))
        #expect(channel.counters.received == channel.counters.accepted && channel.kernel?.readError == nil)
    }

    @Test("datagram-socket: SIOCINQ tells only the next datagram's size; the queue stops at 11 = max_dgram_qlen + 1, blocked in unix_wait_for_peer; K on the reader: ECONNREFUSED, failed 1; K on the writer: no EOF, the reader waits on")
    func datagramSocket() throws {
        let preset = try LessonPresets.load("datagram-socket")
        let experiment = Experiment(preset: preset)
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let full = watcher.waitFor(timeout: 30, "the queue full and the writer in unix_wait_for_peer") { snapshot in
            guard let kernel = Self.kernel(snapshot, "dgram") else { return false }
            return kernel.inFlight == kernel.capacityMessages && kernel.writer?.shownWaitChannel == "unix_wait_for_peer"
        }
        let kernel = try #require(Self.kernel(full, "dgram"))
        #expect(kernel.capacityMessages == SystemLimits.datagramQueue && kernel.datagramQueueLimit == SystemLimits.datagramQueue)
        #expect(kernel.bytesQueued == 16, "one datagram's size, not the queue's")
        #expect(kernel.kernelCount == nil && kernel.inFlight == full.channel(named: "dgram")?.depth)
        #expect(full.channel(named: "dgram")?.kind == .bounded(kernel.capacityMessages))

        experiment.killProcess(of: GroupID("reader"))
        let refused = watcher.waitFor(timeout: 30, "ECONNREFUSED at the writer") { (Self.kernel($0, "dgram")?.epipe ?? 0) >= 1 }
        #expect(Self.kernel(refused, "dgram")?.peerError == "ECONNREFUSED")
        #expect(refused.channel(named: "dgram")?.counters.failed == 1)
        #expect((refused.channel(named: "dgram")?.counters.discarded ?? 0) > 0, "the reader's socket took its queue with it")

        // r: a fresh experiment; g (the writer) and K this time.
        let again = Experiment(preset: preset)
        let second = Watcher(again)
        again.start()
        defer { again.shutdown() }
        second.waitFor(timeout: 30, "datagrams arriving") { ($0.channel(named: "dgram")?.counters.received ?? 0) >= 2 }
        again.setKnob(.preset("consume_ms"), to: 0)
        again.killProcess(of: GroupID("writer"))
        let drained = second.waitFor(timeout: 30, "the reader drained and waiting") { snapshot in
            guard let channel = snapshot.channel(named: "dgram") else { return false }
            return channel.depth == 0 && snapshot.groups.first { $0.name == "writer" }?.workerStates == [.killed]
                && snapshot.groups.first { $0.name == "reader" }?.instantStates == [.blockedOnReceive]
        }
        second.keepWatching(for: 1)
        let later = second.snap()
        #expect(Self.kernel(later, "dgram")?.endOfFile == false, "no connection, no end of file")
        #expect(later.groups.first { $0.name == "reader" }?.instantStates == [.blockedOnReceive])
        #expect(later.groups.first { $0.name == "reader" }?.workerStates == [.blockedOnReceive], "recv-blocked on the screen")
        #expect(later.channel(named: "dgram")?.counters.received == drained.channel(named: "dgram")?.counters.accepted)
    }

    @Test("message-queue: kernel 10/10 msgs is mq_curmsgs of mq_maxmsg; full, blocked in wq_sleep; mq_maxmsg 4 applies at R; K on the reader: no EPIPE, the queue outlives it and the writer waits")
    func messageQueue() throws {
        let experiment = Experiment(preset: try LessonPresets.load("message-queue"))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        let full = watcher.waitFor(timeout: 30, "the queue full and the writer in wq_sleep") { snapshot in
            guard let kernel = Self.kernel(snapshot, "jobs") else { return false }
            return kernel.kernelMessages == 10 && kernel.writer?.shownWaitChannel == "wq_sleep"
        }
        let kernel = try #require(Self.kernel(full, "jobs"))
        #expect(kernel.kernelCapacityMessages == 10 && kernel.capacityMessages == 10)
        #expect(full.channel(named: "jobs")?.kind == .bounded(10))
        #expect(full.channel(named: "jobs").map { abs($0.depth - 10) <= 1 } == true, "the processes' count agrees with mq_curmsgs")

        experiment.setKnob(.capacity(ChannelID("jobs")), to: 4)
        watcher.waitFor(timeout: 10, "the log saying when it applies") { _ in
            watcher.events.contains { $0.text == "jobs: mq_maxmsg is fixed when mq_open makes the queue: R restarts with 4" }
        }
        #expect(Self.kernel(watcher.snap(), "jobs")?.kernelCapacityMessages == 10, "the running queue keeps its mq_maxmsg")
        let restarted = Experiment(preset: experiment.currentPreset())
        let second = Watcher(restarted)
        restarted.start()
        defer { restarted.shutdown() }
        let smaller = second.waitFor(timeout: 30, "the new queue full at 4") { Self.kernel($0, "jobs")?.kernelMessages == 4 }
        #expect(Self.kernel(smaller, "jobs")?.kernelCapacityMessages == 4 && smaller.channel(named: "jobs")?.kind == .bounded(4))

        restarted.killProcess(of: GroupID("reader"))
        second.waitFor(timeout: 30, "the reader killed") { $0.groups.first { $0.name == "reader" }?.workerStates == [.killed] }
        let waiting = second.waitFor(timeout: 30, "the writer waiting on the full queue") { snapshot in
            Self.kernel(snapshot, "jobs")?.writer?.shownWaitChannel == "wq_sleep"
        }
        let channel = try #require(waiting.channel(named: "jobs"))
        #expect(channel.kernel?.epipe == 0 && channel.counters.failed == 0, "no EPIPE")
        #expect(channel.depth == 4 && channel.counters.discarded == 0, "the queue outlives its reader: what it holds stays")
    }
}
