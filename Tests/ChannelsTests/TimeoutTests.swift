@testable import Channels
import Testing

/// Timed sends and receives with `Duration`s and seconds: each waits as long as it says, and
/// values that cannot be a wait (NaN, negative, infinite, huge) mean "no wait" or "forever"
/// instead of trapping.
@Suite("Timeouts")
struct TimeoutTests {
    @Test("a Duration timeout waits at least that long, then hands the message back")
    func durationWaits() {
        let (tx, rx) = Channel<Int>.make(.bounded(1))
        #expect(tx.send(1) == .sent)
        let start = MonotonicClock.now()
        #expect(tx.send(2, timeout: .milliseconds(20)) == .timedOut(2))
        #expect(MonotonicClock.now() - start >= 20_000_000)
        #expect(rx.receive(timeout: .milliseconds(5)) == .received(1))
        let again = MonotonicClock.now()
        #expect(rx.receive(timeout: .milliseconds(20)) == .timedOut)
        #expect(MonotonicClock.now() - again >= 20_000_000)
        #expect(tx.channel.counters == counters(attempted: 1, accepted: 1, received: 1))
    }

    @Test("zero, negative and NaN timeouts do not wait and do not trap")
    func noWait() {
        let (tx, rx) = Channel<Int>.make(.bounded(1))
        for timeout in [Duration.zero, .nanoseconds(-1), .seconds(-5), .seconds(Int64.min)] {
            #expect(rx.receive(timeout: timeout) == .timedOut)
        }
        for seconds in [0, -0.0, -1, -Double.infinity, .nan, -.nan, -Double.greatestFiniteMagnitude] {
            #expect(rx.receive(timeout: seconds) == .timedOut, "\(seconds)")
        }
        #expect(tx.send(1) == .sent)
        #expect(tx.send(2, timeout: .seconds(-1)) == .timedOut(2))
        #expect(tx.send(3, timeout: .nan) == .timedOut(3))
        #expect(rx.receive(timeout: .nan) == .received(1), "no wait still takes what is there")
        #expect(tx.send(4, timeout: Double.nan) == .sent, "no wait still sends when there is room")
    }

    @Test("the conversion: no wait, nanoseconds, or forever")
    func conversion() {
        #expect(Timeout.nanoseconds(Double.nan) == 0)
        #expect(Timeout.nanoseconds(-1.0) == 0)
        #expect(Timeout.nanoseconds(0.0) == 0)
        #expect(Timeout.nanoseconds(1.5) == 1_500_000_000)
        #expect(Timeout.nanoseconds(Double.infinity) == nil)
        #expect(Timeout.nanoseconds(Double.greatestFiniteMagnitude) == nil)
        #expect(Timeout.nanoseconds(1e10) == nil, "about 317 years is forever")
        #expect(Timeout.nanoseconds(Duration.zero) == 0)
        #expect(Timeout.nanoseconds(Duration.milliseconds(-3)) == 0)
        #expect(Timeout.nanoseconds(Duration.milliseconds(3)) == 3_000_000)
        #expect(Timeout.nanoseconds(Duration.nanoseconds(1) / 2) == 0, "below a nanosecond is no wait")
        #expect(Timeout.nanoseconds(Duration.seconds(1) + .nanoseconds(7)) == 1_000_000_007)
        #expect(Timeout.nanoseconds(Duration.seconds(Int64.max)) == nil)
        #expect(Timeout.nanoseconds(Duration.seconds(9_223_372_035)) == 9_223_372_035_000_000_000)
        #expect(Timeout.nanoseconds(Duration.seconds(9_223_372_036)) == nil)
        #expect(MonotonicClock.deadline(after: .nan) <= MonotonicClock.now())
        #expect(MonotonicClock.deadline(after: .infinity) == .max)
    }

    @Test("a forever timeout waits until a message comes", arguments: [
        TimeoutInput.seconds(.infinity), .seconds(.greatestFiniteMagnitude), .duration(.seconds(Int64.max)),
    ])
    func foreverWaits(timeout: TimeoutInput) {
        let (tx, rx) = Channel<Int>.make(.bounded(1))
        let result = ResultBox<ReceiveResult<Int>>()
        let thread = JoinableThread { result.value = timeout.receive(rx) }
        waitUntil("the receiver parks") { rx.channel.parked.receivers == 1 }
        #expect(tx.send(9) == .sent)
        thread.join()
        #expect(result.value == .received(9))
    }

    @Test("a forever send timeout waits until there is room", arguments: [
        TimeoutInput.seconds(.infinity), .duration(.seconds(Int64.max)),
    ])
    func foreverSendWaits(timeout: TimeoutInput) {
        let (tx, rx) = Channel<Int>.make(.bounded(1))
        #expect(tx.send(1) == .sent)
        let result = ResultBox<SendResult<Int>>()
        let thread = JoinableThread { result.value = timeout.send(2, tx) }
        waitUntil("the sender parks") { rx.channel.parked.space == 1 }
        #expect(rx.receive() == .received(1))
        thread.join()
        #expect(result.value == .sent)
        #expect(rx.receive() == .received(2))
    }
}

/// A timeout as either overload takes it.
enum TimeoutInput: Sendable, CustomStringConvertible {
    case seconds(Double)
    case duration(Duration)

    func receive(_ receiver: Receiver<Int>) -> ReceiveResult<Int> {
        switch self {
        case .seconds(let s): receiver.receive(timeout: s)
        case .duration(let d): receiver.receive(timeout: d)
        }
    }

    func send(_ value: Int, _ sender: Sender<Int>) -> SendResult<Int> {
        switch self {
        case .seconds(let s): sender.send(value, timeout: s)
        case .duration(let d): sender.send(value, timeout: d)
        }
    }

    /// How long the channel waits for it: nil is forever.
    var nanoseconds: UInt64? {
        switch self {
        case .seconds(let s): Timeout.nanoseconds(s)
        case .duration(let d): Timeout.nanoseconds(d)
        }
    }

    var description: String {
        switch self {
        case .seconds(let s): "\(s) s"
        case .duration(let d): "\(d)"
        }
    }
}
