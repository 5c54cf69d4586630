/// Where each figure sits in a worker process's shared report (`SharedWords`).
///
/// One worker slot (a process group runs one worker), then one slot per channel of the
/// experiment: the process writes the fields of the ends it holds, the parent merges the writer's
/// and the reader's slots into one channel reading.
enum ReportLayout {
    /// Header words.
    static let pid = 0
    /// Set to 1 once the worker has ended and its last figures are written.
    static let finished = 1
    /// The number of the last publish request the process served (`ControlRecord.publish`).
    static let published = 2

    /// The worker slot.
    enum Worker {
        static let base = 8
        static let state = base + 0, channelIndex = base + 1, made = base + 2, done = base + 3
        static let sent = base + 4, received = base + 5, emptyPolls = base + 6, polls = base + 7
        static let abandoned = base + 8, sendNanos = base + 9, receiveNanos = base + 10
        static let operationStart = base + 11, endedAt = base + 12, cpuNanos = base + 13, tid = base + 14
        static let kernelNanos = base + 15
    }

    /// One channel's slot: `ChannelSlot(index).field`.
    struct Channel {
        static let firstBase = 32
        static let size = 64
        /// Latency buckets: bucket b counts messages whose kernel time was below 2^b microseconds.
        static let latencyBuckets = 40
        let base: Int
        init(_ index: Int) { base = Self.firstBase + index * Self.size }

        var attempted: Int { base + 0 }
        var accepted: Int { base + 1 }
        /// Non-blocking writes refused with `EAGAIN` (counted as dropped).
        var eagain: Int { base + 2 }
        /// Writes refused with `EPIPE` (counted as failed).
        var epipe: Int { base + 3 }
        var received: Int { base + 4 }
        /// Bytes waiting (`FIONREAD`, `SIOCINQ`) and the buffer's size (`F_GETPIPE_SZ`, the
        /// writer's `SO_SNDBUF`), as the reporter last read them.
        var kernelBytes: Int { base + 5 }
        var kernelCapacity: Int { base + 6 }
        /// 1 while this process holds the writing (reading) end open.
        var writerOpen: Int { base + 7 }
        var readerOpen: Int { base + 8 }
        /// 1 once a read returned end of file.
        var endOfFile: Int { base + 9 }
        /// The errno of the last refused capacity change, 0 when it was granted.
        var capacityError: Int { base + 10 }
        /// When a fill reading was last taken (monotonic nanoseconds).
        var readAt: Int { base + 11 }
        /// A message queue's `mq_curmsgs` and `mq_maxmsg`.
        var kernelMessages: Int { base + 12 }
        var kernelCapacityMessages: Int { base + 13 }
        /// A socket writer's `SIOCOUTQ` (buffer memory, bookkeeping included).
        var sendMemory: Int { base + 14 }
        /// The errno of the last refused write (0: none), and of the read that ended the stream
        /// (0: a plain end of file).
        var writeErrno: Int { base + 15 }
        var readErrno: Int { base + 16 + Self.latencyBuckets }
        func latency(_ bucket: Int) -> Int { base + 16 + bucket }
    }

    /// Words for an experiment with `channels` channels.
    static func words(channels: Int) -> Int { Channel.firstBase + max(1, channels) * Channel.size }
}
