import Channels
import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// A linked channel's panel: says "simulated link", shows the wire apart from the queue, and
/// stays readable at 80x24 with two linked channels.
@Suite("Linked channel panel")
struct LinkPanelTests {
    /// The two-channel scenario with both channels behind a link that has been busy.
    static func linkedState() -> AppState {
        var scenario = Fixtures.twoBounded
        for index in scenario.snapshots.indices {
            for channel in scenario.snapshots[index].channels.indices {
                var counters = LinkCounters()
                counters.sent = 120
                counters.retransmitted = 31
                counters.lost = 40
                counters.onWire = 3
                counters.arrived = 108
                counters.delivered = 100
                counters.handedOver = 100
                counters.dupDiscarded = 8
                counters.acksSent = 108
                counters.acksLost = 22
                counters.acksArrived = 86
                var status = LinkStatus()
                status.sendersWaiting = 1
                status.waitingForAck = 17
                status.retries = 2
                let reading = LinkReading(
                    counters: counters, settings: LinkSettings(lossPercent: 30, acks: true), status: status,
                    roundTripP50Milliseconds: 80, roundTripP99Milliseconds: 120)
                var link = LinkSnapshot(reading: reading, goodputPerSecond: 3.1, deliveredPerSecond: 3.4)
                link.retransmittedInWindow = 7
                link.lostInWindow = 9
                link.transmittedInWindow = 30
                #expect(counters.identityViolation == nil)
                let current = scenario.snapshots[index].channels[channel]
                scenario.snapshots[index].channels[channel].situation = current.situation.overridden(by: link)
                scenario.snapshots[index].channels[channel].link = link
            }
        }
        return Fixtures.state(scenario)
    }

    static func screen(width: Int, height: Int) -> [String] {
        var grid = Grid(width: width, height: height)
        ScreenView.render(linkedState(), theme: Theme(), on: &grid)
        return grid.lines()
    }

    @Test("At 80x24 with two linked channels, each shows its headline word and its simulated link line whole")
    func readableAt80x24() throws {
        let lines = Self.screen(width: 80, height: 24)
        for name in ["ab", "ba"] {
            let headline = try #require(lines.firstIndex { $0.contains(" \(name)  bounded(8)") }, "no panel for \(name)")
            #expect(lines[headline].contains("RETRANSMITTING: 7 resent, 30% lost in 2 s"))
            let link = lines[headline + 1]
            #expect(link.hasPrefix("  simulated link  on wire 3  lost 40  resent 31  goodput 3.1/s of 3.4/s"), "\(link)")
        }
        #expect(lines.contains { $0.contains("Workers") || $0.contains("▶") || $0.contains("◀") }, "the workers still show")
    }

    @Test("With room, the second line shows the protocol's wait, the queue apart from the wire, and the round trip")
    func secondLineWithRoom() throws {
        let lines = Self.screen(width: 140, height: 45)
        let headline = try #require(lines.firstIndex { $0.contains(" ab  bounded(8)") })
        let second = lines[headline + 2]
        #expect(second.hasPrefix("  sender waiting for ack #17, retry 2  queued "), "\(second)")
        #expect(second.contains("held 0  rtt p50 80"))
        #expect(second.contains("dup discarded 8  dup delivered 0"))
        // The queue's own lines follow the link's.
        #expect(lines[headline + 3].contains("/8"))
        #expect(lines[headline + 4].contains("attempted"))
    }

    @Test("The ends name the link's own end apart, so the senders match the workers")
    func endsNameTheLink() throws {
        var channel = try #require(Self.linkedState().snapshot?.channels.first)
        channel.stats.senders = 2
        channel.link?.reading.linkEndOpen = true
        let panel = ChannelPanelView(channel: channel, depthHistory: [], isSelected: false, theme: Theme())
        #expect(panel.endsText(channel.stats) == "1 sender + link → 1 receiver")
        channel.link?.reading.linkEndOpen = false
        channel.stats.senders = 0
        #expect(ChannelPanelView(channel: channel, depthHistory: [], isSelected: false, theme: Theme()).endsText(channel.stats) == "0 senders → 1 receiver")
    }

    @Test("The protocol's wait in words", arguments: [
        (1, UInt64(17), 2, 0, UInt64(0), "sender waiting for ack #17, retry 2"),
        (1, UInt64(5), 0, 0, UInt64(0), "sender waiting for ack #5"),
        (3, UInt64(9), 1, 4, UInt64(9), "3 senders waiting for ack #9, retry 1; holding 4 out of order, waiting for #9"),
    ])
    func statusWords(waiting: Int, ack: UInt64, retries: Int, held: Int, sequence: UInt64, expected: String) {
        var status = LinkStatus()
        status.sendersWaiting = waiting
        status.waitingForAck = ack
        status.retries = retries
        status.heldOutOfOrder = held
        status.waitingForSequence = sequence
        #expect(ChannelPanelView.statusText(status) == expected)
        #expect(ChannelPanelView.statusText(LinkStatus()) == nil)
    }
}
