import CProcessSupport
import Channels
import Glibc
import Testing
@testable import ChanscopeEngine

/// The pipe's two ends as a worker uses them, in this process (the kernel behaves the same
/// whoever holds the ends): whole messages in order, the kernel's fill figures, a full buffer,
/// end of file and EPIPE.
@Suite("Pipe endpoints")
struct PipeEndpointTests {
    /// A fresh pipe with a writer and a reader over one shared report.
    final class Rig: @unchecked Sendable {
        let report = SharedWords(count: ReportLayout.words(channels: 1))!
        let writer: KernelWriter
        let reader: KernelReader
        let readFD: Int32
        let writeFD: Int32
        let slot = ReportLayout.Channel(0)

        init(messageBytes: Int = 16, dropping: Bool = false) {
            var fds: [Int32] = [-1, -1]
            precondition(chanscope_pipe(&fds) == 0)
            readFD = fds[0]
            writeFD = fds[1]
            writer = KernelWriter(io: KernelEndIO(transport: .pipe, fd: fds[1]), messageBytes: messageBytes, dropsWhenFull: dropping, report: report, channel: 0)
            reader = KernelReader(io: KernelEndIO(transport: .pipe, fd: fds[0]), messageBytes: messageBytes, report: report, channel: 0)
            signal(SIGPIPE, SIG_IGN)  // as in a worker process: EPIPE, not death
        }

        /// Writes until the pipe is full (the first `full`); how many went in.
        func fill() -> Int {
            var sent = 0
            while case .sent = writer.trySend(Message(sequence: UInt64(sent + 1), origin: 1)) { sent += 1 }
            return sent
        }
    }

    @Test("a message sent arrives whole and in order")
    func order() {
        let rig = Rig(messageBytes: 64)
        for n in 1...500 {
            guard case .sent = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) else { Issue.record("send \(n)"); return }
            if n % 3 == 0 {
                for m in (n - 2)...n {
                    guard case .received(let message, _) = rig.reader.receive() else { Issue.record("receive \(m)"); return }
                    #expect(message.sequence == UInt64(m))
                }
            }
        }
        for m in 499...500 {
            guard case .received(let message, _) = rig.reader.tryReceive() else { Issue.record("receive \(m)"); return }
            #expect(message.sequence == UInt64(m))
        }
        #expect(rig.reader.tryReceive().isEmpty)
        #expect(rig.report[rig.slot.accepted] == 500)
        #expect(rig.report[rig.slot.received] == 500)
    }

    @Test("FIONREAD counts the bytes written and F_GETPIPE_SZ the buffer", arguments: [16, 4096])
    func fill(messageBytes: Int) {
        let rig = Rig(messageBytes: messageBytes)
        for n in 1...10 { _ = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) }
        #expect(chanscope_bytes_queued(rig.readFD) == Int32(10 * messageBytes))
        #expect(chanscope_pipe_size(rig.writeFD) == 65536)
        _ = rig.reader.tryReceive()
        #expect(chanscope_bytes_queued(rig.writeFD) == Int32(9 * messageBytes))
    }

    @Test("a 64 KiB pipe holds 4,096 messages of 16 bytes but only 16 of 4 KiB")
    func capacityInMessages() {
        #expect(Rig(messageBytes: 16).fill() == 4096)
        #expect(Rig(messageBytes: 4096).fill() == 16)
    }

    @Test("a full pipe: a try gets full (EAGAIN, not counted); in dropping mode EAGAIN drops and counts")
    func full() {
        let bounded = Rig()
        let held = bounded.fill()
        #expect(held == 4096)
        #expect(bounded.report[bounded.slot.eagain] == 0)
        #expect(bounded.report[bounded.slot.attempted] == 4096)
        let dropping = Rig(dropping: true)
        #expect(dropping.fill() == 4096)  // the loop stops at the first result that is not `sent`
        if case .dropped = dropping.writer.send(Message(sequence: 9999, origin: 1)) {} else { Issue.record("expected dropped") }
        #expect(dropping.report[dropping.slot.eagain] == 2)
        #expect(dropping.report[dropping.slot.attempted] == 4098)
        #expect(dropping.report[dropping.slot.accepted] == 4096)
    }

    @Test("a blocking write on a full pipe waits in pipe_write until the reader frees a page")
    func blocksInPipeWrite() {
        let rig = Rig()
        _ = rig.fill()
        let thread = blockedWriter(rig.writer, asleepIn: "pipe_write")
        #expect(rig.report[rig.slot.accepted] == 4096)
        // The kernel keeps a pipe in pages: a waiting writer goes on once a whole page is free
        // (256 messages of 16 bytes), not after one message.
        for _ in 1...256 { _ = rig.reader.tryReceive() }
        thread.join()
        #expect(rig.report[rig.slot.accepted] == 4097)
    }

    @Test("the reader of a pipe whose writers are gone drains it, then reads end of file")
    func endOfFile() {
        let rig = Rig()
        for n in 1...3 { _ = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) }
        rig.writer.close()
        for _ in 1...3 { #expect(rig.reader.tryReceive().element != nil) }
        #expect(rig.reader.tryReceive().isDisconnected)
        #expect(rig.reader.receive().isDisconnected)
        #expect(rig.report[rig.slot.endOfFile] == 1)
        #expect(rig.report[rig.slot.writerOpen] == 0)
    }

    @Test("a writer whose readers are gone gets EPIPE (SIGPIPE handled), counted as failed")
    func brokenPipe() {
        let rig = Rig()
        rig.reader.close()
        guard case .disconnected(let back) = rig.writer.trySend(Message(sequence: 7, origin: 1)) else {
            Issue.record("expected disconnected")
            return
        }
        #expect(back.sequence == 7)
        guard case .disconnected = rig.writer.send(Message(sequence: 8, origin: 1)) else { Issue.record("expected disconnected"); return }
        #expect(rig.report[rig.slot.epipe] == 2)
        #expect(rig.report[rig.slot.attempted] == 2)
        #expect(rig.report[rig.slot.accepted] == 0)
    }

    @Test("F_SETPIPE_SZ: the kernel rounds up to a power of two pages, refuses to shrink below what is queued")
    func capacityChanges() {
        let rig = Rig()
        #expect(chanscope_set_pipe_size(rig.writeFD, 12288) == 16384)
        #expect(chanscope_pipe_size(rig.readFD) == 16384)
        #expect(chanscope_set_pipe_size(rig.writeFD, 8192) == 8192)
        for n in 1...300 { _ = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) }  // 4800 bytes: two pages
        #expect(chanscope_bytes_queued(rig.readFD) == 4800)
        #expect(chanscope_set_pipe_size(rig.writeFD, 4096) == -1)
        #expect(errno == EBUSY)
    }

    @Test("beyond /proc/sys/fs/pipe-max-size: refused without CAP_SYS_RESOURCE, and the slider's range stops there")
    func beyondTheSystemLimit() {
        let rig = Rig()
        let limit = SystemLimits.pipeMaxSize
        #expect(PresetLimits.pipeBuffer.upperBound == limit)
        #expect(KnobSpec.capacity(of: { var s = ChannelSpec(name: "p", kind: .bounded(1)); s.transport = .pipe; return s }()).max == Double(limit))
        let granted = chanscope_set_pipe_size(rig.writeFD, Int32(clamping: limit * 2))
        // With CAP_SYS_RESOURCE (root in a full container) the kernel may grant it; without, EPERM.
        #expect(granted == Int32(clamping: limit * 2) || (granted == -1 && errno == EPERM))
    }
}

