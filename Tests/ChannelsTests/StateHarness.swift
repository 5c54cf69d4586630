@testable import Channels
import Testing

/// Builds expected counters with every field named, zero by default.
func counters(
    attempted: UInt64 = 0, accepted: UInt64 = 0, received: UInt64 = 0, dropped: UInt64 = 0,
    overwritten: UInt64 = 0, failed: UInt64 = 0, discarded: UInt64 = 0, depth: Int = 0
) -> ChannelCounters {
    var c = ChannelCounters()
    c.attempted = attempted
    c.accepted = accepted
    c.received = received
    c.dropped = dropped
    c.overwritten = overwritten
    c.failed = failed
    c.discarded = discarded
    c.depth = depth
    return c
}

/// Drives a `ChannelState<Int>` one step at a time, recording each step's wake-ups and checking
/// after every step that both identities hold and the depth counter matches the queue.
struct StateHarness {
    var state: ChannelState<Int>
    /// The wake-ups the last step asked for.
    var wakeups = Wakeups()

    init(
        _ kind: ChannelKind, senders: Int = 1, receivers: Int = 1, stamps: Bool = false,
        levels: PriorityLevels<Int> = .single
    ) {
        state = ChannelState(kind: kind, stampsMessages: stamps, levels: levels)
        for _ in 0..<senders { state.addSender() }
        for _ in 0..<receivers { state.addReceiver() }
    }

    var counters: ChannelCounters { state.counters }

    /// A send, described as `sent`, `dropped(v)`, `overwrote(v)`, `full`, `offered(t)`,
    /// `disconnected(v)`.
    @discardableResult
    mutating func send(
        _ value: Int, mayOffer: Bool = true, now: UInt64 = 0,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> String {
        wakeups = []
        let step = state.send(value, mayOffer: mayOffer, now: now, wakeups: &wakeups)
        check(sourceLocation)
        return Self.describe(step)
    }

    /// A receive, described as `received(v)`, `empty` or `disconnected`.
    @discardableResult
    mutating func receive(now: UInt64 = 0, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        wakeups = []
        let step = state.receive(now: now, wakeups: &wakeups)
        check(sourceLocation)
        switch step {
        case .received(let v, _): return "received(\(v))"
        case .empty: return "empty"
        case .disconnected: return "disconnected"
        }
    }

    /// Receives until empty or disconnected and returns the values in order.
    mutating func drain(now: UInt64 = 0, sourceLocation: SourceLocation = #_sourceLocation) -> [Int] {
        var values: [Int] = []
        while true {
            wakeups = []
            guard case .received(let v, _) = state.receive(now: now, wakeups: &wakeups) else { break }
            check(sourceLocation)
            values.append(v)
        }
        return values
    }

    mutating func setKind(_ kind: ChannelKind, now: UInt64 = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        wakeups = []
        state.setKind(kind, now: now, wakeups: &wakeups)
        check(sourceLocation)
    }

    mutating func removeSender(sourceLocation: SourceLocation = #_sourceLocation) {
        wakeups = []
        state.removeSender(wakeups: &wakeups)
        check(sourceLocation)
    }

    mutating func removeReceiver(sourceLocation: SourceLocation = #_sourceLocation) {
        wakeups = []
        state.removeReceiver(wakeups: &wakeups)
        check(sourceLocation)
    }

    private func check(_ sourceLocation: SourceLocation) {
        #expect(
            state.counters.identityViolation == nil, "\(state.counters)", sourceLocation: sourceLocation)
        #expect(state.counters.depth == state.depth, sourceLocation: sourceLocation)
    }

    static func describe(_ step: ChannelState<Int>.SendStep) -> String {
        switch step {
        case .full: "full"
        case .offered(let ticket): "offered(\(ticket))"
        case .finished(let result):
            switch result {
            case .sent: "sent"
            case .dropped(let v): "dropped(\(v))"
            case .overwrote(let v): "overwrote(\(v))"
            case .full(let v): "full(\(v))"
            case .timedOut(let v): "timedOut(\(v))"
            case .disconnected(let v): "disconnected(\(v))"
            case .cancelled(let v): "cancelled(\(v))"
            }
        }
    }
}
