import CProcessSupport
import Channels
import Glibc
import Synchronization
import Testing
@testable import ChanscopeEngine

/// Both ends of a Unix socket, a message queue or a FIFO as a worker uses them, opened here by the
/// same code a worker process runs (the kernel behaves the same whoever holds the ends): whole
/// messages in order, the kernel's fill figures, a full buffer, what each end hears when the
/// other goes, and capacity within and beyond the system's limits.
@Suite("Socket and message queue endpoints", .serialized)
struct SocketQueueEndpointTests {
    static let serial = Atomic<Int>(100)

    /// The kernel object made as the parent makes it, both ends opened as worker processes open them.
    final class Rig: @unchecked Sendable {
        let report = SharedWords(count: ReportLayout.words(channels: 2))!
        let writer: KernelWriter
        let reader: KernelReader
        let writeIO: KernelEndIO
        let readIO: KernelEndIO
        let spec: ChannelSpec
        let directory: RunDirectory
        let name: String
        let slot = ReportLayout.Channel(0)

        init(_ transport: Transport, messageBytes: Int = 16, capacity: Int? = nil, dropping: Bool = false) {
            var spec = ChannelSpec(name: "c", kind: .bounded(1))
            spec.transport = transport
            spec.messageBytes = messageBytes
            spec.bufferBytes = capacity ?? PresetLimits.defaultBuffer(of: transport)
            spec.kind = .bounded(capacity ?? PresetLimits.queueMessages.upperBound)
            self.spec = spec
            directory = RunDirectory.make(serial: SocketQueueEndpointTests.serial.wrappingAdd(1, ordering: .relaxed).oldValue)!
            name = transport == .mqueue ? directory.queueName("c") : directory.file(transport == .fifo ? "c" : "c.sock")
            guard case .success(let made) = KernelObjects.make(spec, path: transport == .pipe ? nil : name, directory: directory) else {
                preconditionFailure("could not make the \(transport) object")
            }
            let plan = WorkerProcessPlan.Channel(name: "c", transport: transport.rawValue, dropsWhenFull: dropping,
                                                 capacityBytes: transport.countsCapacityInMessages ? 0 : spec.bufferBytes,
                                                 messageBytes: messageBytes, path: transport == .pipe ? nil : name, end: nil, fd: nil)
            var writing = plan, reading = plan
            writing.end = "write"
            writing.fd = made.writeFD
            reading.end = "read"
            reading.fd = made.readFD
            let ends = KernelEndOpener.openAll([writing, reading])!
            writeIO = ends[0]!
            readIO = ends[1]!
            // Both descriptors went to the one process here: what the reader's index opened is
            // channel 0's reading end too.
            writer = KernelWriter(io: writeIO, messageBytes: messageBytes, dropsWhenFull: dropping, report: report, channel: 0)
            reader = KernelReader(io: readIO, messageBytes: messageBytes, report: report, channel: 0)
            signal(SIGPIPE, SIG_IGN)
        }

        deinit {
            writer.close()
            reader.close()
            if spec.transport == .mqueue { _ = chanscope_mq_unlink(name) }
            directory.remove()
        }

        /// Writes until the first result that is not `sent`; how many went in.
        func fill() -> Int {
            var sent = 0
            while case .sent = writer.trySend(Message(sequence: UInt64(sent + 1), origin: 1)) { sent += 1 }
            return sent
        }

        /// What the kernel would hold, as the panel computes it before the kernel has said.
        var expectedCapacity: Int { Experiment.expectedCapacity(of: spec) }
    }

    static let transports: [Transport] = [.fifo, .unixStream, .unixDatagram, .mqueue]

