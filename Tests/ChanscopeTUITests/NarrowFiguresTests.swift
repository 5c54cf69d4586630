import Channels
import ChanscopeEngine
import Testing

@testable import ChanscopeTUI

/// Figures that must stay whole and steady when rows and panels run out of room: a group's CPU
/// beside a row with more parts, a passing "waits on" against the blocked shares and CPU, and the
/// latency figures at the end of a panel's second line.
@Suite struct NarrowFiguresTests {
    /// The rows drawn as the screen draws them: the same shortening for every row.
    static func rows(_ groups: [GroupSnapshot], width: Int) -> [String] {
        let views = groups.map { GroupRowView(group: $0, isSelected: false, nameWidth: 8, theme: Theme()) }
        let rect = Rect(x: 0, y: 0, width: width, height: 1)
        let shortening = GroupRowView.shortening(for: views, in: rect)
        var grid = Grid(width: width, height: groups.count)
        for (index, view) in views.enumerated() {
            var row = view
            (row.shortenAtLeast, row.leaveOutAtLeast) = shortening
            row.draw(in: Rect(x: 0, y: index, width: width, height: 1), on: &grid)
        }
        return grid.lines().map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    static func consumer(blockedReceive: Double, waitingOn: [String]) -> GroupSnapshot {
        var group = GroupSnapshot(name: "consumer", workerStates: [.blockedOnReceive], received: 558_025, blockedReceivePercent: blockedReceive, cpuPercent: 17)
        group.done = 558_025
        group.waitingOn = waitingOn
        return group
    }

    @Test("a row with a part the others lack (waits on) keeps its CPU where everything fits")
    func extraPartKeepsCPU() {
        let producer = GroupSnapshot(name: "producer", workerStates: [.working], made: 562_122, sent: 562_121, blockedSendPercent: 9, cpuPercent: 18)
        let lines = Self.rows([producer, Self.consumer(blockedReceive: 31, waitingOn: ["threads"])], width: 120)
        #expect(lines[0].contains("CPU 18%"), "\(lines[0])")
        #expect(lines[1].contains("CPU 17%") && lines[1].contains("waits on threads"), "\(lines[1])")
    }

    @Test("short of room, a group blocked now and then keeps blocked and CPU before 'waits on'; a mostly blocked one names what it waits on")
    func waitsOnYieldsUnlessMostlyBlocked() {
        // 80 columns: room for the counts, one more part and the state words, not for all four.
        let sometimes = Self.rows([Self.consumer(blockedReceive: 31, waitingOn: ["threads"])], width: 80)[0]
        #expect(!sometimes.contains("on threads") && sometimes.contains("◀31%"), "\(sometimes)")
        let mostly = Self.rows([Self.consumer(blockedReceive: 90, waitingOn: ["threads"])], width: 80)[0]
        #expect(mostly.contains("on threads"), "\(mostly)")
        #expect(sometimes.hasSuffix("1 recv-blocked") && mostly.hasSuffix("1 recv-blocked"), "the state words stay whole")
    }

    @Test("at 80 columns a fast channel's latency stops after a whole figure, never inside p99")
    func latencyIsWholeOrAbsent() {
        let counters = Fixtures.counters(accepted: 900_603, depth: 4096)
        let latency = LatencySummary(count: 100, p50Microseconds: 54_000, p99Microseconds: 330_000, maxMicroseconds: 330_000)
        let channel = Fixtures.channel("threads", kind: .bounded(4096), counters: counters, latency: latency,
                                       inPerSecond: 133_900, outPerSecond: 135_600)
        for width in 60...120 {
            var grid = Grid(width: width, height: 3)
            ChannelPanelView(channel: channel, depthHistory: [], isSelected: false, theme: Theme()).draw(in: Rect(x: 0, y: 0, width: width, height: 3), on: &grid)
            let line = grid.lines()[1]
            #expect(line.contains("in 133.9k/s out 135.6k/s"), "\(width): \(line)")
            if line.contains("p99") { #expect(line.contains("wait p50 54ms p99 330ms"), "\(width): \(line)") }
            if line.contains("p50") { #expect(line.contains("wait p50 54ms"), "\(width): \(line)") }
            #expect(line.contains("p50") || !line.contains("wait"), "\(width): \(line)")
        }
        var grid = Grid(width: 80, height: 3)
        ChannelPanelView(channel: channel, depthHistory: [], isSelected: false, theme: Theme()).draw(in: Rect(x: 0, y: 0, width: 80, height: 3), on: &grid)
        #expect(grid.lines()[1].contains("wait p50 54ms") && !grid.lines()[1].contains("p99"), "80 columns: \(grid.lines()[1])")
    }
}

extension NarrowFiguresTests {
    @Test("a headline whose detail does not fit shows its word alone, never a detail cut off")
    func headlineWordAlone() {
        let counters = Fixtures.counters(accepted: 5000, depth: 4096)
        var channel = Fixtures.channel("pipe", kind: .bounded(4096), counters: counters, blockedSenders: 1, sendersBlockedPercent: 100)
        channel.kernel = KernelFill(transport: .pipe, bytesQueued: 65536, capacityBytes: 65536, messageBytes: 16)
        channel.situation = ChannelSituation(.backpressure, "senders blocked 100% of the time")
        for (width, whole) in [(120, true), (80, false)] {
            var grid = Grid(width: width, height: 1)
            ChannelPanelView(channel: channel, depthHistory: [], isSelected: false, theme: Theme()).draw(in: Rect(x: 0, y: 0, width: width, height: 1), on: &grid)
            let line = grid.lines()[0]
            #expect(line.contains("pipe  bounded(4096) over a pipe  BACKPRESSURE"), "\(width): \(line)")
            #expect(line.contains("BACKPRESSURE: senders blocked 100% of the time") == whole, "\(width): \(line)")
            #expect(!line.contains(" of the tim") || whole, "\(width): \(line)")
        }
    }
}

extension NarrowFiguresTests {
    @Test("the CPU says how much of it the kernel took, where there is room: CPU 48% (8% kernel), else CPU 48%")
    func kernelPartOfTheCPU() {
        var writer = GroupSnapshot(name: "writer", workerStates: [.working], made: 1_098_814, sent: 1_098_813, cpuPercent: 48)
        writer.kernelCPUPercent = 8
        let producer = GroupSnapshot(name: "producer", workerStates: [.working], made: 1_236_275, sent: 1_236_274, cpuPercent: 47)
        let wide = Self.rows([producer, writer], width: 120)
        #expect(wide[1].contains("CPU 48% (8% kernel)"), "\(wide[1])")
        #expect(wide[0].contains("CPU 47%") && !wide[0].contains("kernel"), "no kernel time, no kernel part: \(wide[0])")
        // Short of room the part takes its short form, the CPU alone: never a figure cut.
        let narrow = Self.rows([producer, writer], width: 72)
        #expect(!narrow[1].contains("(8%") && !narrow[1].contains("kernel"), "\(narrow[1])")
    }
}
