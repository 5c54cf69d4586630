#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Channels
import Foundation
import Testing
@testable import ChanscopeEngine

/// Shared helpers for the engine tests: presets from YAML, bounded waits, and a snapshot watcher
/// that checks the accounting identities on every snapshot and keeps every event.

/// A preset from YAML text; a bad text fails the test that wrote it.
func enginePreset(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Preset {
    do {
        return try PresetLoader.parse(yaml: yaml, source: "test.yaml")
    } catch {
        Issue.record("preset does not load: \(error.lines.joined(separator: "\n"))", sourceLocation: sourceLocation)
        throw error
    }
}

/// Polls `condition` every millisecond until it holds; records a failure and returns false once
/// `timeout` seconds have passed, so no test can hang on a condition that never comes.
@discardableResult
func waitUntil(
    timeout: Double = 10, _ what: @autoclosure () -> String = "condition",
    sourceLocation: SourceLocation = #_sourceLocation, _ condition: () -> Bool
) -> Bool {
    let deadline = MonotonicClock.now() &+ UInt64(timeout * 1e9)
    while true {
        if condition() { return true }
        if MonotonicClock.now() >= deadline {
            Issue.record("timed out after \(timeout) s waiting for \(what())", sourceLocation: sourceLocation)
            return false
        }
        usleep(1000)
    }
}

/// Seconds since `start` (monotonic nanoseconds).
func secondsSince(_ start: UInt64) -> Double {
    Double(MonotonicClock.now() &- start) / 1e9
}

/// Takes snapshots of one experiment, checks both identities of every channel in each, and keeps
/// every event in order.
final class Watcher {
    let experiment: Experiment
    private(set) var events: [ExperimentEvent] = []
    private(set) var snapshots = 0
    private(set) var last: Snapshot?

    init(_ experiment: Experiment) { self.experiment = experiment }

    @discardableResult
    func snap(sourceLocation: SourceLocation = #_sourceLocation) -> Snapshot {
        let snapshot = experiment.takeSnapshot()
        snapshots += 1
        events += snapshot.events
        last = snapshot
        #expect(snapshot.accountingViolation == nil, sourceLocation: sourceLocation)
        for channel in snapshot.channels where !channel.counters.identitiesHold {
            Issue.record("\(channel.name): \(channel.counters.identityViolation ?? "")", sourceLocation: sourceLocation)
        }
        return snapshot
    }

    /// Snapshots until `condition` holds for one (bounded); returns that snapshot.
    @discardableResult
    func waitFor(
        timeout: Double = 10, _ what: @autoclosure () -> String = "condition",
        sourceLocation: SourceLocation = #_sourceLocation, _ condition: (Snapshot) -> Bool
    ) -> Snapshot {
        var latest = snap(sourceLocation: sourceLocation)
        waitUntil(timeout: timeout, "\(what()) (last snapshot: \(Self.brief(latest)))", sourceLocation: sourceLocation) {
            latest = snap(sourceLocation: sourceLocation)
            return condition(latest)
        }
        return latest
    }

    /// Group progress and channel depths, for a failure message.
    static func brief(_ snapshot: Snapshot) -> String {
        let groups = snapshot.groups.map { "\($0.name) done \($0.done) \($0.workerStates)" }
        let channels = snapshot.channels.map { "\($0.name) \($0.kind.name) depth \($0.counters.depth)" }
        return (groups + channels).joined(separator: "; ")
    }

    /// Keeps snapshotting for `seconds` (for checks that something does not happen).
    func keepWatching(for seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let start = MonotonicClock.now()
        while secondsSince(start) < seconds {
            snap(sourceLocation: sourceLocation)
            usleep(5000)
        }
    }

    func events(_ kind: ExperimentEvent.Kind) -> [ExperimentEvent] { events.filter { $0.kind == kind } }

    /// Index of the first event of `kind` whose text contains `text`, or nil.
    func index(of kind: ExperimentEvent.Kind, containing text: String) -> Int? {
        events.firstIndex { $0.kind == kind && $0.text.contains(text) }
    }
}

extension Snapshot {
    /// The group, which the test's preset defines.
    func g(_ name: String) -> GroupSnapshot {
        guard let group = group(named: name) else { fatalError("no group \(name)") }
        return group
    }

    /// The channel, which the test's preset defines.
    func ch(_ name: String) -> ChannelSnapshot {
        guard let channel = channel(named: name) else { fatalError("no channel \(name)") }
        return channel
    }
}

/// Runs `body` on its own thread; true if it returned within `timeout` seconds.
func finishesPromptly(timeout: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let finished = Locked(false)
    let thread = JoinableThread(name: "bounded") {
        body()
        finished.withLock { $0 = true }
    }
    let ok = waitUntil(timeout: timeout, "the call to return") { finished.current }
    if ok { thread.join() }
    return ok
}