    @Test("a message sent arrives whole and in order", arguments: transports, [16, 4096])
    func order(transport: Transport, messageBytes: Int) {
        let rig = Rig(transport, messageBytes: messageBytes)
        var next: UInt64 = 1
        for n in 1...200 {
            guard case .sent = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1, tag: UInt16(n % 7))) else { Issue.record("send \(n)"); return }
            // Drain before a queue of 10 (or 11 datagrams, or 16 pipe messages of 4 KiB) is full.
            if n % 5 == 0 {
                while next <= UInt64(n) {
                    guard case .received(let message, _) = rig.reader.receive() else { Issue.record("receive \(next)"); return }
                    #expect(message.sequence == next && message.tag == UInt16(next % 7))
                    next += 1
                }
            }
        }
        #expect(rig.reader.tryReceive().isEmpty)
        #expect(rig.report[rig.slot.accepted] == 200 && rig.report[rig.slot.received] == 200)
    }

    @Test("a stream socket's SIOCINQ counts payload and framing; SIOCOUTQ counts buffer memory, a message's bookkeeping included")
    func streamFill() {
        let rig = Rig(.unixStream)
        for n in 1...10 { _ = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) }
        let perMessage = KernelObjects.memoryPerMessage(.unixStream, frameBytes: 20)
        #expect(rig.readIO.fill(writing: false).queuedBytes == 10 * 20)
        #expect(rig.writeIO.fill(writing: true).sendMemory == perMessage.map { 10 * $0 })
        #expect((perMessage ?? 0) > 20 * 4)  // the bookkeeping dwarfs a 20-byte frame
        #expect(rig.writeIO.fill(writing: true).capacityBytes == PresetLimits.defaultBuffer(of: .unixStream))
        _ = rig.reader.tryReceive()
        #expect(rig.readIO.fill(writing: false).queuedBytes == 9 * 20)
    }

    @Test("a datagram socket's SIOCINQ tells only the next datagram's size")
    func datagramFill() {
        let rig = Rig(.unixDatagram, messageBytes: 64)
        for n in 1...5 { _ = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) }
        #expect(rig.readIO.fill(writing: false).queuedBytes == 64)
        #expect(rig.writeIO.fill(writing: true).sendMemory == KernelObjects.memoryPerMessage(.unixDatagram, frameBytes: 64).map { 5 * $0 })
    }

    @Test("a message queue counts its messages: mq_curmsgs of mq_maxmsg")
    func queueFill() {
        let rig = Rig(.mqueue, capacity: 7)
        for n in 1...4 { _ = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) }
        let fill = rig.readIO.fill(writing: false)
        #expect(fill.queuedMessages == 4 && fill.capacityMessages == 7)
        #expect(rig.writeIO.fill(writing: true) == fill)
    }

    @Test("a full buffer holds what the panel says it holds; then a try is full, and dropping counts EAGAIN",
          arguments: [Transport.fifo, .unixStream, .unixDatagram, .mqueue], [16, 4096])
    func full(transport: Transport, messageBytes: Int) {
        let rig = Rig(transport, messageBytes: messageBytes)
        let held = rig.fill()
        #expect(held == rig.expectedCapacity)
        if transport == .unixDatagram && messageBytes == 16 { #expect(held == SystemLimits.datagramQueue) }
        if transport == .mqueue { #expect(held == SystemLimits.queueMessagesMax) }
        #expect(rig.report[rig.slot.eagain] == 0)
        let dropping = Rig(transport, messageBytes: messageBytes, dropping: true)
        #expect(dropping.fill() == held)
        if case .dropped = dropping.writer.send(Message(sequence: 9999, origin: 1)) {} else { Issue.record("expected dropped") }
        #expect(dropping.report[dropping.slot.eagain] == 2)
        #expect(dropping.report[dropping.slot.accepted] == UInt64(held))
    }

    @Test("a blocking write on a full buffer waits inside the kernel, in the function /proc names, until the reader frees room",
          arguments: [(Transport.fifo, "pipe_write"), (.unixStream, "sock_alloc_send_pskb"), (.unixDatagram, "unix_wait_for_peer"), (.mqueue, "wq_sleep")])
    func blocksInTheKernel(transport: Transport, function: String) {
        let rig = Rig(transport)
        let held = rig.fill()
        let thread = blockedWriter(rig.writer, asleepIn: function)
        #expect(rig.report[rig.slot.accepted] == UInt64(held))
        // Every message arrives, the blocked one last, once the reader has made room.
        for n in 1...held + 1 {
            guard case .received(let message, _) = rig.reader.receive() else { Issue.record("receive \(n)"); break }
            #expect(message.sequence == (n == held + 1 ? 5000 : UInt64(n)))
        }
        thread.join()
        #expect(rig.report[rig.slot.accepted] == UInt64(held + 1))
    }

    @Test("a stream's reader drains what is left, then reads end of file once the writer closes")
    func streamEndOfFile() {
        let rig = Rig(.unixStream)
        for n in 1...3 { _ = rig.writer.trySend(Message(sequence: UInt64(n), origin: 1)) }
        rig.writer.close()
        for _ in 1...3 { #expect(rig.reader.tryReceive().element != nil) }
        #expect(rig.reader.receive().isDisconnected)
        #expect(rig.report[rig.slot.endOfFile] == 1 && rig.report[rig.slot.readErrno] == 0)
    }

    @Test("no end of file without a connection: a datagram socket's or message queue's reader only finds it empty",
          arguments: [Transport.unixDatagram, .mqueue])
    func noEndOfFile(transport: Transport) {
        let rig = Rig(transport)
        _ = rig.writer.trySend(Message(sequence: 1, origin: 1))
        rig.writer.close()
        #expect(rig.reader.tryReceive().element?.sequence == 1)
        #expect(rig.reader.tryReceive().isEmpty)
        #expect(rig.report[rig.slot.endOfFile] == 0)
    }

    @Test("a writer whose reader is gone: EPIPE on a stream, ECONNREFUSED on a datagram socket, counted as failed",
          arguments: [(Transport.unixStream, EPIPE), (.unixDatagram, ECONNREFUSED)])
    func readerGone(transport: Transport, code: Int32) {
        let rig = Rig(transport)
        rig.reader.close()
        guard case .disconnected = rig.writer.trySend(Message(sequence: 7, origin: 1)) else { Issue.record("expected disconnected"); return }
        #expect(rig.report[rig.slot.epipe] == 1)
        #expect(rig.report[rig.slot.writeErrno] == UInt64(code))
    }

    @Test("a message queue outlives its reader: the writer goes on filling it and hears nothing")
    func queueReaderGone() {
        let rig = Rig(.mqueue)
        rig.reader.close()
        #expect(rig.fill() == SystemLimits.queueMessagesMax)
        #expect(rig.report[rig.slot.epipe] == 0 && rig.report[rig.slot.writeErrno] == 0)
    }

    @Test("SO_SNDBUF: the slider's figure is what the kernel keeps (it doubles what is asked), capped at twice wmem_max")
    func socketCapacity() {
        let rig = Rig(.unixStream, capacity: 65536)
        #expect(chanscope_socket_send_buffer(rig.writeIO.fd) == 65536)
        #expect(rig.writeIO.setCapacity(bytes: 40960) == 0)
        #expect(chanscope_socket_send_buffer(rig.writeIO.fd) == 40960)
        #expect(rig.fill() == rig.expectedCapacity(bytes: 40960))
        // Beyond the range: the kernel quietly keeps its cap, and the slider stops there.
        #expect(rig.writeIO.setCapacity(bytes: 4 * PresetLimits.socketBuffer.upperBound) == 0)
        #expect(chanscope_socket_send_buffer(rig.writeIO.fd) == Int32(PresetLimits.socketBuffer.upperBound))
        #expect(KnobSpec.capacity(of: rig.spec).max == Double(PresetLimits.socketBuffer.upperBound))
    }

    @Test("mq_maxmsg beyond /proc/sys/fs/mqueue/msg_max: mq_open refuses it, and the slider stops at the limit")
    func queueCapacity() {
        let name = "/\(RunDirectory.prefix)\(getpid())-limit-test"
        let beyond = chanscope_mq_create(name, SystemLimits.queueMessagesMax + 1, 16)
        if beyond == 0 { _ = chanscope_mq_unlink(name) }
        // Only with CAP_SYS_RESOURCE may a queue hold more.
        #expect(beyond == -1 && errno == EINVAL || beyond == 0)
        var spec = ChannelSpec(name: "q", kind: .bounded(4))
        spec.transport = .mqueue
        let knob = KnobSpec.capacity(of: spec)
        #expect(knob.value == 4 && knob.min == 1 && knob.max == Double(SystemLimits.queueMessagesMax) && knob.unit == "msgs")
    }
}

extension SocketQueueEndpointTests.Rig {
    /// What the panel says a send buffer of `bytes` holds.
    func expectedCapacity(bytes: Int) -> Int {
        var resized = spec
        resized.bufferBytes = bytes
        return Experiment.expectedCapacity(of: resized)
    }
}
