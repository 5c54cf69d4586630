import Channels
import Synchronization

/// Runs an experiment without a screen for a while, sampling, recording, and checking accounting.
///
/// The same engine as the TUI with no renderer. Ends after the duration, as
/// soon as every group has finished, or when `stop` is requested, then takes one last snapshot, so the final counts include
/// everything that happened, and stops the workers.
public enum HeadlessRunner {
    /// Runs `preset`; `onSnapshot` sees each snapshot as it is taken (for a progress line).
    ///
    /// A recording that cannot start throws; one that fails later (a full disk) stops, and the
    /// run goes on to its summary with `recordingFailure` set.
    public static func run(
        _ preset: Preset, options: HeadlessOptions, stop: HeadlessStop = HeadlessStop(),
        onSnapshot: @escaping @Sendable (Snapshot) -> Void = { _ in }
    ) throws(CSVRecorder.RecorderError) -> HeadlessResult {
        let experiment = Experiment(
            preset: preset, seed: options.seed, deadlockGrace: options.deadlockGrace, memoryLimit: options.memoryLimit)
        let collected = Locked(HeadlessResult(historyLimit: options.historyLimit))
        let finished = stop.condition
        let done = Atomic<Bool>(false)
        // Opened before any thread runs, from the experiment's shape, so the first row is the
        // first sample (time 0, with the "started" event).
        let recorder = Locked<CSVRecorder?>(try options.recordPath.map { path throws(CSVRecorder.RecorderError) in
            try CSVRecorder(path: path, layout: experiment.layout())
        })
        let handle: @Sendable (Snapshot) -> Void = { snapshot in
            let failure = recorder.withLock { recorder -> (String, Int)? in
                guard let active = recorder else { return nil }
                do {
                    try active.record(snapshot)
                    return nil
                } catch {
                    recorder = nil
                    return ("\(error)", active.rowsWritten)
                }
            }
            collected.withLock { result in
                result.add(snapshot)
                if let (reason, rows) = failure { (result.recordingFailure, result.rowsRecorded) = (reason, rows) }
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
        sampler.start(now: start)
        let deadline = start &+ UInt64.nanoseconds(fromSeconds: options.duration)
        finished.withLock {
            while !done.load(ordering: .acquiring), !stop.isRequested, MonotonicClock.now() < deadline {
                finished.wait(until: deadline)
            }
        }
        sampler.stop()
        // The last sample before the workers are stopped: stopping closes every channel end, and
        // those shutdown disconnects are not part of the experiment.
        handle(experiment.takeSnapshot())
        experiment.shutdown()
        let rows = recorder.withLock { recorder -> Int? in
            defer { recorder?.close() }
            return recorder?.rowsWritten
        }
        return collected.withLock { result in
            if let rows { result.rowsRecorded = rows }
            return result
        }
    }
}
