import Channels
import Testing
@testable import ChanscopeEngine
@testable import ChanscopeTUI

/// A transport channel's panel shows the kernel's own figures in the kernel's words, on its own
/// line where there is room and in the counters' place at 80x24.
@Suite struct KernelLineViewTests {
    static func channel(bytes: Int = 62464, eagain: UInt64 = 0, epipe: UInt64 = 0, writer: KernelFill.End? = nil) -> ChannelSnapshot {
        var channel = ChannelSnapshot(id: ChannelID("pipe"), stats: .idle(kind: .bounded(64)), inPerSecond: 0, outPerSecond: 0,
                                      senderGroups: ["writer"], receiverGroups: ["reader"])
        channel.kernel = KernelFill(transport: .pipe, bytesQueued: bytes, capacityBytes: 65536, messageBytes: 1024,
                                    eagain: eagain, epipe: epipe,
                                    writer: writer ?? KernelFill.End(group: "writer", pid: 41, waitChannel: "anon_pipe_write", processState: "S"),
                                    reader: KernelFill.End(group: "reader", pid: 42, ending: "killed by SIGKILL"))
        return channel
    }

    static func lines(_ channel: ChannelSnapshot, height: Int) -> [String] {
        var grid = Grid(width: 120, height: height)
        ChannelPanelView(channel: channel, depthHistory: [], isSelected: true, theme: Theme()).draw(in: Rect(x: 0, y: 0, width: 120, height: height), on: &grid)
        return grid.lines()
    }

    @Test func withRoomTheKernelHasItsOwnLine() {
        let lines = Self.lines(Self.channel(epipe: 1), height: 4)
        #expect(lines[0].contains("pipe  bounded(64) over a pipe"))
        #expect(lines[2].contains("failed 0") && lines[2].contains("EAGAIN 0") && lines[2].contains("EPIPE 1"))
        #expect(lines[3].contains("kernel 62464/65536 B = 61 msgs of 1024 B"))
        #expect(lines[3].contains("writer 41 blocked in anon_pipe_write"))
        #expect(lines[3].contains("reader 42 killed by SIGKILL"))
    }

    @Test func atEightyByTwentyFourTheKernelTakesTheCountersPlace() {
        let quiet = Self.lines(Self.channel(), height: 3)
        #expect(quiet[2].contains("kernel 62464/65536 B = 61 msgs of 1024 B"))
        #expect(!quiet[2].contains("EAGAIN"))
        let dropping = Self.lines(Self.channel(eagain: 7), height: 3)
        #expect(dropping[2].contains("EAGAIN 7"))
    }

    @Test func aWriterThatRunsIsNotCalledBlocked() {
        let lines = Self.lines(Self.channel(writer: KernelFill.End(group: "writer", pid: 41, waitChannel: "", processState: "R")), height: 4)
        #expect(lines[3].contains("writer 41") && !lines[3].contains("blocked"))
    }
}
