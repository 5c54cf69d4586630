import Channels
import Testing
@testable import ChanscopeEngine

/// The link's threads: a blocked receiver wakes when the delay has passed, not before; the last
/// sender gone disconnects the channel only once the wire has drained.
@Suite("Linked route on real threads")
struct LinkedRouteTests {
    static func route(delay: Double) -> LinkedRoute {
        let knobs = [KnobSpec(name: "delay", value: delay, min: 0, max: 1000)]
        let board = KnobBoard(specs: knobs, ids: knobs.map { .preset($0.name) })
        return LinkedRoute(channel: Channel<Message>(kind: .unbounded), spec: LinkSpec(delay: "delay"), knobs: board, seed: 1)
    }

    @Test("A receiver blocked on a linked channel gets the message once its delay has passed, not before")
    func blockedReceiverWakes() {
        let route = Self.route(delay: 80)
        route.start()
        defer { route.stop() }
        let outlet = route.makeOutlet()
        let inlet = route.makeInlet()
        let sent = MonotonicClock.now()
        #expect(outlet.send(Message(sequence: 1, origin: 1)).isAccepted)
        #expect(inlet.tryReceive() == .empty, "on the wire, not in the queue")
        let result = inlet.receive()
        let waited = MonotonicClock.now() &- sent
        #expect(result.element == Message(sequence: 1, origin: 1))
        #expect(waited >= 80_000_000, "received after \(waited) ns")
        outlet.close()
        inlet.close()
    }

    @Test("The last sender closing disconnects the channel only after the wire has drained")
    func disconnectAfterDrain() {
        let route = Self.route(delay: 60)
        route.start()
        defer { route.stop() }
        let outlet = route.makeOutlet()
        let inlet = route.makeInlet()
        for sequence in 1...3 { _ = outlet.send(Message(sequence: UInt64(sequence), origin: 1)) }
        outlet.close()
        var got: [UInt64] = []
        while case .received(let message, _) = inlet.receive() { got.append(message.sequence) }
        #expect(got == [1, 2, 3], "every message on the wire arrives before the disconnect")
        #expect(route.reading().counters.identityViolation == nil)
        #expect(route.reading().counters.onWire == 0)
        inlet.close()
    }
}
