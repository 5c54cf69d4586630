import CProcessSupport
import Glibc

/// Opens the kernel ends a worker process holds, in an order that never leaves two processes
/// waiting for each other.
///
/// First every FIFO read end without waiting (a FIFO's writer's `open` waits for a reader); then
/// every writing end (a FIFO opened to write, a socket connected to its path: the parent bound
/// and listened before either process started, so `connect` does not wait; a message queue
/// opened by name); last the reading ends that wait for their writer: the FIFO's blocking open
/// and the stream socket's `accept`.
enum KernelEndOpener {
    /// Every end this process holds, by channel index; nil (and the errno) if one cannot be opened.
    static func openAll(_ channels: [WorkerProcessPlan.Channel]) -> [Int: KernelEndIO]? {
        var ends: [Int: KernelEndIO] = [:]
        var earlyFIFOReads: [Int: Int32] = [:]
        for (index, channel) in channels.enumerated() where channel.end == "read" && channel.kind == .fifo {
            guard let path = channel.path else { return nil }
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            earlyFIFOReads[index] = fd
        }
        for (index, channel) in channels.enumerated() where channel.end == "write" {
            guard let transport = channel.kind, let io = openWriting(channel, transport) else { return nil }
            ends[index] = io
        }
        for (index, channel) in channels.enumerated() where channel.end == "read" {
            guard let transport = channel.kind, let io = openReading(channel, transport, early: earlyFIFOReads[index]) else { return nil }
            ends[index] = io
        }
        return ends
    }

    private static func openWriting(_ channel: WorkerProcessPlan.Channel, _ transport: Transport) -> KernelEndIO? {
        let fd: Int32
        switch transport {
        case .pipe: fd = channel.fd ?? -1
        case .fifo: fd = channel.path.map { open($0, O_WRONLY | O_CLOEXEC) } ?? -1
        case .unixStream, .unixDatagram:
            fd = channel.path.map { chanscope_unix_connect($0, transport == .unixDatagram ? 1 : 0) } ?? -1
        case .mqueue:
            guard let name = channel.path else { return nil }
            let blocking = chanscope_mq_open(name, 1, 0), trying = chanscope_mq_open(name, 1, 1)
            guard blocking >= 0, trying >= 0 else { return nil }
            return KernelEndIO(transport: transport, fd: blocking, nonblockingFD: trying)
        }
        guard fd >= 0 else { return nil }
        let io = transport.isSocket ? KernelEndIO(transport: transport, fd: fd) : KernelEndIO.pipeEnd(transport, fd: fd, writing: true)
        if channel.capacityBytes > 0 { _ = io.setCapacity(bytes: channel.capacityBytes) }
        return io
    }

    private static func openReading(_ channel: WorkerProcessPlan.Channel, _ transport: Transport, early: Int32?) -> KernelEndIO? {
        switch transport {
        case .pipe:
            return channel.fd.map { KernelEndIO.pipeEnd(transport, fd: $0, writing: false) }
        case .unixDatagram:
            // Inherited: the datagram socket the parent bound to the path.
            return channel.fd.map { KernelEndIO(transport: transport, fd: $0) }
        case .fifo:
            // A FIFO read before any writer has opened it reads end of file: now that this
            // process's writing ends are open, wait (a blocking open) for the writer, then keep that.
            guard let path = channel.path else { return nil }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if let early { close(early) }
            return fd >= 0 ? KernelEndIO.pipeEnd(transport, fd: fd, writing: false) : nil
        case .unixStream:
            // The course's server: `accept()` makes the connection's own socket; the listening
            // one is no longer needed.
            guard let listening = channel.fd else { return nil }
            let fd = chanscope_unix_accept(listening)
            close(listening)
            return fd >= 0 ? KernelEndIO(transport: transport, fd: fd) : nil
        case .mqueue:
            guard let name = channel.path else { return nil }
            let blocking = chanscope_mq_open(name, 0, 0), trying = chanscope_mq_open(name, 0, 1)
            guard blocking >= 0, trying >= 0 else { return nil }
            return KernelEndIO(transport: transport, fd: blocking, nonblockingFD: trying)
        }
    }
}

extension WorkerProcessPlan.Channel {
    /// The channel's transport (nil for a channel between threads).
    var kind: Transport? { transport.flatMap(Transport.init(rawValue:)) }
}
