import Channels
import ChanscopeEngine
import Foundation

/// One running experiment as the screen sees it: the engine, its sampler, and the recorder that
/// the sampler feeds.
///
/// The sampler thread puts every snapshot in an inbox and writes it to the CSV file; the UI
/// thread drains the inbox when it draws. Neither waits for the other, and no snapshot (and so
/// no event) is lost when the UI draws less often than the sampler samples.
final class Session: @unchecked Sendable {
    let preset: Preset
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

    init(preset: Preset, options: AppOptions) {
        self.preset = preset
        experiment = Experiment(preset: preset, seed: options.seed)
        let outlet = outlet
        sampler = Sampler(experiment: experiment, hz: options.sampleHz) { outlet.deliver($0) }
    }

    func start() {
        experiment.start()
        sampler.start()
    }

    /// Snapshots taken since the last call, oldest first.
    func drainSnapshots() -> [Snapshot] {
        outlet.inbox.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }

    // MARK: Recording

    /// Starts recording to `path` (created exclusively).
    func startRecording(to path: String) throws(CSVRecorder.RecorderError) {
        let layout = sampler.latest ?? experiment.snapshot()
        let created = try CSVRecorder(path: path, layout: layout)
        outlet.recorder.withLock { $0 = created }
        experiment.note(.recording, "recording to \(path)")
    }

    /// Stops recording and closes the file; returns rows written.
    @discardableResult
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

    /// The file being recorded to and its rows so far, if recording.
    var recording: (path: String, rows: Int)? {
        outlet.recorder.withLock { $0.map { ($0.path, $0.rowsWritten) } }
    }

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
        stopRecording()
        if inBackground {
            let experiment = experiment
            _ = JoinableThread(name: "shutdown") { experiment.shutdown() }
        } else {
            experiment.shutdown()
        }
    }

    /// A file name for a new recording in the working directory that does not exist yet.
    static func recordingPath(for presetName: String, now: Date = Date()) -> String {
        let slug = presetName.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = "chanscope-" + String(slug).split(separator: "-").joined(separator: "-") + "-" + formatter.string(from: now)
        var candidate = base + ".csv"
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(counter).csv"
            counter += 1
        }
        return candidate
    }
}
