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
}
