import Channels
import Glibc

/// The peer suite's cross-process workload through chanscope's worker processes, for
/// `chanscope bench --json ipc-<transport>-<bytes> N`.
extension TransportBench {
    /// One run as the suite's plug-in contract counts it.
    public struct ContractRun: Sendable {
        /// From before the channel is made and the processes are started to after both have
        /// ended and been reaped (start-up and teardown included, as for the suite's C peer).
        public var seconds: Double
        /// Messages the reader received.
        public var delivered: UInt64
        /// Why the check failed, nil when it passed.
        public var failure: String?
    }

    /// The writer process sends `messages` messages; the reader receives as many. The check: the
    /// kernel accepted every message from the writer, the reader received every one, and both
    /// processes exited with status 0.
    /// (The suite's peers also sum the values; chanscope's worker counts messages, it does not
    /// add up their sequence numbers.)
    public static func contractRun(_ transport: Transport, messageBytes: Int, messages: Int) -> ContractRun {
        let start = MonotonicClock.now()
        let experiment = Experiment(preset: preset(transport, messageBytes: messageBytes, messages: messages))
        experiment.start()
        guard let kernel = experiment.kernelChannels, let writer = kernel.handles[0], let reader = kernel.handles[1] else {
            experiment.shutdown()
            return ContractRun(seconds: seconds(since: start), delivered: 0, failure: "the worker processes did not start")
        }
        writer.waitUntilEnded()
        reader.waitUntilEnded()
        let slot = ReportLayout.Channel(0)
        let accepted = writer.report[slot.accepted]
        let delivered = reader.report[slot.received]
        let endings = [("writer", writer.ending?.0), ("reader", reader.ending?.0)]
        experiment.shutdown()
        let elapsed = seconds(since: start)
        let n = UInt64(messages)
        var failure: String?
        if let bad = endings.first(where: { $0.1 != .exited(0) }) {
            failure = "the \(bad.0) process \(bad.1?.text ?? "did not end")"
        } else if accepted != n {
            failure = "the kernel accepted \(accepted) of \(n) messages"
        } else if delivered != n {
            failure = "delivered \(delivered) != \(n)"
        }
        return ContractRun(seconds: elapsed, delivered: delivered, failure: failure)
    }

    private static func seconds(since start: UInt64) -> Double { Double(MonotonicClock.now() - start) / 1e9 }
}
