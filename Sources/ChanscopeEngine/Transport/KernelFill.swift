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

        public init(group: String, pid: Int32, waitChannel: String = "", processState: String = "", ending: String? = nil) {
            self.group = group
            self.pid = pid
            self.waitChannel = waitChannel
            self.processState = processState
            self.ending = ending
        }

        /// Whether the thread is asleep inside the kernel function it names.
        public var isBlockedInKernel: Bool { processState == "S" || processState == "D" ? !waitChannel.isEmpty : false }
    }

    public var transport: Transport
    /// Bytes queued in the kernel (`FIONREAD`) and the buffer's size (`F_GETPIPE_SZ`).
    public var bytesQueued: Int
    public var capacityBytes: Int
    public var messageBytes: Int
    /// Non-blocking writes refused with `EAGAIN`, writes refused with `EPIPE`.
    public var eagain: UInt64
    public var epipe: UInt64
    /// Whether the reader has read end of file.
    public var endOfFile: Bool
    /// The FIFO's path (named pipes only).
    public var path: String?
    public var writer: End?
    public var reader: End?

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
    }

    /// Whole messages the buffer holds at this message size (65,536 / 16 = 4,096).
    public var capacityMessages: Int { messageBytes > 0 ? capacityBytes / messageBytes : 0 }
}
