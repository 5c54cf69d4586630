import Testing
@testable import ChanscopeEngine

/// Model-based: random sequences of sends, hand-overs, knob changes and time steps, with the
/// link's identities and the protocol's promises checked after every step.
@Suite("Simulated link: identities hold after every step")
struct LinkModelTests {
    @Test("Random runs keep every identity, and the window, at every step", arguments: UInt64(1)...UInt64(40))
    func randomRun(seed: UInt64) {
        var choose = SplitMix64(seed: seed &* 0x9E37)
        var link = LinkSimulation(seed: seed)
        var settings = LinkSettings()
        var now: UInt64 = 0
        var open: [Int] = []
        var nextSender = 1
        var queued: [Message] = []
        var made: UInt64 = 0
        for step in 0..<600 {
            switch choose.next() % 10 {
            case 0, 1, 2, 3:
                if open.isEmpty || choose.next() % 20 == 0 {
                    link.openSender(nextSender)
                    open.append(nextSender)
                    nextSender += 1
                }
                let sender = open[Int(choose.next() % UInt64(open.count))]
                made += 1
                if link.offer(Message(sequence: made, origin: Int32(sender)), from: sender, now: now, settings: settings) {
                    let unacked = link.senders[sender]?.unacked.count ?? 0
                    #expect(!settings.acks || unacked <= settings.windowCount, "window exceeded at step \(step)")
                }
            case 4, 5:
                now &+= choose.next() % 50_000_000
                link.advance(to: now, settings: settings)
            case 6:
                if let message = link.takeReady() {
                    queued.append(message)
                    link.handedOver()
                }
            case 7:
                let knob = choose.next() % 6
                let value = Double(choose.next() % 101)
                switch knob {
                case 0: settings.lossPercent = value
                case 1: settings.duplicatePercent = value / 4
                case 2: settings.delayMilliseconds = value
                case 3: settings.jitterMilliseconds = value
                case 4: settings.acks.toggle()
                default: settings.window = 1 + Int(value) % 8; settings.dedup = value > 50
                }
            case 8:
                if !open.isEmpty, choose.next() % 4 == 0 {
                    link.closeSender(open.removeFirst())
                }
            default:
                if let message = link.takeReady() { link.returnReady(message) }
            }
            #expect(link.counters.identityViolation == nil, "step \(step): \(link.counters.identityViolation ?? "")")
            #expect(UInt64(link.ready.count) == link.counters.waitingForQueue)
            #expect(link.counters.handedOver == UInt64(queued.count))
            #expect(link.counters.sent <= made)
        }
    }
}
