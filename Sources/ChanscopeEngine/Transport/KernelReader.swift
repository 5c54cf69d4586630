import Channels
import Glibc
import Synchronization

/// The reading end of a kernel channel as a worker's inlet, in the worker process.
///
/// On a pipe one read of the message size takes one whole message (writes of at most `PIPE_BUF`
/// are atomic); on a stream socket the reader takes the 4-byte length first and then that many
/// bytes, because a stream keeps no boundaries; a datagram socket and a message queue hand over
/// one whole message per call. The try is one call that never waits; the blocking receive waits
/// inside the kernel. A read that returns 0 on a byte stream is end of file (every writer is gone
/// and nothing is left: the course's `if not data: break`), as is `ECONNRESET`, so the inlet says
/// `disconnected`.
final class KernelReader: MessageInlet, @unchecked Sendable {
    private let io: KernelEndIO
    private let size: Int
    private let framing: Int
    private let report: SharedWords
    private let slot: ReportLayout.Channel
    private let buffer: UnsafeMutableRawPointer
    private let closed = Atomic<Bool>(false)

    init(io: KernelEndIO, messageBytes: Int, report: SharedWords, channel: Int) {
        self.io = io
        size = messageBytes
        framing = io.transport.framingBytes
        self.report = report
        slot = ReportLayout.Channel(channel)
        buffer = .allocate(byteCount: max(messageBytes, MessageFrame.maxBytes), alignment: 8)
        report[slot.readerOpen] = 1
    }

    deinit {
        close()
        buffer.deallocate()
    }

    func tryReceive() -> ReceiveResult<Message> {
        let first = framing > 0 ? framing : size
        let n = io.read(buffer, first, wait: false)
        if n < 0 {
            if errno == EINTR { return tryReceive() }
            return errno == EAGAIN ? .empty : endOfFile(errno)
        }
        if n == 0 { return endOfFile(0) }
        return framing > 0 ? framed(from: n) : whole(from: n)
    }

    func receive() -> ReceiveResult<Message> { framing > 0 ? framed(from: 0) : whole(from: 0) }

    /// A stream socket's message: the length (`have` bytes of it read already), then the message.
    private func framed(from have: Int) -> ReceiveResult<Message> {
        guard readFully(0, framing, from: have) else { return endOfFile(errno) }
        let length = Int(UInt32(littleEndian: buffer.loadUnaligned(as: UInt32.self)))
        // A length this side could not have been sent is a broken stream, not a message.
        guard length >= MessageFrame.headerBytes, length <= MessageFrame.maxBytes else { return endOfFile(EPROTO) }
        guard readFully(0, length, from: 0) else { return endOfFile(errno) }
        return delivered()
    }

    /// A message of the channel's size, `have` bytes of it read already (only a byte stream ever
    /// hands over part of one).
    private func whole(from have: Int) -> ReceiveResult<Message> {
        if io.transport.keepsBoundaries {
            if have > 0 { return delivered() }
            let n = io.read(buffer, size, wait: true)
            if n < 0 && errno == EINTR { return whole(from: 0) }
            return n > 0 ? delivered() : endOfFile(n < 0 ? errno : 0)
        }
        return readFully(0, size, from: have) ? delivered() : endOfFile(errno)
    }

    /// Blocking reads until `count` bytes from `offset` are in the buffer; false at end of file or
    /// on an error (errno says which; 0 at end of file).
    private func readFully(_ offset: Int, _ count: Int, from have: Int) -> Bool {
        var done = have
        while done < count {
            let n = io.read(buffer + offset + done, count - done, wait: true)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n == 0 { errno = 0 }
            return false
        }
        return true
    }

    private func delivered() -> ReceiveResult<Message> {
        let (message, stamp) = MessageFrame.decode(buffer)
        let now = MonotonicClock.now()
        report.increment(slot.latency(MessageFrame.latencyBucket(nanoseconds: now > stamp ? now - stamp : 0)))
        report.increment(slot.received)
        return .received(message, acceptedAt: stamp)
    }

    /// End of file (`code` 0) or a reset connection: every writer is gone.
    private func endOfFile(_ code: Int32) -> ReceiveResult<Message> {
        report[slot.readErrno] = UInt64(code)
        report[slot.endOfFile] = 1
        return .disconnected
    }

    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        report[slot.readerOpen] = 0
        io.close()
    }
}