/// Sends message 5000 from a thread of its own, and returns once that thread sleeps in the
/// kernel function `function` (from `/proc`); join the thread once the reader has made room.
func blockedWriter(_ writer: KernelWriter, asleepIn function: String, sourceLocation: SourceLocation = #_sourceLocation) -> JoinableThread {
    let tid = Atomic32()
    let thread = JoinableThread(name: "blocked-writer") {
        tid.store(chanscope_thread_id())
        _ = writer.send(Message(sequence: 5000, origin: 1))
    }
    waitUntil(timeout: 10, "the writer asleep in \(function)", sourceLocation: sourceLocation) {
        let id = tid.load()
        guard id > 0 else { return false }
        let inKernel = ThreadInKernel.read(pid: getpid(), tid: id)
        return inKernel.state == "S" && inKernel.waitChannel.contains(function)
    }
    return thread
}

/// A thread id handed from one thread to another.
final class Atomic32: @unchecked Sendable {
    private let lock = Locked<Int32>(0)
    func store(_ value: Int32) { lock.withLock { $0 = value } }
    func load() -> Int32 { lock.withLock { $0 } }
}

extension ReceiveResult {
    var isEmpty: Bool { if case .empty = self { true } else { false } }
    var isDisconnected: Bool { if case .disconnected = self { true } else { false } }
}

@Suite("Transport presets")
struct TransportPresetTests {
    @Test("R keeps a transport's kernel buffer and kind: the slider's bytes, the kind's family")
    func currentPresetKeepsTheBuffer() throws {
        let preset = try enginePreset("""
            name: T
            summary: t
            channels:
              p: { kind: bounded, transport: pipe, buffer_bytes: 65536, message_bytes: 1024 }
            workers:
              w: { count: 1, loop: [ make, { send: p } ] }
              r: { count: 1, loop: [ { recv: p } ] }
            """)
        let experiment = Experiment(preset: preset)  // not started: no process runs
        experiment.setKnob(.capacity(ChannelID("p")), to: 131072)
        experiment.setKind(of: ChannelID("p"), to: .dropping)
        let current = experiment.currentPreset()
        #expect(current.channels[0].bufferBytes == 131072)
        #expect(current.channels[0].kind == .dropping(128))
        #expect(current.channels[0].transport == .pipe)
    }

