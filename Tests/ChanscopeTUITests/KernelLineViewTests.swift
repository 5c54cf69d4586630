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
                                    writer: writer ?? Self.blocked(KernelFill.End(group: "writer", pid: 41, waitChannel: "anon_pipe_write", processState: "S")),
                                    reader: KernelFill.End(group: "reader", pid: 42, ending: "killed by SIGKILL"))
        return channel
    }

    /// An end whose worker spent the window mostly blocked (its row says so).
    static func blocked(_ end: KernelFill.End) -> KernelFill.End {
        var end = end
        end.spentBlocked = true
        return end
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

    @Test func theKernelLineFollowsTheRowWhereTheInstantDisagrees() {
        // Mostly blocked, between two waits at this instant: the line keeps where it waits.
        var between = KernelFill.End(group: "writer", pid: 41, waitChannel: "", processState: "R")
        between.lastWaitChannel = "anon_pipe_write"
        #expect(Self.lines(Self.channel(writer: Self.blocked(between)), height: 4)[3].contains("writer 41 blocked in anon_pipe_write"))
        // Mostly sleeping, caught in the kernel at this instant: the row says sleeping, so does the line.
        let caught = KernelFill.End(group: "writer", pid: 41, waitChannel: "anon_pipe_write", processState: "S")
        #expect(!Self.lines(Self.channel(writer: caught), height: 4)[3].contains("blocked"))
    }

    static func socketChannel(_ transport: Transport) -> ChannelSnapshot {
        var channel = ChannelSnapshot(id: ChannelID("c"), stats: .idle(kind: .bounded(11)), inPerSecond: 0, outPerSecond: 0,
                                      senderGroups: ["writer"], receiverGroups: ["reader"])
        var kernel = KernelFill(transport: transport, bytesQueued: transport == .unixDatagram ? 16 : 200, capacityBytes: 32768,
                                messageBytes: 16, path: transport == .mqueue ? "/chanscope-ipc-1-0-c" : "/tmp/chanscope-ipc-1-0/c.sock",
                                writer: Self.blocked(KernelFill.End(group: "writer", pid: 41, waitChannel: "wq_sleep", processState: "S")))
        kernel.inFlight = 10
        kernel.sendMemory = 7680
        kernel.memoryPerMessage = 768
        kernel.kernelMessages = 10
        kernel.kernelCapacityMessages = 10
        kernel.datagramQueueLimit = transport == .unixDatagram ? 11 : nil
        channel.kernel = kernel
        return channel
    }

    @Test func aStreamSocketSaysItKeepsNoBoundariesAndCountsMemory() {
        let lines = Self.lines(Self.socketChannel(.unixStream), height: 8)
        #expect(lines[3].contains("kernel 200 B = 10 msgs of 16+4 B"))
        #expect(lines[4].contains("SIOCINQ: payload"))
        #expect(lines[4].contains("send buffer 7680/32768 B (SIOCOUTQ, 768 B a msg)"))
        #expect(lines[4].contains("no message boundaries: a 4 B length before each"))
        #expect(lines[2].contains("EPIPE 0"))
    }

    @Test func aDatagramSocketSaysWhatTheKernelHides() {
        let lines = Self.lines(Self.socketChannel(.unixDatagram), height: 8)
        #expect(lines[3].contains("kernel 10/11 datagrams of 16 B"))
        #expect(lines[4].contains("counted by the processes (SIOCINQ: next datagram only, 16 B)") && lines[4].contains("limit 11 = max_dgram_qlen + 1"))
        #expect(lines[2].contains("ECONNREFUSED 0"))
    }

    @Test func aMessageQueueCountsMessagesAndHasNoEnds() {
        let lines = Self.lines(Self.socketChannel(.mqueue), height: 8)
        #expect(lines[3].contains("kernel 10/10 msgs of 16 B (mq_getattr)") && lines[3].contains("writer 41 blocked in wq_sleep"))
        #expect(lines[4].contains("mq_curmsgs of mq_maxmsg") && lines[4].contains("/chanscope-ipc-1-0-c"))
        #expect(!lines[2].contains("EPIPE"), "a message queue never gives one")
    }
}
