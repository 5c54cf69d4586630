import Channels
import PropertyBased
import Testing

/// Random sequences of non-blocking operations run against the real `Channel` (one thread) and
/// against a plain reference model, comparing every outcome and every counter after every step.
@Suite("Channel model")
struct ChannelModelTests {
    /// One operation; the integers pick what it works on, so shrinking makes them small.
    enum Op: Sendable, CustomStringConvertible {
        case trySend(handle: Int)
        case tryReceive(handle: Int)
        case setKind(ChannelKind)
        case setCapacity(Int)
        case closeSender(handle: Int)
        case closeReceiver(handle: Int)
        case newSender
        case newReceiver

        /// `code` picks the operation (sends and receives most often), `capacity` and `handle`
        /// its argument.
        init(code: Int, kindIndex: Int, capacity: Int, handle: Int) {
            switch code {
            case 0..<7: self = .trySend(handle: handle)
            case 7..<13: self = .tryReceive(handle: handle)
            case 13, 14: self = .setKind(Self.kind(kindIndex, capacity))
            case 15: self = .setCapacity(capacity)
            case 16: self = .closeSender(handle: handle)
            case 17: self = .closeReceiver(handle: handle)
            case 18: self = .newSender
            default: self = .newReceiver
            }
        }

        static func kind(_ index: Int, _ capacity: Int) -> ChannelKind {
            switch index {
            case 0: .unbounded
            case 1: .bounded(capacity)
            case 2: .rendezvous
            case 3: .dropping(capacity)
            case 4: .overwriting(capacity)
            // Capacity 0 picks the unbounded priority kind.
            default: .priority(capacity == 0 ? nil : capacity)
            }
        }

        var description: String {
            switch self {
            case .trySend(let h): "trySend(s\(h))"
            case .tryReceive(let h): "tryReceive(r\(h))"
            case .setKind(let k): "setKind(\(k))"
            case .setCapacity(let n): "setCapacity(\(n))"
            case .closeSender(let h): "closeSender(s\(h))"
            case .closeReceiver(let h): "closeReceiver(r\(h))"
            case .newSender: "newSender"
            case .newReceiver: "newReceiver"
            }
        }
    }

    static let kindGen = zip(Gen.int(in: 0...5), Gen.int(in: 0...4)).map { Op.kind($0.0, $0.1) }
    static let opsGen = zip(Gen.int(in: 0...19), Gen.int(in: 0...5), Gen.int(in: 0...4), Gen.int(in: 0...3))
        .map { Op(code: $0.0, kindIndex: $0.1, capacity: $0.2, handle: $0.3) }
        .array(of: 1...80)

    @Test("random non-blocking operations match the reference model")
    func matchesModel() async {
        await propertyCheck(count: 300, input: Self.kindGen, Self.opsGen) { kind, ops in
            Self.check(kind: kind, ops: ops)
        }
    }

    @Test("a fixed sequence through every kind matches the model")
    func fixedSequence() {
        var ops: [Op] = []
        for kind in [ChannelKind.bounded(2), .priority(3), .overwriting(2), .priority(nil), .dropping(1), .rendezvous,
                     .unbounded, .priority(0), .bounded(0)] {
            ops.append(.setKind(kind))
            ops += Array(repeating: .trySend(handle: 0), count: 4)
            ops.append(.tryReceive(handle: 0))
            ops.append(.setCapacity(1))
        }
        ops += [.newReceiver, .closeReceiver(handle: 0), .trySend(handle: 0), .closeReceiver(handle: 1),
                .trySend(handle: 0), .newReceiver, .trySend(handle: 0), .closeSender(handle: 0),
                .tryReceive(handle: 2), .tryReceive(handle: 2), .trySend(handle: 0)]
        Self.check(kind: .unbounded, ops: ops)
    }

    /// Runs `ops` on both and records an issue at the first difference.
    static func check(kind: ChannelKind, ops: [Op]) {
        let channel = Channel<Int>(kind: kind, stampsMessages: false, levels: ReferenceModel.levels)
        var senders = [channel.makeSender()]
        var receivers = [channel.makeReceiver()]
        var model = ReferenceModel(kind: kind)
        var next = 1
        var trace: [String] = ["start \(kind)"]

        for op in ops {
            trace.append(op.description)
            var real = ""
            var expected = ""
            switch op {
            case .trySend(let h):
                let v = next
                next += 1
                real = describe(senders[h % senders.count].trySend(v))
                expected = model.trySend(v, handle: h % model.senders.count)
            case .tryReceive(let h):
                real = describe(receivers[h % receivers.count].tryReceive())
                expected = model.tryReceive(handle: h % model.receivers.count)
            case .setKind(let k):
                channel.setKind(k)
                model.setKind(k)
            case .setCapacity(let n):
                channel.setCapacity(n)
                model.setCapacity(n)
            case .closeSender(let h):
                senders[h % senders.count].close()
                model.closeSender(h % model.senders.count)
            case .closeReceiver(let h):
                receivers[h % receivers.count].close()
                model.closeReceiver(h % model.receivers.count)
            case .newSender:
                senders.append(channel.makeSender())
                model.senders.append(true)
            case .newReceiver:
                receivers.append(channel.makeReceiver())
                model.receivers.append(true)
            }
            let stats = channel.stats()
            let same = real == expected && stats.counters == model.counters && stats.kind == model.kind
                && stats.senders == model.liveSenders && stats.receivers == model.liveReceivers
                && stats.blockedSenders == 0 && stats.blockedReceivers == 0
                && stats.counters.identitiesHold
            if !same {
                Issue.record("""
                    differs after \(trace.joined(separator: ", "))
                    outcome: real \(real), model \(expected)
                    real:  \(stats.kind) s\(stats.senders) r\(stats.receivers) \(stats.counters)
                    model: \(model.kind) s\(model.liveSenders) r\(model.liveReceivers) \(model.counters)
                    """)
                return
            }
        }
        // What is left drains in model order.
        if model.liveReceivers > 0, let r = receivers.first(where: { !$0.isClosed }) {
            var rest: [Int] = []
            while let v = r.tryReceive().element { rest.append(v) }
            #expect(rest == model.receiveOrder(), "left in the queue, after \(trace.joined(separator: ", "))")
        }
    }

