/// What the previous sample saw, so the next one can compute rates and notice transitions.
struct SamplingState {
    /// Channel counters at past samples within the rate window, oldest first.
    struct CounterMark {
        var time: UInt64
        var accepted: [UInt64]
        var received: [UInt64]
    }

    /// Rates are averaged over this many nanoseconds: one 100 ms interval holds 0 or 1 message
    /// at lecture speeds, which would make the rate flicker between 0/s and 10/s.
    static let rateWindow: UInt64 = 1_000_000_000

    var marks: [CounterMark] = []
    var tick = 0
    var previousTime: UInt64 = 0
    var accepted: [UInt64] = []
    var received: [UInt64] = []
    var blockedSend: [UInt64] = []
    var blockedReceive: [UInt64] = []
    var emptyPolls: [UInt64] = []
    var sendersGone: [Bool] = []
    var receiversGone: [Bool] = []
    var groupFinished: [Bool] = []
    var detector = DeadlockDetector()
}
