/// What the kernel says about a transport channel at one sample, for the panel and the CSV.
public struct KernelFill: Sendable, Hashable {
    /// One end's process as `/proc` shows it.
    public struct End: Sendable, Hashable {
        public var group: String
        public var pid: Int32
        /// The kernel function the worker's thread waits in (`/proc/PID/task/TID/wchan`, e.g.
        /// `pipe_write`), empty when it runs or the kernel does not say.
        public var waitChannel: String
        /// The thread's state letter from `/proc/PID/task/TID/stat` (`S` sleeping, `R` running).
        public var processState: String
        /// How the process ended (`killed by SIGKILL`), nil while it runs.
        public var ending: String?
        /// The kernel function this end's thread was last seen waiting in, and whether its worker
        /// spent the sampling window mostly blocked (what its row shows).
        public var lastWaitChannel: String = ""
        public var spentBlocked: Bool = false

        public init(group: String, pid: Int32, waitChannel: String = "", processState: String = "", ending: String? = nil) {
            self.group = group
            self.pid = pid
            self.waitChannel = waitChannel
            self.processState = processState
            self.ending = ending
        }

        /// Whether the thread is asleep inside the kernel function it names.
        public var isBlockedInKernel: Bool { processState == "S" || processState == "D" ? !waitChannel.isEmpty : false }

        /// The kernel function the screen names: while the worker's row says it is blocked (it
        /// spent the window mostly so), where it waits now or was last seen waiting; otherwise
        /// none, so the kernel line and the row never disagree at a glance.
        public var shownWaitChannel: String? {
            guard spentBlocked else { return nil }
            let name = isBlockedInKernel ? waitChannel : lastWaitChannel
            return name.isEmpty ? nil : name
        }
    }

    public var transport: Transport
    /// Bytes queued in the kernel: `FIONREAD` on a pipe, `SIOCINQ` on a stream socket (payload);
    /// on a datagram socket `SIOCINQ` tells only the next datagram's size, which is what this
    /// holds there. 0 for a message queue (it counts messages).
    public var bytesQueued: Int
    /// The buffer's size: `F_GETPIPE_SZ`, or the writer's `SO_SNDBUF` on a socket.
    public var capacityBytes: Int
    public var messageBytes: Int
    /// Non-blocking writes refused with `EAGAIN`, and writes refused because the reader is gone
    /// (`EPIPE` on a pipe or stream, `ECONNREFUSED` on a datagram socket: `peerError` names it).
    public var eagain: UInt64
    public var epipe: UInt64
    /// The kernel's word for the last refused write (`EPIPE`), nil while none was.
    public var peerError: String?
    /// Whether the reader has read end of file, and the error that ended its stream instead
    /// (`ECONNRESET`), if one did.
    public var endOfFile: Bool
    public var readError: String?
    /// The FIFO's or socket's path, or the message queue's name.
    public var path: String?
    public var writer: End?
    public var reader: End?
    /// A message queue's `mq_curmsgs` and `mq_maxmsg` (the kernel counts its messages).
    public var kernelMessages: Int?
    public var kernelCapacityMessages: Int?
    /// A socket writer's `SIOCOUTQ`: buffer memory held by what it sent and is not yet read,
    /// the kernel's bookkeeping included; and what one message takes of it.
    public var sendMemory: Int?
    public var memoryPerMessage: Int?
    /// Messages written and not yet read, as the two processes count them (what a datagram
    /// socket holds: the kernel does not say).
    public var inFlight: Int
    /// A datagram socket's queue limit: `/proc/sys/net/unix/max_dgram_qlen` + 1 datagrams
    /// wait for a reader that is not connected back to the writer.
    public var datagramQueueLimit: Int?

    public init(transport: Transport, bytesQueued: Int, capacityBytes: Int, messageBytes: Int, eagain: UInt64 = 0,
                epipe: UInt64 = 0, endOfFile: Bool = false, path: String? = nil, writer: End? = nil, reader: End? = nil) {
        self.transport = transport
        self.bytesQueued = bytesQueued
        self.capacityBytes = capacityBytes
        self.messageBytes = messageBytes
        self.eagain = eagain
        self.epipe = epipe
        self.endOfFile = endOfFile
        self.path = path
        self.writer = writer
        self.reader = reader
        inFlight = 0
    }

    /// Bytes one message takes on the wire (a stream socket's 4-byte length included).
    public var frameBytes: Int { messageBytes + transport.framingBytes }

    /// Whole messages the buffer holds: a pipe's bytes over the message size (65,536 / 16 =
    /// 4,096); a message queue's `mq_maxmsg`; a socket's send buffer over the memory one message
    /// takes of it (rounded up: a write goes in while the buffer is not yet full), and for a
    /// datagram socket no more than its queue limit.
    public var capacityMessages: Int {
        switch transport {
        case .pipe, .fifo:
            return frameBytes > 0 ? capacityBytes / frameBytes : 0
        case .mqueue:
            return kernelCapacityMessages ?? 0
        case .unixStream, .unixDatagram:
            let perMessage = max(1, memoryPerMessage ?? frameBytes)
            let fit = capacityBytes > 0 ? (capacityBytes + perMessage - 1) / perMessage : 0
            return datagramQueueLimit.map { min($0, fit) } ?? fit
        }
    }

    /// Messages in the kernel's buffer as the kernel counts them: a pipe's or stream's bytes
    /// over the frame, a queue's `mq_curmsgs`; nil for a datagram socket (it does not say).
    public var kernelCount: Int? {
        switch transport {
        case .pipe, .fifo, .unixStream: frameBytes > 0 ? bytesQueued / frameBytes : 0
        case .mqueue: kernelMessages
        case .unixDatagram: nil
        }
    }
}

extension KernelFill {
    /// What this system says a message of this channel takes: a socket's buffer memory a
    /// message (measured once per size) and a datagram socket's queue limit, so the whole messages
    /// the buffer holds are worked out the same way before the kernel has said and after.
    mutating func addSystemFigures() {
        memoryPerMessage = KernelObjects.memoryPerMessage(transport, frameBytes: frameBytes)
        datagramQueueLimit = transport == .unixDatagram ? SystemLimits.datagramQueue : nil
    }
}
