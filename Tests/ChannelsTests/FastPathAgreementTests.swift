@testable import Channels
import PropertyBased
import Testing

/// The fast paths take the state machine's decisions: two channels' states driven by the same
/// operations, one only through `ChannelState` and one through `ChannelFastPath` first (the state
/// machine only where the fast path declines), give the same outcome, the same wake-ups and the
/// same counters after every step, for every kind, with receivers and senders parked or not.
///
/// Single-threaded: each step runs as if its thread held the locks it needs.
@Suite("Fast path agrees with the state machine")
struct FastPathAgreementTests {
    enum Op: Sendable, CustomStringConvertible {
        case send, receive, setKind(ChannelKind), parkReceiver, receiverWoke, parkForSpace, spaceWaiterWoke
        case removeReceiver, addReceiver

        init(code: Int, kind: ChannelKind) {
            switch code {
            case 0..<6: self = .send
            case 6..<10: self = .receive
            case 10: self = .setKind(kind)
            case 11: self = .parkReceiver
            case 12: self = .receiverWoke
            case 13: self = .parkForSpace
            case 14: self = .spaceWaiterWoke
            case 15: self = .removeReceiver
            default: self = .addReceiver
            }
        }

        var description: String {
            switch self {
            case .send: "send"
            case .receive: "receive"
            case .setKind(let k): "setKind(\(k))"
            case .parkReceiver: "parkReceiver"
            case .receiverWoke: "receiverWoke"
            case .parkForSpace: "parkForSpace"
            case .spaceWaiterWoke: "spaceWaiterWoke"
            case .removeReceiver: "removeReceiver"
            case .addReceiver: "addReceiver"
            }
        }
    }

    /// One state driven through the fast path first, one through the state machine alone.
    struct Pair {
        var slow: ChannelState<Int>
        var fast: ChannelState<Int>
        let fastPath: ChannelFastPath<Int>
        var next = 1
        /// Steps the fast path decided alone, to show the test reached it.
        var decidedFast = 0

        init(_ kind: ChannelKind) {
            slow = ChannelState(kind: kind, stampsMessages: false)
            fast = ChannelState(kind: kind, stampsMessages: false)
            fastPath = ChannelFastPath(memory: fast.memory)
            for state in [\Pair.slow, \Pair.fast] {
                self[keyPath: state].addSender()
                self[keyPath: state].addReceiver()
            }
        }

        /// Runs `op` on both and checks they agree; returns a description on disagreement.
        mutating func step(_ op: Op, sourceLocation: SourceLocation = #_sourceLocation) {
            switch op {
            case .send:
                let value = next
                next += 1
                var slowWakeups = Wakeups()
                let slowStep = slow.send(value, mayOffer: false, now: 0, wakeups: &slowWakeups)
                var fastWakeups = Wakeups()
                var wakeReceiver = false
                let fastStep: ChannelState<Int>.SendStep
                if let result = fastPath.send(value, now: 0, wakeReceiver: &wakeReceiver) {
                    decidedFast += 1
                    fastStep = .finished(result)
                    if wakeReceiver { fastWakeups.insert(.oneReceiver) }
                } else {
                    fastStep = fast.send(value, mayOffer: false, now: 0, wakeups: &fastWakeups)
                }
                #expect(StateHarness.describe(fastStep) == StateHarness.describe(slowStep), "\(op)", sourceLocation: sourceLocation)
                #expect(fastWakeups == slowWakeups, "\(op) wake-ups", sourceLocation: sourceLocation)
            case .receive:
                var slowWakeups = Wakeups()
                let slowTaken = Self.describe(slow.receive(now: 0, wakeups: &slowWakeups))
                var fastWakeups = Wakeups()
                var wakeSpaceWaiter = false
                let fastTaken: String
                if let taken = fastPath.receive(wakeSpaceWaiter: &wakeSpaceWaiter) {
                    decidedFast += 1
                    fastTaken = "received(\(taken.element))"
                    if wakeSpaceWaiter { fastWakeups.insert(.oneSpaceWaiter) }
                } else {
                    fastTaken = Self.describe(fast.receive(now: 0, wakeups: &fastWakeups))
                }
                #expect(fastTaken == slowTaken, "\(op)", sourceLocation: sourceLocation)
                #expect(fastWakeups == slowWakeups, "\(op) wake-ups", sourceLocation: sourceLocation)
            case .setKind(let kind):
                var ignored = Wakeups()
                slow.setKind(kind, wakeups: &ignored)
                fast.setKind(kind, wakeups: &ignored)
            case .parkReceiver:
                slow.parkReceiver()
                fast.parkReceiver()
            case .receiverWoke where slow.parkedReceivers > 0:
                slow.receiverWoke()
                fast.receiverWoke()
            case .parkForSpace:
                slow.parkForSpace()
                fast.parkForSpace()
            case .spaceWaiterWoke where slow.parkedForSpace > 0:
                slow.spaceWaiterWoke()
                fast.spaceWaiterWoke()
            case .removeReceiver where slow.liveReceivers > 0:
                var ignored = Wakeups()
                slow.removeReceiver(wakeups: &ignored)
                fast.removeReceiver(wakeups: &ignored)
            case .addReceiver:
                slow.addReceiver()
                fast.addReceiver()
            case .receiverWoke, .spaceWaiterWoke, .removeReceiver:
                break  // nothing to undo
            }
            #expect(fast.counters == slow.counters, "counters after \(op)", sourceLocation: sourceLocation)
            #expect(fast.counters.identitiesHold, sourceLocation: sourceLocation)
            #expect(fast.signalledReceivers == slow.signalledReceivers, sourceLocation: sourceLocation)
            #expect(fast.signalledForSpace == slow.signalledForSpace, sourceLocation: sourceLocation)
        }

        static func describe(_ step: ChannelState<Int>.ReceiveStep) -> String {
            switch step {
            case .received(let v, _): "received(\(v))"
            case .empty: "empty"
            case .disconnected: "disconnected"
            }
        }
    }

    static let allKinds: [ChannelKind] = [.unbounded, .bounded(2), .rendezvous, .dropping(2), .overwriting(2), .priority(2), .priority(nil)]

    @Test("fill, overflow, park, wake and drain agree", arguments: allKinds)
    func fixedSequence(kind: ChannelKind) {
        var pair = Pair(kind)
        let ops: [Op] =
            [.send, .send, .send, .parkForSpace, .receive, .receive, .spaceWaiterWoke, .receive, .receive,
             .parkReceiver, .send, .send, .receiverWoke, .send, .setKind(kind.withCapacity(1)), .send,
             .receive, .receive, .removeReceiver, .send, .receive]
        for op in ops { pair.step(op) }
        if kind != .rendezvous && !kind.isPriority {
            #expect(pair.decidedFast > 0, "the fast path decided some steps")
        } else if kind.isPriority {
            #expect(pair.decidedFast == 0, "a priority channel's queue is the state machine's alone")
        }
    }

    static let kindGen = zip(Gen.int(in: 0...5), Gen.int(in: 1...3)).map { index, capacity in
        ChannelModelTests.Op.kind(index, capacity)
    }
    static let opsGen = zip(Gen.int(in: 0...16), kindGen).map { Op(code: $0.0, kind: $0.1) }.array(of: 1...60)

    @Test("random operations agree step by step")
    func randomSequences() async {
        await propertyCheck(count: 300, input: Self.kindGen, Self.opsGen) { kind, ops in
            var pair = Pair(kind)
            for op in ops { pair.step(op) }
        }
    }
}
