/// A kernel object a channel can be, between separate OS processes (preset `transport:`).
///
/// With a transport, each group that uses the channel runs in a worker process of its own and
/// the kernel holds the queue: the screen shows the kernel's own fill figures and names its
/// behaviour as the kernel does (`pipe_write`, `EAGAIN`, end of file, `EPIPE`).
public enum Transport: String, Sendable, Equatable, CaseIterable {
    /// An unnamed pipe (`pipe(2)`) between related processes: the parent makes it and hands
    /// each child one end.
    case pipe
    /// A named pipe (`mkfifo(3)`): each process opens the path itself, as unrelated ones would.
    case fifo
    /// A Unix domain stream socket (`AF_UNIX`, `SOCK_STREAM`) through a socket file: the reader
    /// accepts on it, the writer connects. A stream of bytes with no message boundaries, so each
    /// message travels behind a 4-byte length.
    case unixStream = "unix-stream"
    /// A Unix domain datagram socket (`SOCK_DGRAM`) bound to a socket file: one datagram per
    /// message, boundaries kept, no connection (so no end of file).
    case unixDatagram = "unix-datagram"
    /// A POSIX message queue (`mq_open(3)`): whole messages counted by the kernel, up to its
    /// `mq_maxmsg`; it outlives its processes, so neither end hears of the other's death.
    case mqueue

    /// What the screen calls it.
    public var title: String {
        switch self {
        case .pipe: "pipe"
        case .fifo: "named pipe (FIFO)"
        case .unixStream: "Unix stream socket"
        case .unixDatagram: "Unix datagram socket"
        case .mqueue: "POSIX message queue"
        }
    }

    /// Whether the kernel keeps each write a message of its own (datagrams, message queues);
    /// otherwise it is a stream of bytes.
    public var keepsBoundaries: Bool { self == .unixDatagram || self == .mqueue }

    /// Bytes each message adds on the wire: a stream socket's 4-byte length (a pipe needs none:
    /// every write of at most `PIPE_BUF` bytes is whole, and all of one channel's are one size).
    public var framingBytes: Int { self == .unixStream ? 4 : 0 }

    /// Whether the channel's capacity is whole messages (`mq_maxmsg`) rather than buffer bytes.
    public var countsCapacityInMessages: Bool { self == .mqueue }

    /// Whether the kernel tells the writer that every reader has gone (`EPIPE`, a datagram
    /// socket's `ECONNREFUSED`), and a reader's going takes what was queued with it; a message
    /// queue does neither.
    public var reportsPeerDeath: Bool { self != .mqueue }

    /// Whether the kernel tells the reader that every writer has gone (end of file): only a
    /// connection does, so not a datagram socket or a message queue.
    public var tellsReaderOfWriterDeath: Bool { self != .unixDatagram && self != .mqueue }

    /// Whether the object has a name in the file system (or the message-queue namespace).
    public var isNamed: Bool { self != .pipe }

    /// Whether the buffer is a socket's send buffer (`SO_SNDBUF`).
    public var isSocket: Bool { self == .unixStream || self == .unixDatagram }

    /// The names a preset may write, for messages.
    public static var allNames: [String] { allCases.map(\.rawValue) }

    /// The channel kinds a transport can behave as: a blocking write (`bounded`) or a
    /// non-blocking one whose `EAGAIN` counts as dropped (`dropping`).
    public static let kindNames = ["bounded", "dropping"]
}
