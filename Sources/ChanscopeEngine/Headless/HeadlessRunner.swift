import Channels
import Synchronization

/// Runs an experiment without a screen for a while, sampling, recording, and checking accounting.
///
/// The same engine as the TUI with no renderer (DESIGN.md section 7). Ends after the duration or
/// as soon as every group has finished, then takes one last snapshot, so the final counts include
/// everything that happened, and stops the workers.
public enum HeadlessRunner {
    /// Runs `preset`; `onSnapshot` sees each snapshot as it is taken (for a progress line).
    public static func run(
        _ preset: Preset, options: HeadlessOptions, onSnapshot: @escaping @Sendable (Snapshot) -> Void = { _ in }
    ) throws(CSVRecorder.RecorderError) -> HeadlessResult {
        let experiment = Experiment(preset: preset, seed: options.seed, deadlockGrace: options.deadlockGrace)
        let collected = Locked<(snapshots: [Snapshot], violations: [String], recordError: CSVRecorder.RecorderError?)>(([], [], nil))
        let finished = WaitCondition()
        let done = Atomic<Bool>(false)
        let recorder = Locked<CSVRecorder?>(nil)
        if let path = options.recordPath {
            // The header needs the column names: take them from a snapshot before any thread runs.
            let layout = experiment.snapshot()
            experiment.samplingState = SamplingState()
            experiment.samplingState.detector = DeadlockDetector(grace: options.deadlockGrace)
            let created = try CSVRecorder(path: path, layout: layout)
            recorder.withLock { $0 = created }
        }
        let handle: @Sendable (Snapshot) -> Void = { snapshot in
            recorder.withLock { recorder in
                guard let active = recorder else { return }
                do {
                    try active.record(snapshot)
                } catch {
                    let failure = (error as? CSVRecorder.RecorderError) ?? CSVRecorder.RecorderError(description: "\(error)")
                    collected.withLock { $0.recordError = failure }
                    recorder = nil
                }
            }
            collected.withLock {
                $0.snapshots.append(snapshot)
                if let violation = snapshot.accountingViolation {
                    $0.violations.append(CSVRecorder.fixed(snapshot.time, 1) + " s: " + violation)
                }
            }
            onSnapshot(snapshot)
            if snapshot.isFinished {
                done.store(true, ordering: .releasing)
                finished.withLock {}
                finished.broadcast()
            }
        }
        let sampler = Sampler(experiment: experiment, hz: options.sampleHz, handler: handle)
        let start = MonotonicClock.now()
        experiment.start(now: start)
        sampler.start()
        let deadline = start &+ UInt64(max(0, options.duration) * 1e9)
        finished.withLock {
            while !done.load(ordering: .acquiring), MonotonicClock.now() < deadline {
                finished.wait(until: deadline)
            }
        }
        sampler.stop()
        // The last sample before the workers are stopped: stopping closes every channel end, and
        // those shutdown disconnects are not part of the experiment.
        handle(experiment.snapshot())
        experiment.shutdown()
        let rows = recorder.withLock { recorder -> Int in
            let rows = recorder?.rowsWritten ?? 0
            recorder?.close()
            return rows
        }
        let result = collected.withLock { $0 }
        if let error = result.recordError { throw error }
        return HeadlessResult(snapshots: result.snapshots, violations: result.violations, rowsRecorded: rows)
    }
}
