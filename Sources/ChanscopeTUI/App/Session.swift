import Channels
import ChanscopeEngine
import Foundation

/// The real `SessionControl`: the running experiment, its sampler and the recorder the sampler
/// feeds; a restart or another preset replaces the running parts.
///
/// The sampler thread puts every snapshot in an inbox and writes it to the CSV file; the UI
/// thread takes the inbox when it draws. Neither waits for the other, and no snapshot (and so
/// no event) is lost when the UI draws less often than the sampler samples.
public final class EngineSession: SessionControl, @unchecked Sendable {
    private var running: RunningExperiment
    private let options: AppOptions
    private let presetEntries: () -> [AppState.PresetEntry]
    /// Rows last reported, so `takeMessages` says only what changed.
    private var reportedRows: Int?

    /// Builds the experiment and, if `options.recordPath` is set, opens the recording first, so
    /// its first row is the first sample (time 0, with the "started" event). Nothing runs yet.
    public init(preset: Preset, options: AppOptions, presetEntries: @escaping () -> [AppState.PresetEntry] = { [] }) {
        self.options = options
        self.presetEntries = presetEntries
        running = RunningExperiment(preset: preset, options: options)
    }

    /// Starts the workers and the sampler, recording to `options.recordPath` if set; returns the
    /// first messages (the session, the recording or why it could not start).
    public func start() -> [AppMessage] {
        var messages: [AppMessage] = [.sessionStarted(presetName: running.loaded.name, lesson: running.loaded.lesson, keepSelections: false)]
        let failure = running.start(recordingTo: options.recordPath, paused: options.startPaused)
        if let path = options.recordPath { messages.append(failure.map { .recordingFailed($0.description) } ?? .recordingStarted(path: path)) }
        return messages
    }

    public var experiment: Experiment { running.experiment }

    public func run(_ command: Command) -> [AppMessage] {
        let experiment = running.experiment
        switch command {
        case .quit:
            return []
        case .setPaused(let paused):
            return [.controlApplied(experiment.setPaused(paused))]
        case .setKnob(let id, let value):
            return experiment.setKnob(id, to: value).map { [.controlApplied($0)] } ?? []
        case .setKind(let channel, let family):
            return experiment.setKind(of: channel, to: family).map { [.controlApplied($0)] } ?? []
        case .addWorker(let group):
            return experiment.addWorker(to: group).map { [.controlApplied($0)] } ?? []
        case .removeWorker(let group):
            return experiment.removeWorker(from: group).map { [.controlApplied($0)] } ?? []
        case .closeGroup(let group):
            return [.controlApplied(experiment.closeGroup(group))]
        case .killProcess(let group):
            return [.controlApplied(experiment.killProcess(of: group))]
        case .startRecording:
            return [startRecording(to: Self.recordingPath(for: running.loaded.name, in: options.recordingDirectory))]
        case .stopRecording:
            return running.stopRecording().map { [.recordingStopped(rows: $0)] } ?? []
        case .loadPresetList:
            return [.presetListLoaded(presetEntries())]
        case .restart:
            return replace(with: running.loaded, keepSelections: true)
        case .restartKeepingSettings:
            return replace(with: experiment.currentPreset(), keepSelections: true)
        case .loadPreset(let path):
            do {
                return replace(with: try PresetLibrary.load(path: path), keepSelections: false)
            } catch {
                return [.presetFailed(error.lines.first ?? "cannot load \(path)")]
            }
        }
    }

    public func takeMessages() -> [AppMessage] {
        var messages = running.takeSnapshots().map(AppMessage.snapshot)
        if let failure = running.takeRecordingFailure() {
            messages.append(.recordingFailed(failure))
            reportedRows = nil
        } else if let rows = running.recordedRows, rows != reportedRows {
            messages.append(.recordingRows(rows))
            reportedRows = rows
        }
        return messages
    }

    public func shutdown() {
        running.stop(inBackground: false)
    }

    /// Stops the running experiment in the background (the UI never waits for a worker) and
    /// starts a new one; a recording goes on into the same file only for the same preset.
    private func replace(with preset: Preset, keepSelections: Bool) -> [AppMessage] {
        running.stop(inBackground: true)
        reportedRows = nil
        running = RunningExperiment(preset: preset, options: options, loaded: keepSelections ? running.loaded : preset)
        running.start()
        return [.recordingStopped(rows: 0), .sessionStarted(presetName: preset.name, lesson: preset.lesson, keepSelections: keepSelections)]
    }

    private func startRecording(to path: String) -> AppMessage {
        do {
            try running.startRecording(to: path)
            return .recordingStarted(path: path)
        } catch {
            return .recordingFailed(error.description)
        }
    }

    /// A file name for a new recording in the working directory that does not exist yet.
    static func recordingPath(for presetName: String, in directory: String? = nil, now: Date = Date()) -> String {
        let slug = presetName.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = (directory.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "") + "chanscope-" + String(slug).split(separator: "-").joined(separator: "-") + "-" + formatter.string(from: now)
        var candidate = base + ".csv"
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(counter).csv"
            counter += 1
        }
        return candidate
    }
}
