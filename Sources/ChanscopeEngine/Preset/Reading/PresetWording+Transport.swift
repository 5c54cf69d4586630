extension PresetWording {
    /// After a `buffer_bytes` out of range.
    static var pipeLimitNote: String {
        " (this system lets a process without CAP_SYS_RESOURCE ask for at most /proc/sys/fs/pipe-max-size, \(SystemLimits.pipeMaxSize) bytes)"
    }

    /// After a socket's `buffer_bytes` out of range.
    static var socketLimitNote: String {
        " (a socket's SO_SNDBUF as the kernel keeps it: twice what is asked, at most twice /proc/sys/net/core/wmem_max, \(SystemLimits.socketSendBufferMax) bytes)"
    }

    static func bufferOutside(_ transport: Transport, _ range: ClosedRange<Int>, found: Int) -> String? {
        outside("buffer_bytes", range, found: found, lowerNote: "").map { $0 + (transport.isSocket ? socketLimitNote : pipeLimitNote) }
    }

    static let queueBuffer = "a message queue counts whole messages: write capacity (its mq_maxmsg), not buffer_bytes"

    static func queueCapacity(found: Int) -> String {
        between("capacity", PresetLimits.queueMessages, found: found)
            + " (a message queue's mq_maxmsg: this system allows at most /proc/sys/fs/mqueue/msg_max, \(SystemLimits.queueMessagesMax), without CAP_SYS_RESOURCE)"
    }

    static func crashAfterThreads(_ group: String) -> String {
        "crash_after kills a worker process, but group \(group) runs as threads of this process: give it a transport channel"
    }

    static let transportOnly = "buffer_bytes and message_bytes belong to a transport channel: add transport: pipe (or fifo, unix-stream, unix-datagram, mqueue)"

    static func unknownTransport(_ name: String) -> String {
        "unknown transport \"\(name)\"; transports: \(Transport.allNames.joined(separator: ", "))"
    }

    static func transportKind(_ kind: String) -> String {
        "a transport is bounded (the write blocks when the kernel buffer is full) or dropping (EAGAIN drops it), not \(kind)"
    }

    static let transportCapacity = "a pipe's or socket's capacity is the kernel's buffer: write buffer_bytes instead of capacity"

    static func mixedTransport(group: String, channel: String) -> String {
        "group \(group) uses a transport, so it runs in a worker process of its own; it cannot also use \(channel), a channel between threads of this process"
    }

    static func processGroupStep(_ group: String) -> String {
        "group \(group) runs in a worker process of its own: mailboxes, reply, join, task_done, select and work steps work only between threads"
    }

    static func processGroupCount(_ group: String) -> String {
        "group \(group) runs in a worker process of its own with one worker: write count: 1"
    }

    static func transportPrefill(_ channel: String) -> String {
        "\(channel) is a kernel object between processes; prefill puts messages only into channels between threads"
    }

    static func transportEnds(_ channel: String, writers: [String], readers: [String]) -> String {
        "transport \(channel) joins one writing group to one other reading group; found writers \(writers.joined(separator: ", ")) and readers \(readers.joined(separator: ", "))"
    }
}
