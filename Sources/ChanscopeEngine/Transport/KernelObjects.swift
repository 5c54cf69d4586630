import Channels
import CProcessSupport
import Glibc
import Synchronization

/// The kernel objects the parent makes before any worker process starts, one per transport
/// channel.
enum KernelObjects {
    /// What was made: descriptors to hand to the writing and reading processes (the parent
    /// closes its copies once both have started).
    struct Made {
        var writeFD: Int32?
        var readFD: Int32?

        func closeParentCopies() {
            for fd in [writeFD, readFD].compactMap({ $0 }) { close(fd) }
        }
    }

    /// Makes channel `spec`'s object: a pipe's two ends; a FIFO at `path`; a stream socket bound
    /// and listening at `path` (the reader's process accepts on it); a datagram socket bound at
    /// `path` (the reader's); a message queue named `path` with the channel's `mq_maxmsg` and
    /// message size, recorded in the run's folder so a later start can remove it if this run is
    /// killed. The failure is a line for the event log.
    static func make(_ spec: ChannelSpec, path: String?, directory: RunDirectory?) -> Result<Made, Problem> {
        func failed(_ call: String) -> Result<Made, Problem> {
            .failure(Problem(text: "\(spec.name): \(call): \(String(cString: strerror(errno)))"))
        }
        switch spec.transport {
        case nil: return .success(Made())
        case .pipe:
            var fds: [Int32] = [-1, -1]
            return chanscope_pipe(&fds) == 0 ? .success(Made(writeFD: fds[1], readFD: fds[0])) : failed("pipe")
        case .fifo:
            guard let path else { return failed("no run folder") }
            return mkfifo(path, 0o600) == 0 ? .success(Made()) : failed("mkfifo \(path)")
        case .unixStream:
            guard let path else { return failed("no run folder") }
            let fd = chanscope_unix_listen(path)
            return fd >= 0 ? .success(Made(readFD: fd)) : failed("bind and listen \(path)")
        case .unixDatagram:
            guard let path else { return failed("no run folder") }
            let fd = chanscope_unix_bind_datagram(path)
            return fd >= 0 ? .success(Made(readFD: fd)) : failed("bind \(path)")
        case .mqueue:
            guard let path, let directory else { return failed("no run folder") }
            directory.noteQueue(path)
            let capacity = spec.kind.capacity ?? 1
            return chanscope_mq_create(path, capacity, spec.messageBytes) == 0 ? .success(Made()) : failed("mq_open \(path)")
        }
    }

    struct Problem: Error {
        var text: String
    }

    /// The buffer memory one message of `frameBytes` takes in a socket of `transport`: one test
    /// message through a fresh socket pair of that type, and the kernel's `SIOCOUTQ` for it (768
    /// bytes for a 16-byte message here: the socket buffer's bookkeeping dwarfs a small message).
    /// Measured once per type and size; nil where the kernel would not say.
    static func memoryPerMessage(_ transport: Transport, frameBytes: Int) -> Int? {
        guard transport.isSocket else { return nil }
        let key = "\(transport.rawValue)-\(frameBytes)"
        if let known = measured.withLock({ $0[key] }) { return known }
        var fds: [Int32] = [-1, -1]
        let type = transport == .unixDatagram ? SOCK_DGRAM : SOCK_STREAM
        guard socketpair(AF_UNIX, Int32(type.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else { return nil }
        defer { close(fds[0]); close(fds[1]) }
        let buffer = [UInt8](repeating: 0, count: frameBytes)
        guard chanscope_socket_send(fds[0], buffer, frameBytes, 0) == frameBytes else { return nil }
        let used = Int(chanscope_socket_outq(fds[0]))
        guard used > 0 else { return nil }
        measured.withLock { $0[key] = used }
        return used
    }

    private static let measured = Locked<[String: Int]>([:])
}
