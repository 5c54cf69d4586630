import Channels
import Glibc
import Synchronization

/// The writing end of a kernel channel as a worker's outlet, in the worker process.
///
/// The descriptor stays blocking, so a send on a full buffer waits inside the kernel (in
/// `pipe_write`, `sock_alloc_send_pskb`, `unix_wait_for_peer` or `wq_sleep`), which is what
/// `/proc/PID/wchan` then names; the try first is one call that gets `EAGAIN` where a plain one
/// would wait (`RWF_NOWAIT`, `MSG_DONTWAIT`, a message queue's `O_NONBLOCK` descriptor). In the
/// `dropping` mode that `EAGAIN` is the message dropped. A peer that is gone (`EPIPE`,
/// `ECONNREFUSED`, `ECONNRESET`; `SIGPIPE` is ignored in the worker process) fails the send as
/// disconnected.
final class KernelWriter: MessageOutlet, @unchecked Sendable {
    private let io: KernelEndIO
    /// Bytes of one message on the wire: the framing (a stream socket's length) and the message.
    private let size: Int
    private let report: SharedWords
    private let slot: ReportLayout.Channel
    /// True while a full buffer drops the new message (`dropping`) instead of waiting (`bounded`).
    let dropsWhenFull: Atomic<Bool>
    private let buffer: UnsafeMutableRawPointer
    private let message: UnsafeMutableRawPointer
    private let closed = Atomic<Bool>(false)

    init(io: KernelEndIO, messageBytes: Int, dropsWhenFull: Bool, report: SharedWords, channel: Int) {
        self.io = io
        let framing = io.transport.framingBytes
        size = framing + messageBytes
        self.report = report
        slot = ReportLayout.Channel(channel)
        self.dropsWhenFull = Atomic(dropsWhenFull)
        buffer = .allocate(byteCount: size, alignment: 8)
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        // A stream socket's frame: the message's length first, little-endian.
        if framing > 0 { buffer.storeBytes(of: UInt32(messageBytes).littleEndian, as: UInt32.self) }
        message = buffer + framing
        report[slot.writerOpen] = 1
    }

    deinit {
        close()
        buffer.deallocate()
    }

    func trySend(_ message: Message) -> SendResult<Message> {
        MessageFrame.encode(message, stamp: MonotonicClock.now(), into: self.message)
        let written = io.write(buffer, size, wait: false)
        if written == size { return accepted() }
        if written >= 0 { return finish(from: written, message) }
        switch errno {
        case EAGAIN:
            guard dropsWhenFull.load(ordering: .relaxed) else { return .full(message) }
            report.increment(slot.eagain)
            report.increment(slot.attempted)
            return .dropped(message)
        case EINTR: return trySend(message)
        default: return refused(message)
        }
    }

    func send(_ message: Message) -> SendResult<Message> {
        if dropsWhenFull.load(ordering: .relaxed) { return trySend(message) }
        MessageFrame.encode(message, stamp: MonotonicClock.now(), into: self.message)
        return finish(from: 0, message)
    }

    /// Writes the rest of the message with blocking calls (all of it when `from` is 0); only a
    /// stream ever writes part of one.
    private func finish(from start: Int, _ message: Message) -> SendResult<Message> {
        var done = start
        while done < size {
            let n = io.write(buffer + done, size - done, wait: true)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            return refused(message)
        }
        return accepted()
    }

    private func accepted() -> SendResult<Message> {
        report.increment(slot.attempted)
        report.increment(slot.accepted)
        return .sent
    }

    /// A peer that is gone, or another error: the send fails as disconnected, and the report
    /// keeps the kernel's word for it.
    private func refused(_ message: Message) -> SendResult<Message> {
        let code = errno
        if KernelErrors.peerGone.contains(code) { report.increment(slot.epipe) }
        report[slot.writeErrno] = UInt64(code)
        report.increment(slot.attempted)
        return .disconnected(message)
    }

    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        report[slot.writerOpen] = 0
        io.close()
    }
}
