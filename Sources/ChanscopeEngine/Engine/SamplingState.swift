/// What the previous sample saw, so the next one can compute rates and notice transitions.
struct SamplingState {
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
