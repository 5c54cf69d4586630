import Channels
import Testing

@testable import ChanscopeEngine

/// The CPU figure is the system's thread CPU time: a computing worker is near a whole core, a
/// sleeping one near nothing; a worker polling in a loop shows its cost.
@Suite(.serialized) struct CPUFigureTests {
    static let yaml = """
        name: CPU
        summary: s
        channels: { jobs: { kind: unbounded } }
        knobs:
          work_ms: { value: 50, min: 0, max: 1000, label: Work, unit: ms }
          nap_ms: { value: 50, min: 0, max: 1000, label: Nap, unit: ms }
          poll_ms: { value: 0, min: 0, max: 1000, label: Poll wait, unit: ms }
          idle_ms: { value: 60000, min: 0, max: 60000, label: Feeder wait, unit: ms }
        workers:
          cruncher: { loop: [ { compute: work_ms } ] }
          sleeper: { loop: [ { sleep: nap_ms } ] }
          poller: { loop: [ { poll: jobs }, { sleep: poll_ms } ] }
          feeder: { loop: [ { sleep: idle_ms }, make, { send: jobs } ] }
        """

    @Test("compute burns a core, sleep does not, a tight poll loop does and its polls are counted")
    func cpuFollowsTheWork() throws {
        let result = try HeadlessRunner.run(
            try enginePreset(Self.yaml).applying(overrides: ["poll_ms=1000"]), options: HeadlessOptions(duration: 2.5, sampleHz: 20))
        let final = try #require(result.final)
        let cruncher = final.g("cruncher")
        let sleeper = final.g("sleeper")
        // Alone, a computing thread gets a whole core; on a loaded machine (a CI run with every
        // suite at once on two cores) it gets a share of one, still far above a sleeper's.
        #expect(cruncher.cpuPercent > 10, "cruncher \(cruncher.cpuPercent)%")
        #expect(cruncher.cpuPercent < 110)
        #expect(sleeper.cpuPercent < 5, "sleeper \(sleeper.cpuPercent)%")
        #expect(cruncher.cpuPercent > 10 * max(sleeper.cpuPercent, 0.1))
        #expect(cruncher.workerStates == [.working])

        let polling = try HeadlessRunner.run(
            try enginePreset(Self.yaml).applying(overrides: ["work_ms=0"]), options: HeadlessOptions(duration: 2.5, sampleHz: 20))
        let poller = try #require(polling.final).g("poller")
        #expect(poller.cpuPercent > 10 * max(sleeper.cpuPercent, 0.1), "poller \(poller.cpuPercent)%")
        // A loop that slept even 1 ms between polls could not pass 1,000 a second; a tight one
        // does many thousands (about 10,000 under the thread sanitizer on a loaded machine).
        #expect(poller.pollsPerSecond > 2_000, "\(poller.pollsPerSecond) polls/s")
        #expect(poller.emptyPolls > 2_000)
        #expect(poller.emptyPollShare > 99.9)
        #expect(sleeper.pollsPerSecond == 0)
    }

    @Test("a compute step follows its knob live and stops at once when the worker is stopped")
    func computeFollowsItsKnob() throws {
        let experiment = Experiment(preset: try enginePreset(Self.yaml))
        experiment.start()
        experiment.setKnob(.preset("work_ms"), to: 1000)
        let watcher = Watcher(experiment)
        watcher.waitFor("the cruncher working") { $0.g("cruncher").instantStates == [.working] }
        let stopped = finishesPromptly(timeout: 2) { experiment.shutdown() }
        #expect(stopped, "a 1 s compute step does not hold up shutdown")
    }
}
