@testable import ChanscopeEngine
import Testing

/// A built-in role's group is one worker: its workers slider stops at 1, and `+` cannot add a
/// second manager, while `-` can still stop it.
@Suite("Role group worker count")
struct RoleWorkersKnobTests {
    @Test("the rw-manager's workers slider is 0-1; + at 1 stays at 1")
    func managerStaysOne() throws {
        let preset = try PresetLibrary.load(path: "builtin:readers-writers")
        let manager = try #require(preset.workers.first { $0.role != nil })
        let knob = KnobSpec.workers(of: manager)
        #expect(knob.min == 0 && knob.max == 1 && knob.value == 1)
        let reader = try #require(preset.workers.first { $0.role == nil })
        #expect(KnobSpec.workers(of: reader).max == Double(PresetLimits.workers.upperBound))
        let experiment = Experiment(preset: preset)
        experiment.start(paused: true)
        defer { experiment.shutdown() }
        let receipt = experiment.addWorker(to: GroupID(manager.name))
        #expect(receipt?.knobValue == 1, "clamped to one manager")
        #expect(experiment.takeSnapshot().group(named: manager.name)?.workerStates.count == 1)
    }

    @Test("a group in a worker process (pipe) has a 0-1 workers slider; a thread group keeps 0-64")
    func transportGroupStaysOne() throws {
        let preset = try PresetLibrary.load(path: "builtin:pipe")
        let board = KnobBoard(preset: preset)
        for group in preset.workers {
            let spec = try #require(board.index(of: .workers(GroupID(group.name))).map { board.specs[$0] })
            #expect(spec.max == 1, "\(group.name) runs in its own process")
        }
        let threads = try PresetLibrary.load(path: "builtin:backpressure")
        let threadBoard = KnobBoard(preset: threads)
        let first = try #require(threads.workers.first)
        #expect(threadBoard.specs[try #require(threadBoard.index(of: .workers(GroupID(first.name))))].max == Double(PresetLimits.workers.upperBound))
    }
}
