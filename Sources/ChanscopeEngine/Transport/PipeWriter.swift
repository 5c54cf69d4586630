import CProcessSupport
import Channels
import Glibc
import Synchronization

/// The writing end of a pipe or FIFO as a worker's outlet, in the worker process.
///
/// The descriptor stays blocking, so a send on a full pipe waits inside the kernel's
/// `pipe_write`, which is what `/proc/PID/wchan` then names; the try first is a `pwritev2` with
/// `RWF_NOWAIT`, one system call, which gets `EAGAIN` where a plain write would wait. In the
/// `dropping` mode that `EAGAIN` is the message dropped. `EPIPE` (no reader left; `SIGPIPE` is
/// ignored in the worker process) fails the send as disconnected.
final class PipeWriter: MessageOutlet, @unchecked Sendable {
    private let fd: Int32
    private let size: Int
    private let report: SharedWords
    private let slot: ReportLayout.Channel
    /// True while a full pipe drops the new message (`dropping`) instead of waiting (`bounded`).
    let dropsWhenFull: Atomic<Bool>
    private let buffer: UnsafeMutableRawPointer
    private let closed = Atomic<Bool>(false)

    init(fd: Int32, messageBytes: Int, dropsWhenFull: Bool, report: SharedWords, channel: Int) {
        self.fd = fd
        size = messageBytes
        self.report = report
        slot = ReportLayout.Channel(channel)
        self.dropsWhenFull = Atomic(dropsWhenFull)
        buffer = .allocate(byteCount: messageBytes, alignment: 8)
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: messageBytes)
        report[slot.writerOpen] = 1
    }

    deinit {
        close()
        buffer.deallocate()
    }

    func trySend(_ message: Message) -> SendResult<Message> {
        MessageFrame.encode(message, stamp: MonotonicClock.now(), into: buffer)
        let written = chanscope_try_write(fd, buffer, size)
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
        MessageFrame.encode(message, stamp: MonotonicClock.now(), into: buffer)
        return finish(from: 0, message)
    }

    /// Writes the rest of the message with blocking writes (all of it when `from` is 0).
    private func finish(from start: Int, _ message: Message) -> SendResult<Message> {
        var done = start
        while done < size {
            let n = Glibc.write(fd, buffer + done, size - done)
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

    /// `EPIPE` (every reader gone) or another error: the send fails as disconnected.
    private func refused(_ message: Message) -> SendResult<Message> {
        if errno == EPIPE { report.increment(slot.epipe) }
        report.increment(slot.attempted)
        return .disconnected(message)
    }

    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        report[slot.writerOpen] = 0
        Glibc.close(fd)
    }
}
