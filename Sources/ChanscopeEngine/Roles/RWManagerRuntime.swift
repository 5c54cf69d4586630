import Channels
import Synchronization

/// A manager group's resolved plan and live state: the channel it receives from, the knobs it
/// reads, its tags as indices, and the policy core both its worker and the sampler see.
///
/// Kept by the group, not the worker: a manager worker removed and added again goes on with
/// the same requests waiting and the same readers inside.
final class RWManagerRuntime: Sendable {
    /// The requests channel's index.
    let requests: Int
    /// The knob choosing the policy, and the one holding the STARVING threshold (ms).
    let policyKnob: Int?
    let starvingKnob: Int?
    /// The protocol's tags as the preset's tag table numbers them.
    let requestRead, requestWrite, doneRead, doneWrite, grantRead, grantWrite: UInt16
    private let core: Locked<RWManagerCore>

    /// The STARVING threshold when the preset gives no knob: five seconds.
    static let defaultStarvingMilliseconds = 5_000.0

    init?(spec: RoleSpec, channelIndex: [String: Int], knobs: KnobBoard, tags: TagTable) {
        guard spec.kind == .rwManager, let requests = spec.requests.flatMap({ channelIndex[$0] }) else { return nil }
        self.requests = requests
        policyKnob = spec.policy.flatMap { knobs.index(of: .preset($0)) }
        starvingKnob = spec.starvingAfter.flatMap { knobs.index(of: .preset($0)) }
        func tag(_ name: String) -> UInt16 { tags.index(of: name) ?? TagTable.untagged }
        (requestRead, requestWrite) = (tag(RWTags.requestRead), tag(RWTags.requestWrite))
        (doneRead, doneWrite) = (tag(RWTags.doneRead), tag(RWTags.doneWrite))
        (grantRead, grantWrite) = (tag(RWTags.grantRead), tag(RWTags.grantWrite))
        core = Locked(RWManagerCore(policy: .fair))
        let initial = policy(knobs: knobs)
        core.withLock { _ = $0.setPolicy(initial) }
    }

    /// The policy the knob names now (`fair` when the knob names none).
    func policy(knobs: KnobBoard) -> RWPolicy {
        guard let policyKnob else { return .fair }
        return knobs.specs[policyKnob].choice(at: knobs.value(at: policyKnob)).flatMap(RWPolicy.init(rawValue:)) ?? .fair
    }

    /// The STARVING threshold now, in milliseconds.
    func starvingMilliseconds(knobs: KnobBoard) -> Double {
        starvingKnob.map { knobs.value(at: $0) } ?? Self.defaultStarvingMilliseconds
    }

    /// Runs `body` on the core (the manager's worker feeds it; nothing blocks inside).
    func withCore<T>(_ body: (inout RWManagerCore) -> T) -> T { core.withLock { body(&$0) } }

    /// A copy of the core, for a reading.
    var state: RWManagerCore { core.withLock { $0 } }

    /// The grant tag of an access.
    func grantTag(_ access: RWAccess) -> UInt16 { access == .read ? grantRead : grantWrite }
}
