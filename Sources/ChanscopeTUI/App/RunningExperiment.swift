import Channels
import ChanscopeEngine

/// One experiment as the screen runs it: the engine, its sampler, and the recorder that the
/// sampler feeds, with what the sampler thread and the UI thread share.
final class RunningExperiment: @unchecked Sendable {
    /// The preset `r` goes back to (the one loaded, not the settings reached since).
    let loaded: Preset
    let experiment: Experiment
    let sampler: Sampler
    private let outlet = Outlet()

    /// What the sampler thread and the UI thread share, each part under its own lock.
    private final class Outlet: Sendable {
        let inbox = Locked<[Snapshot]>([])
        let recorder = Locked<CSVRecorder?>(nil)
        let recordFailure = Locked<String?>(nil)

        /// Runs on the sampler thread for every snapshot.
        func deliver(_ snapshot: Snapshot) {
            recorder.withLock { active in
                guard let current = active else { return }
                do {
                    try current.record(snapshot)
                } catch {
                    recordFailure.withLock { $0 = "\(error)" }
                    current.close()
                    active = nil
                }
            }
            inbox.withLock { queue in
                queue.append(snapshot)
                if queue.count > 1000 { queue.removeFirst(queue.count - 1000) }
            }
        }
    }

    init(preset: Preset, options: AppOptions, loaded: Preset? = nil) {
        self.loaded = loaded ?? preset
        experiment = Experiment(preset: preset, seed: options.seed, memoryLimit: options.memoryLimit)
        let outlet = outlet
        sampler = Sampler(experiment: experiment, hz: options.sampleHz) { outlet.deliver($0) }
    }

    /// Starts the workers and the sampler; with `recordingTo`, the recording is open before the
    /// first sample, so its first row is time 0 with the "started" event.
    /// - Returns: why the recording could not start, if it could not (the experiment runs).
    @discardableResult
    func start(recordingTo path: String? = nil, paused: Bool = false) -> CSVRecorder.RecorderError? {
        var failure: CSVRecorder.RecorderError?
        if let path {
            do {
                try openRecorder(at: path)
            } catch {
                failure = error
            }
        }
        let now = MonotonicClock.now()
        experiment.start(now: now, paused: paused || loaded.startsPaused)
        if let path, failure == nil { experiment.note(.recording, "recording to \(path)", now: now) }
        sampler.start(now: now)
        return failure
    }

    /// Snapshots taken since the last call, oldest first.
    func takeSnapshots() -> [Snapshot] {
        outlet.inbox.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }

    /// Starts recording to `path` (created exclusively), with the header from the experiment's
    /// shape: reading it consumes nothing, so no event is lost to the recording or the screen.
    func startRecording(to path: String) throws(CSVRecorder.RecorderError) {
        try openRecorder(at: path)
        experiment.note(.recording, "recording to \(path)")
    }

    /// Creates the file (exclusively) with the experiment's header and hands it to the sampler.
    private func openRecorder(at path: String) throws(CSVRecorder.RecorderError) {
        let created = try CSVRecorder(path: path, layout: experiment.layout())
        outlet.recorder.withLock { $0 = created }
    }

    /// Stops recording and closes the file; returns rows written, or nil when not recording.
    func stopRecording() -> Int? {
        let rows: Int? = outlet.recorder.withLock { active in
            guard let current = active else { return nil }
            current.close()
            active = nil
            return current.rowsWritten
        }
        if let rows { experiment.note(.recording, "recording stopped (\(rows) rows)") }
        return rows
    }

    /// Rows written so far, if recording.
    var recordedRows: Int? { outlet.recorder.withLock { $0?.rowsWritten } }

    /// A recording error since the last call (the recording stopped).
    func takeRecordingFailure() -> String? {
        outlet.recordFailure.withLock { failure in
            defer { failure = nil }
            return failure
        }
    }

    /// Stops sampling and recording and shuts the experiment down.
    ///
    /// - Parameter inBackground: shut the workers down on another thread, so the UI thread never
    ///   waits for a worker (restart and preset switch); quitting waits.
    func stop(inBackground: Bool) {
        sampler.stop()
        _ = stopRecording()
        if inBackground {
            let experiment = experiment
            _ = JoinableThread(name: "shutdown") { experiment.shutdown() }
        } else {
            experiment.shutdown()
        }
    }
}