    static func describe(_ r: SendResult<Int>) -> String {
        r.returnedElement.map { "\(r.name)(\($0))" } ?? r.name
    }

    static func describe(_ r: ReceiveResult<Int>) -> String {
        r.element.map { "\(r.name)(\($0))" } ?? r.name
    }
}

/// The channel's rules as plainly as possible: an array queue, counters, and open handles.
///
/// The queue is always in arrival order; a `priority` receive takes the first message of the
/// highest level there is (`levels`: a value's level is its remainder by 3).
struct ReferenceModel {
    static let levels = PriorityLevels<Int>(count: 3) { $0 % 3 }

    var kind: ChannelKind
    var queue: [Int] = []
    var counters = ChannelCounters()
    var senders = [true]
    var receivers = [true]

    init(kind: ChannelKind) {
        self.kind = Self.normalize(kind)
    }

    var liveSenders: Int { senders.filter { $0 }.count }
    var liveReceivers: Int { receivers.filter { $0 }.count }

    /// Sized kinds run at capacity 1 at least.
    static func normalize(_ kind: ChannelKind) -> ChannelKind {
        switch kind {
        case .bounded(let n): .bounded(max(1, n))
        case .dropping(let n): .dropping(max(1, n))
        case .overwriting(let n): .overwriting(max(1, n))
        case .priority(let n?): .priority(max(1, n))
        case .unbounded, .rendezvous, .priority(nil): kind
        }
    }

    mutating func trySend(_ v: Int, handle: Int) -> String {
        guard senders[handle] else { return "cancelled(\(v))" }
        guard liveReceivers > 0 else {
            counters.attempted += 1
            counters.failed += 1
            return "disconnected(\(v))"
        }
        switch kind {
        case .unbounded, .priority(nil):
            return accept(v)
        case .bounded(let n), .priority(let n?):
            return queue.count < n ? accept(v) : "full(\(v))"
        case .rendezvous:
            // One thread: no receiver is ever parked, so a try-send finds nobody to take it.
            return "full(\(v))"
        case .dropping(let n):
            if queue.count < n { return accept(v) }
            counters.attempted += 1
            counters.dropped += 1
            return "dropped(\(v))"
        case .overwriting(let n):
            if queue.count < n { return accept(v) }
            let evicted = queue.removeFirst()
            counters.overwritten += 1
            _ = accept(v)
            return "overwrote(\(evicted))"
        }
    }

    private mutating func accept(_ v: Int) -> String {
        queue.append(v)
        counters.attempted += 1
        counters.accepted += 1
        counters.depth = queue.count
        return "sent"
    }

    mutating func tryReceive(handle: Int) -> String {
        guard receivers[handle] else { return "cancelled" }
        if !queue.isEmpty {
            counters.received += 1
            let v = queue.remove(at: nextIndex(in: queue))
            counters.depth = queue.count
            return "received(\(v))"
        }
        return liveSenders == 0 ? "disconnected" : "empty"
    }

    /// Where the next receive takes from: the front, or under `priority` the first message of
    /// the highest level queued.
    func nextIndex(in queue: [Int]) -> Int {
        guard case .priority = kind, let top = queue.map({ Self.levels.level(of: $0) }).max() else { return 0 }
        return queue.firstIndex { Self.levels.level(of: $0) == top } ?? 0
    }

    /// The order the queued messages would be received in, without receiving them.
    func receiveOrder() -> [Int] {
        var rest = queue
        var order: [Int] = []
        while !rest.isEmpty { order.append(rest.remove(at: nextIndex(in: rest))) }
        return order
    }

    mutating func setKind(_ newKind: ChannelKind) {
        kind = Self.normalize(newKind)
        switch kind {
        case .dropping(let n):
            while queue.count > n {
                queue.removeLast()
                counters.overwritten += 1
            }
        case .overwriting(let n):
            while queue.count > n {
                queue.removeFirst()
                counters.overwritten += 1
            }
        default:
            break
        }
        counters.depth = queue.count
    }

    mutating func setCapacity(_ n: Int) {
        switch kind {
        case .bounded: setKind(.bounded(n))
        case .dropping: setKind(.dropping(n))
        case .overwriting: setKind(.overwriting(n))
        case .priority(_?): setKind(.priority(n))
        case .unbounded, .rendezvous, .priority(nil): break
        }
    }

    mutating func closeSender(_ handle: Int) {
        senders[handle] = false
    }

    mutating func closeReceiver(_ handle: Int) {
        guard receivers[handle] else { return }
        receivers[handle] = false
        if liveReceivers == 0 {
            counters.discarded += UInt64(queue.count)
            queue.removeAll()
            counters.depth = 0
        }
    }
}
