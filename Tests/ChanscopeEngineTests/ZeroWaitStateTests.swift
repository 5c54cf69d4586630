import Channels
import Foundation
import Testing
@testable import ChanscopeEngine

/// A sleep step whose knob is 0 ms does not sleep, so the worker reads working (as its CPU
/// says), never sleeping; the same step reads sleeping again once the knob is above 0.
@Suite("A 0 ms wait is no sleep")
struct ZeroWaitStateTests {
    static let yaml = """
        name: flat out
        summary: A producer with no wait.
        channels:
          work: { kind: dropping, capacity: 4 }
        knobs:
          produce_ms: { value: 0, min: 0, max: 2000, step: 10, label: Producer wait, unit: ms }
        workers:
          producer: { count: 1, loop: [ make, { sleep: produce_ms }, { send: work } ] }
          consumer: { count: 1, loop: [ { recv: work } ] }
        """

    @Test("at 0 ms the producer is never sampled sleeping; at 200 ms it is")
    func zeroIsWorking() throws {
        let experiment = Experiment(preset: try enginePreset(Self.yaml))
        let watcher = Watcher(experiment)
        experiment.start()
        defer { experiment.shutdown() }
        watcher.waitFor(timeout: 10, "the producer under way") { $0.g("producer").sent > 1000 }
        for _ in 0..<200 {
            let states = watcher.snap().g("producer").instantStates
            #expect(!states.contains(.sleeping), "a 0 ms wait read \(states)")
            usleep(500)
        }
        experiment.setKnob(.preset("produce_ms"), to: 200)
        watcher.waitFor(timeout: 10, "the producer sleeping") { $0.now("producer", .sleeping) == 1 }
    }
}
