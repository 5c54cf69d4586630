import CProcessSupport
import Glibc

/// The system calls of one end of a kernel channel, by transport: one message written or read,
/// with or without waiting, and what the kernel says about the end's fill.
///
/// WHY one value with a switch rather than a type per transport: the writer and reader around it
/// (framing, counting, `EAGAIN` as a drop, end of file) are the same for every transport; only
/// these calls differ, and each is one line.
struct KernelEndIO: Sendable {
    let transport: Transport
    /// The descriptor the blocking calls use (so `/proc/PID/wchan` names where they wait).
    let fd: Int32
    /// A second, non-blocking descriptor of the same object for the tries: `O_NONBLOCK` belongs
    /// to an open description, so a try and a blocking call need one each. A message queue's,
    /// or a pipe's or FIFO's opened again through `/proc/self/fd` (one plain `write` a try, where
    /// `RWF_NOWAIT` would cost more, and on a FIFO is refused, costing a `poll` and a second call);
    /// -1 where there is none (a socket's try is `MSG_DONTWAIT`).
    let nonblockingFD: Int32

    init(transport: Transport, fd: Int32, nonblockingFD: Int32 = -1) {
        self.transport = transport
        self.fd = fd
        self.nonblockingFD = nonblockingFD
    }

    /// Writes `count` bytes (one message, or the rest of one on a stream): bytes written, or -1
    /// with errno (`EAGAIN` when `wait` is false and it would have to wait).
    func write(_ buffer: UnsafeRawPointer, _ count: Int, wait: Bool) -> Int {
        switch transport {
        case .pipe, .fifo:
            wait ? Glibc.write(fd, buffer, count)
                : nonblockingFD >= 0 ? Glibc.write(nonblockingFD, buffer, count) : chanscope_try_write(fd, buffer, count)
        case .unixStream, .unixDatagram: chanscope_socket_send(fd, buffer, count, wait ? 1 : 0)
        case .mqueue: chanscope_mq_send(wait ? fd : nonblockingFD, buffer, count) == 0 ? count : -1
        }
    }

    /// Reads up to `count` bytes (a whole message where the kernel keeps boundaries): bytes
    /// read, 0 at end of file, or -1 with errno.
    func read(_ buffer: UnsafeMutableRawPointer, _ count: Int, wait: Bool) -> Int {
        switch transport {
        case .pipe, .fifo:
            wait ? Glibc.read(fd, buffer, count)
                : nonblockingFD >= 0 ? Glibc.read(nonblockingFD, buffer, count) : chanscope_try_read(fd, buffer, count)
        case .unixStream, .unixDatagram: chanscope_socket_recv(fd, buffer, count, wait ? 1 : 0)
        case .mqueue: chanscope_mq_receive(wait ? fd : nonblockingFD, buffer, count)
        }
    }

    /// What the kernel says about this end now; fields it does not tell stay nil.
    func fill(writing: Bool) -> KernelEndFill {
        var fill = KernelEndFill()
        switch transport {
        case .pipe, .fifo:
            fill.queuedBytes = Self.known(chanscope_bytes_queued(fd))
            fill.capacityBytes = Self.known(chanscope_pipe_size(fd))
        case .unixStream, .unixDatagram:
            if writing {
                fill.sendMemory = Self.known(chanscope_socket_outq(fd))
                fill.capacityBytes = Self.known(chanscope_socket_send_buffer(fd))
            } else {
                fill.queuedBytes = Self.known(chanscope_socket_inq(fd))
            }
        case .mqueue:
            var current = 0, limit = 0, size = 0
            if chanscope_mq_attributes(fd, &current, &limit, &size) == 0 {
                fill.queuedMessages = current
                fill.capacityMessages = limit
            }
        }
        return fill
    }

    /// Asks the kernel for a buffer of `bytes` (a pipe's `F_SETPIPE_SZ`, a socket's `SO_SNDBUF`);
    /// 0, or the errno it refused with. A message queue's `mq_maxmsg` is fixed when it is made.
    func setCapacity(bytes: Int) -> Int32 {
        let asked = Int32(clamping: bytes)
        switch transport {
        case .pipe, .fifo: return chanscope_set_pipe_size(fd, asked) < 0 ? errno : 0
        // The kernel doubles what it is asked (half is its bookkeeping): ask half, so what
        // `SO_SNDBUF` then reads is the figure the slider shows.
        case .unixStream, .unixDatagram: return chanscope_set_socket_send_buffer(fd, asked / 2) < 0 ? errno : 0
        case .mqueue: return EPERM
        }
    }

    func close() {
        switch transport {
        case .mqueue:
            _ = chanscope_mq_close(fd)
            if nonblockingFD >= 0 { _ = chanscope_mq_close(nonblockingFD) }
        default:
            Glibc.close(fd)
            if nonblockingFD >= 0 { Glibc.close(nonblockingFD) }
        }
    }

    /// A pipe's or FIFO's end with its non-blocking twin: the same pipe opened again through
    /// `/proc/self/fd` (a new open description, so its `O_NONBLOCK` is its own). Without one
    /// (no `/proc`), the tries fall back to `RWF_NOWAIT`.
    static func pipeEnd(_ transport: Transport, fd: Int32, writing: Bool) -> KernelEndIO {
        let twin = open("/proc/self/fd/\(fd)", (writing ? O_WRONLY : O_RDONLY) | O_NONBLOCK | O_CLOEXEC)
        return KernelEndIO(transport: transport, fd: fd, nonblockingFD: twin)
    }

    private static func known(_ value: Int32) -> Int? { value >= 0 ? Int(value) : nil }
}

/// One end's fill figures as its process read them (nil: this end's kernel does not tell).
struct KernelEndFill: Equatable {
    /// Bytes waiting to be read: `FIONREAD` on a pipe, `SIOCINQ` on a socket (a datagram
    /// socket's next datagram only).
    var queuedBytes: Int?
    /// The buffer's size: `F_GETPIPE_SZ`, or the writer's `SO_SNDBUF`.
    var capacityBytes: Int?
    /// A message queue's `mq_curmsgs` and `mq_maxmsg`.
    var queuedMessages: Int?
    var capacityMessages: Int?
    /// A socket writer's `SIOCOUTQ`: buffer memory its unread messages hold, bookkeeping included.
    var sendMemory: Int?
}
