@testable import ChanscopeTUI
import Testing

/// How spare rows are shared out on a big terminal.
@Suite("Screen layout")
struct ScreenLayoutTests {
    @Test("a channel without a depth chart keeps three rows; charted channels and the event log share the rest")
    func chartlessChannelsStayCompact() {
        let size = TerminalSize(width: 120, height: 40)
        let uniform = ScreenLayout(size: size, channelCount: 2, groupCount: 2, knobCount: 3, selectedKnob: 0, showBanner: false)
        let mixed = ScreenLayout(
            size: size, channelCount: 2, groupCount: 2, knobCount: 3, selectedKnob: 0, showBanner: false,
            chartlessChannels: [1])
        let none = ScreenLayout(
            size: size, channelCount: 2, groupCount: 2, knobCount: 3, selectedKnob: 0, showBanner: false,
            chartlessChannels: [0, 1])
        #expect(uniform.channels.map(\.height) == [10, 10])
        #expect(mixed.channels[1].height == 3 && mixed.channels[0].height > 3)
        #expect(none.channels.map(\.height) == [3, 3])
        // Every row is used: what the chartless channels do not take, the event log gets.
        for layout in [uniform, mixed, none] {
            #expect(layout.events.y + layout.events.height == size.height - 1)
        }
        #expect(none.events.height > uniform.events.height)
    }
}
