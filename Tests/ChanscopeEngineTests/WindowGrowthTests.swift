@testable import ChanscopeEngine
import Testing

/// `GROWING` needs a queue that really grows: a steady rise reads its rate, a batch sawtooth that
/// empties every period reads no growth whatever phase the window's ends fall on.
@Suite("Window growth")
struct WindowGrowthTests {
    static let tick: UInt64 = 100_000_000  // the sampler's 100 ms

    static func series(_ depth: (Int) -> Int) -> [WindowGrowth.Point] {
        (0...20).map { WindowGrowth.Point(time: UInt64($0) * tick, depth: depth($0)) }
    }

    @Test("a steady rise of 3 messages a second reads +3/s")
    func steady() {
        let growth = WindowGrowth.perSecond(Self.series { $0 * 3 / 10 })
        #expect(abs(growth - 3) < 0.6)
    }

    @Test("six tasks put at once every 0.9 s and worked off between read no growth at any phase")
    func sawtooth() {
        for phase in 0..<9 {
            // Depth right after a batch is 6, falling by 2 every 300 ms to 0.
            let growth = WindowGrowth.perSecond(Self.series { max(0, 6 - 2 * (($0 + phase) % 9 / 3)) })
            #expect(growth < ChannelSituation.growthThreshold, "phase \(phase): \(growth)")
        }
    }

    @Test("a falling queue reads negative; one step in the window is below the threshold")
    func fallingAndStep() {
        #expect(WindowGrowth.perSecond(Self.series { 40 - $0 }) < 0)
        #expect(WindowGrowth.perSecond(Self.series { $0 < 5 ? 10 : 11 }) < ChannelSituation.growthThreshold)
        #expect(WindowGrowth.perSecond([]) == 0)
        #expect(WindowGrowth.perSecond([WindowGrowth.Point(time: 5, depth: 3)]) == 0)
    }
}
