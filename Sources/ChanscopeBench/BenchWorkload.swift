import Channels

/// Runs the peer benchmark's workload on a chanscope channel.
///
/// Producers together send `1...N` exactly once, consumers sum and count what they receive, and
/// after joining everything the counts and sums are checked; lossy scenarios add what the
/// producers saw dropped or evicted. Sends and receives block, except that the lossy kinds never
/// block by nature.
public enum BenchWorkload {
    /// Runs `scenario` with `messages` messages and checks the result.
    ///
    /// - Parameter instrumented: stamp messages and record latency as the experiment engine does.
    public static func run(_ scenario: BenchScenario, messages: Int, instrumented: Bool = false) -> BenchResult {
        let n = UInt64(messages)
        let start = MonotonicClock.now()
        let channel = Channel<UInt64>(kind: scenario.kind, stampsMessages: instrumented, levels: scenario.priorityLevels)
        let senders = (0..<scenario.producers).map { _ in channel.makeSender() }
        let receivers = (0..<scenario.consumers).map { _ in channel.makeReceiver() }
        let consumerTallies = (0..<scenario.consumers).map { _ in Tally() }
        let producerTallies = (0..<scenario.producers).map { _ in Tally() }

        let consumerThreads = (0..<scenario.consumers).map { index in
            let receiver = receivers[index]
            let tally = consumerTallies[index]
            return JoinableThread(name: "bench-consumer") {
                var sum: UInt64 = 0
                var count: UInt64 = 0
                while case .received(let value, _) = receiver.receive() {
                    sum &+= value
                    count &+= 1
                }
                tally.record(count: count, sum: sum)
            }
        }
        let producers = UInt64(scenario.producers)
        let producerThreads = (0..<scenario.producers).map { index in
            let sender = senders[index]
            let tally = producerTallies[index]
            let p = UInt64(index)
            return JoinableThread(name: "bench-producer") {
                let first = p * n / producers + 1
                let end = (p + 1) * n / producers + 1
                var lostSum: UInt64 = 0
                var lostCount: UInt64 = 0
                var value = first
                while value < end {
                    switch sender.send(value) {
                    case .sent:
                        break
                    case .dropped(let lost), .overwrote(let lost):
                        lostSum &+= lost
                        lostCount &+= 1
                    default:
                        // A blocking send on a live channel cannot fail; the check below catches it.
                        break
                    }
                    value &+= 1
                }
                tally.record(count: lostCount, sum: lostSum)
                sender.close()
            }
        }
        for thread in producerThreads { thread.join() }
        for thread in consumerThreads { thread.join() }
        let seconds = Double(MonotonicClock.now() - start) / 1e9
        for receiver in receivers { receiver.close() }

        let delivered = consumerTallies.reduce(0) { $0 &+ $1.count }
        let deliveredSum = consumerTallies.reduce(0) { $0 &+ $1.sum }
        let lost = producerTallies.reduce(0) { $0 &+ $1.count }
        let lostSum = producerTallies.reduce(0) { $0 &+ $1.sum }
        let expectedSum = n % 2 == 0 ? (n / 2) &* (n &+ 1) : n &* ((n &+ 1) / 2)
        var failure: String?
        if delivered &+ lost != n {
            failure = "count: delivered \(delivered) + dropped \(lost) != \(n)"
        } else if deliveredSum &+ lostSum != expectedSum {
            failure = "sum: delivered \(deliveredSum) + dropped \(lostSum) != \(expectedSum)"
        } else if !scenario.isLossy && lost != 0 {
            failure = "a lossless channel lost \(lost) messages"
        } else if let violation = channel.counters.identityViolation {
            failure = "accounting: \(violation)"
        }
        return BenchResult(
            scenario: scenario.name, messages: messages, seconds: seconds, delivered: delivered,
            dropped: lost, ok: failure == nil, failure: failure, instrumented: instrumented)
    }
}

/// One thread's count and sum, written once by that thread and read after it is joined.
private final class Tally: @unchecked Sendable {
    private(set) var count: UInt64 = 0
    private(set) var sum: UInt64 = 0
    func record(count: UInt64, sum: UInt64) {
        self.count = count
        self.sum = sum
    }
}