    @Test("a transport's keys are checked where they enter")
    func refusals() {
        func problems(_ channel: String, _ workers: String = "  w: { count: 1, loop: [ make, { send: p } ] }\n  r: { count: 1, loop: [ { recv: p } ] }") -> [String] {
            let q = workers.contains("q }") ? "  q: { kind: unbounded }\n" : ""
            let yaml = "name: T\nsummary: t\nchannels:\n  p: \(channel)\n\(q)knobs:\n  k: { value: 1, min: 0, max: 5 }\nworkers:\n\(workers)\n"
            do {
                _ = try PresetLoader.parse(yaml: yaml, source: "x.yaml")
                return []
            } catch { return error.lines }
        }
        #expect(problems("{ kind: bounded, transport: pipe }") == [])
        #expect(problems("{ kind: bounded, transport: socket }").contains { $0.contains("unknown transport \"socket\"; transports: pipe, fifo, unix-stream, unix-datagram, mqueue") })
        #expect(problems("{ kind: bounded, transport: unix-stream, buffer_bytes: 65536 }") == [])
        #expect(problems("{ kind: dropping, transport: unix-datagram }") == [])
        #expect(problems("{ kind: bounded, transport: mqueue, capacity: 3 }") == [])
        #expect(problems("{ kind: bounded, transport: unix-stream, buffer_bytes: 4096 }").contains { $0.contains("buffer_bytes must be 8192") && $0.contains("SO_SNDBUF") })
        #expect(problems("{ kind: bounded, transport: unix-stream, buffer_bytes: \(PresetLimits.socketBuffer.upperBound + 4096) }")
            .contains { $0.contains("wmem_max") })
        #expect(problems("{ kind: bounded, transport: mqueue, buffer_bytes: 65536 }").contains { $0.contains("write capacity (its mq_maxmsg)") })
        #expect(problems("{ kind: bounded, transport: mqueue, capacity: \(SystemLimits.queueMessagesMax + 1) }")
            .contains { $0.contains("capacity must be 1") && $0.contains("/proc/sys/fs/mqueue/msg_max") })
        // A message-size knob: its whole range must be sizes a message can have (k is 0-5).
        #expect(problems("{ kind: bounded, transport: pipe, message_bytes: k }").contains { $0.contains("bytes per message") })
        #expect(problems("{ kind: bounded, transport: pipe, message_bytes: nothing }").contains { $0.contains("nothing") })
        #expect(problems("{ kind: bounded, transport: unix-stream, capacity: 4 }").contains { $0.contains("write buffer_bytes instead of capacity") })
        #expect(problems("{ kind: overwriting, capacity: 4, transport: pipe }").contains { $0.contains("a transport is bounded") })
        #expect(problems("{ kind: bounded, capacity: 4, transport: pipe }").contains { $0.contains("write buffer_bytes instead of capacity") })
        #expect(problems("{ kind: bounded, transport: pipe, buffer_bytes: 100 }").contains { $0.contains("buffer_bytes must be 4096") })
        #expect(problems("{ kind: bounded, transport: pipe, buffer_bytes: \(SystemLimits.pipeMaxSize + 4096) }").contains { $0.contains("pipe-max-size") })
        #expect(problems("{ kind: bounded, transport: pipe, message_bytes: 8192 }").contains { $0.contains("message_bytes must be at most 4096") })
        #expect(problems("{ kind: bounded, capacity: 4, message_bytes: 64 }").contains { $0.contains("belong to a transport channel") })
        #expect(problems("{ kind: bounded, transport: pipe }", "  w: { count: 2, loop: [ make, { send: p } ] }\n  r: { count: 1, loop: [ { recv: p } ] }")
            .contains { $0.contains("one worker: write count: 1") })
        #expect(problems("{ kind: bounded, transport: pipe }", "  w: { count: 1, loop: [ make, { send: p }, { send: q } ] }\n  r: { count: 1, loop: [ { recv: p } ] }\n  s: { count: 1, loop: [ { recv: q } ] }")
            .contains { $0.contains("cannot also use q") })
        #expect(problems("{ kind: bounded, transport: pipe }", "  w: { count: 1, loop: [ make, { send: p } ] }\n  r: { count: 1, loop: [ { recv: p } ] }\n  s: { count: 1, loop: [ { recv: p } ] }")
            .contains { $0.contains("joins one writing group to one other reading group") })
        #expect(problems("{ kind: bounded, transport: pipe }", "  w: { count: 1, loop: [ make, { send: p } ] }\n  r: { count: 1, loop: [ { recv: p } ] }\n  t: { count: 1, crash_after: k, loop: [ make, { send: q } ] }\n  u: { count: 1, loop: [ { recv: q } ] }")
            .contains { $0.contains("crash_after kills a worker process") })
    }
}
