import CProcessSupport
import Channels
import Glibc
import Synchronization

/// The reading end of a pipe or FIFO as a worker's inlet, in the worker process.
///
/// One read of the message size takes one whole message (writes of at most `PIPE_BUF` are
/// atomic). The try is a `preadv2` with `RWF_NOWAIT`; the blocking receive a plain `read`, which
/// waits inside the kernel's `pipe_read`. A read that returns 0 is end of file: every writer is
/// gone and the pipe is empty (the course's `if not data: break`), so the inlet says
/// `disconnected`.
final class PipeReader: MessageInlet, @unchecked Sendable {
    private let fd: Int32
    private let size: Int
    private let report: SharedWords
    private let slot: ReportLayout.Channel
    private let buffer: UnsafeMutableRawPointer
    private let closed = Atomic<Bool>(false)

    init(fd: Int32, messageBytes: Int, report: SharedWords, channel: Int) {
        self.fd = fd
        size = messageBytes
        self.report = report
        slot = ReportLayout.Channel(channel)
        buffer = .allocate(byteCount: messageBytes, alignment: 8)
        report[slot.readerOpen] = 1
    }

    deinit {
        close()
        buffer.deallocate()
    }

    func tryReceive() -> ReceiveResult<Message> {
        let n = chanscope_try_read(fd, buffer, size)
        if n < 0 {
            if errno == EINTR { return tryReceive() }
            return errno == EAGAIN ? .empty : endOfFile()
        }
        return n == 0 ? endOfFile() : finish(from: n)
    }

    func receive() -> ReceiveResult<Message> { finish(from: 0) }

    /// Reads the rest of a message with blocking reads (all of it when `from` is 0).
    private func finish(from start: Int) -> ReceiveResult<Message> {
        var done = start
        while done < size {
            let n = Glibc.read(fd, buffer + done, size - done)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            return endOfFile()
        }
        let (message, stamp) = MessageFrame.decode(buffer)
        let now = MonotonicClock.now()
        report.increment(slot.latency(MessageFrame.latencyBucket(nanoseconds: now > stamp ? now - stamp : 0)))
        report.increment(slot.received)
        return .received(message, acceptedAt: stamp)
    }

    private func endOfFile() -> ReceiveResult<Message> {
        report[slot.endOfFile] = 1
        return .disconnected
    }

    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        report[slot.readerOpen] = 0
        Glibc.close(fd)
    }
}
