@testable import Channels
import PropertyBased
import Testing

/// Random finite and non-finite timeouts, as seconds and as `Duration`s, fed to timed sends and
/// receives: none traps, the wait each stands for is what the documentation says, and each
/// operation ends with the result its situation calls for.
@Suite("Timeout properties")
struct TimeoutPropertyTests {
    /// Mostly the awkward values: NaN, infinities, extremes, negatives, and short waits.
    static let timeoutGen = zip(
        Gen.int(in: 0...11), Gen.double(in: -1e12...1e12), Gen.int64(in: .min ... .max),
        Gen.int64(in: -999_999_999_999_999_999...999_999_999_999_999_999)
    ).map { code, double, whole, atto -> TimeoutInput in
        switch code {
        case 0: .seconds(.nan)
        case 1: .seconds(.infinity)
        case 2: .seconds(-.infinity)
        case 3: .seconds(double < 0 ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude)
        case 4: .seconds(double)
        case 5: .seconds(double / 1e15)  // within a millisecond either way
        case 6: .seconds(double < 0 ? -.leastNonzeroMagnitude : .leastNonzeroMagnitude)
        case 7: .duration(.seconds(whole))
        case 8: .duration(Duration(secondsComponent: whole, attosecondsComponent: atto))
        case 9: .duration(.nanoseconds(whole % 1_000_000))  // within a millisecond either way
        case 10: .duration(Duration(secondsComponent: 0, attosecondsComponent: atto))
        default: .duration(.zero)
        }
    }

    /// The wait, in nanoseconds, a timeout stands for by its documentation: nil is forever.
    static func documentedWait(_ timeout: TimeoutInput) -> (least: UInt64, most: UInt64)? {
        let foreverSeconds = 9_223_372_036.854775807
        switch timeout {
        case .seconds(let s):
            if s.isNaN || s <= 0 { return (0, 0) }
            if s >= foreverSeconds { return nil }
            let n = s * 1e9
            return (UInt64(max(0, n.rounded(.down) - 1)), UInt64(n.rounded(.up)))
        case .duration(let d):
            let (seconds, atto) = d.components
            let total = Int128(seconds) * 1_000_000_000_000_000_000 + Int128(atto)
            if total <= 0 { return (0, 0) }
            let nanos = total / 1_000_000_000
            if nanos >= Int128(Int64.max) - 1_000_000_000 { return nil }
            return (UInt64(nanos), UInt64(nanos))
        }
    }

    @Test("any timeout stands for its documented wait")
    func conversion() async {
        await propertyCheck(count: 1000, input: Self.timeoutGen) { timeout in
            let wait = timeout.nanoseconds
            if let documented = Self.documentedWait(timeout) {
                #expect(wait != nil, "\(timeout) is finite")
                if let wait { #expect(wait >= documented.least && wait <= documented.most, "\(timeout): \(wait) ns") }
            } else {
                #expect(wait == nil, "\(timeout) is forever")
            }
        }
    }

    @Test("timed sends and receives end as their situation says, for any timeout")
    func operations() async {
        await propertyCheck(count: 200, input: Self.timeoutGen) { timeout in
            let (tx, rx) = Channel<Int>.make(.bounded(1))
            // With room and with a message, no timeout makes a wait: both finish at once.
            #expect(timeout.send(1, tx) == .sent, "\(timeout)")
            #expect(timeout.receive(rx) == .received(1), "\(timeout)")
            // Full or empty, only a short wait can be tried without hanging the test: it ends
            // timed out, hands the message back, counts nothing and waits at least as long.
            guard let wait = timeout.nanoseconds, wait <= 2_000_000 else { return }
            #expect(tx.send(2) == .sent)
            let before = tx.channel.counters
            var start = MonotonicClock.now()
            #expect(timeout.send(3, tx) == .timedOut(3), "\(timeout)")
            #expect(MonotonicClock.now() - start >= wait)
            #expect(tx.channel.counters == before, "a timed-out send is not counted")
            #expect(rx.receive() == .received(2))
            start = MonotonicClock.now()
            #expect(timeout.receive(rx) == .timedOut, "\(timeout)")
            #expect(MonotonicClock.now() - start >= wait)
            #expect(tx.channel.stats().blockedSenders == 0 && tx.channel.stats().blockedReceivers == 0)
            let (rtx, rrx) = Channel<Int>.make(.rendezvous)
            #expect(timeout.send(4, rtx) == .timedOut(4), "no receiver takes a rendezvous message")
            #expect(rtx.channel.counters == counters())
            _ = rrx
        }
    }
}
