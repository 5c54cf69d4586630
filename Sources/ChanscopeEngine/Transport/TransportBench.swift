import CProcessSupport
import Channels
import Glibc

/// Messages per second through a transport channel between worker processes, beside the
/// kernel's own speed: a small C loop (`chanscope_raw_loop` in `CProcessSupport`) putting the
/// same bytes on the wire with one blocking call a message on each side, between two processes.
public enum TransportBench {
    public struct Result: Sendable {
        public var transport: Transport
        public var messageBytes: Int
        public var messages: Int
        /// Seconds for all messages, through chanscope's worker processes and through the C loop.
        public var chanscopeSeconds: Double
        public var rawSeconds: Double

        public var chanscopePerSecond: Double { chanscopeSeconds > 0 ? Double(messages) / chanscopeSeconds : 0 }
        public var rawPerSecond: Double { rawSeconds > 0 ? Double(messages) / rawSeconds : 0 }
    }

    /// One measurement of each, back to back in the order asked; nil if either could not run.
    public static func run(_ transport: Transport, messageBytes: Int, messages: Int, chanscopeFirst: Bool = true) -> Result? {
        var ours: Double?
        if chanscopeFirst { ours = throughWorkers(transport, messageBytes: messageBytes, messages: messages) }
        let raw = rawLoop(transport, messageBytes: messageBytes, messages: messages)
        if !chanscopeFirst { ours = throughWorkers(transport, messageBytes: messageBytes, messages: messages) }
        guard let ours, let raw else { return nil }
        return Result(transport: transport, messageBytes: messageBytes, messages: messages,
                      chanscopeSeconds: ours, rawSeconds: raw)
    }

    /// `chanscope_raw_loop`'s number for each transport, by the transport's preset name: a
    /// transport without one has no anchor yet (and its row says the run failed).
    static let rawLoopCodes: [String: Int32] = [
        "pipe": Int32(CHANSCOPE_RAW_PIPE), "fifo": Int32(CHANSCOPE_RAW_FIFO),
        "unix-stream": Int32(CHANSCOPE_RAW_UNIX_STREAM), "unix-datagram": Int32(CHANSCOPE_RAW_UNIX_DATAGRAM),
        "mqueue": Int32(CHANSCOPE_RAW_MQUEUE),
    ]

    /// Seconds for the C loop over the same transport, its FIFO or socket file in a run folder
    /// of its own (removed after, or by the next start if this process is killed meanwhile).
    static func rawLoop(_ transport: Transport, messageBytes: Int, messages: Int) -> Double? {
        guard let code = rawLoopCodes[transport.rawValue] else { return nil }
        let folder = RunDirectory(path: RunDirectory.temporary + "/\(RunDirectory.prefix)\(getpid())-bench-raw")
        folder.remove()
        guard mkdir(folder.path, 0o700) == 0 else { return nil }
        defer { folder.remove() }
        let path = code == CHANSCOPE_RAW_MQUEUE ? "/\(RunDirectory.prefix)\(getpid())-bench-raw" : folder.file("channel")
        let nanoseconds = chanscope_raw_loop(code, path, UInt64(messages), Int32(messageBytes))
        return nanoseconds > 0 ? Double(nanoseconds) / 1e9 : nil
    }

    /// A writer process that makes and sends `messages` messages and a reader process that
    /// receives them, through the engine's own worker loop; the seconds from resuming both
    /// (started paused, so process start-up is not counted) to the reader's last message.
    static func throughWorkers(_ transport: Transport, messageBytes: Int, messages: Int) -> Double? {
        let experiment = Experiment(preset: preset(transport, messageBytes: messageBytes, messages: messages))
        experiment.start(paused: true)
        defer { experiment.shutdown() }
        guard let kernel = experiment.kernelChannels,
              let writer = kernel.handles[0], let reader = kernel.handles[1] else { return nil }
        // Both workers at their first step boundary, held by the pause.
        let paused = UInt64(WorkerState.paused.rawValue)
        while writer.isRunning, reader.isRunning,
              writer.report[ReportLayout.Worker.state] != paused || reader.report[ReportLayout.Worker.state] != paused {
            usleep(1000)
        }
        let start = MonotonicClock.now()
        experiment.setPaused(false)
        reader.waitUntilEnded()
        let end = reader.report[ReportLayout.Worker.endedAt]
        guard reader.report[ReportLayout.Channel(0).received] == UInt64(messages), end > start else { return nil }
        return Double(end - start) / 1e9
    }

    /// A writer group that makes and sends `messages` messages over channel `p` and a reader
    /// group that receives as many (groups 0 and 1, each in a worker process of its own): the
    /// reader stops at the last message, as the C loop's does, since a datagram socket or a
    /// message queue has no end of file to stop at.
    static func preset(_ transport: Transport, messageBytes: Int, messages: Int) -> Preset {
        // A message queue holds at most the system's `msg_max` (as the C loop's does); the
        // capacity of the other kinds is their kernel buffer's, not the channel kind's.
        let capacity = transport == .mqueue ? SystemLimits.queueMessagesMax : max(1, 65536 / messageBytes)
        var channel = ChannelSpec(name: "p", kind: .bounded(capacity))
        channel.transport = transport
        channel.messageBytes = messageBytes
        return Preset(
            name: "bench", summary: "", channels: [channel],
            workers: [
                WorkerGroupSpec(name: "writer", limit: .fixed(messages), steps: [.make, .send(channel: "p")]),
                WorkerGroupSpec(name: "reader", limit: .fixed(messages), steps: [.recv(channel: "p")]),
            ],
            source: "<bench>")
    }
}
