import Testing
@testable import ChanscopeEngine

/// The bench's manager round trips: every round trip made, through the real role, no violation.
@Suite("Manager benchmark")
struct ManagerBenchmarkTests {
    @Test("round trips through the manager complete, with a rate and no violations", arguments: [1, 3])
    func roundTrips(readers: Int) throws {
        let result = ManagerBenchmark.run(readers: readers, roundTrips: 300)
        #expect(result.completed)
        #expect(result.violations == 0)
        #expect(result.perSecond > 0)
    }
}
