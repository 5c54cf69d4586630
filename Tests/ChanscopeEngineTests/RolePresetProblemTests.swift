import Channels
import Testing
@testable import ChanscopeEngine

/// Bad manager and priority-channel presets get one line each naming file, line and key; good
/// ones run with the manager and the levels in place.
@Suite("Manager and priority presets")
struct RolePresetProblemTests {
    /// A readers-writers preset with `manager` as its manager line (line 8) and `reader` as
    /// its reader line (line 7).
    static func rw(manager: String = "  manager: { role: rw-manager, requests: requests, policy: policy }",
                   reader: String = "  reader: { mailbox: { kind: unbounded }, loop: [ { make: REQUEST_READ }, { send: requests }, { recv: mailbox }, { work: t, as: reading }, { tag: DONE_READ }, { send: requests } ] }",
                   policy: String = "  policy: { choices: [readers-first, fair], value: fair }") -> String {
        [
            "name: T", "summary: S", "channels:", "  requests: { kind: unbounded }", "knobs:", policy,
            "  t: { value: 10, min: 0, max: 100 }",
            "workers:", reader, manager,
        ].joined(separator: "\n")
    }

    @Test("the template loads; its manager plays the role with the policy knob")
    func templateLoads() throws {
        #expect(presetProblems(Self.rw()) == [])
        let preset = try PresetLoader.parse(yaml: Self.rw(), source: "x.yaml")
        #expect(preset.workerGroup(named: "manager")?.role == RoleSpec(kind: .rwManager, requests: "requests", policy: "policy"))
        #expect(preset.workerGroup(named: "reader")?.steps[3] == .work(knob: "t", jitter: 0, access: .read))
        #expect(preset.tagTable.index(of: "GRANT_READ") != nil, "the manager's grants are in the tag table")
    }

    @Test("a manager without requests, and a role's keys without the role")
    func missingRequests() {
        #expect(presetProblems(Self.rw(manager: "  manager: { role: rw-manager, policy: policy }")) == [
            "x.yaml:10: workers.manager.requests: an rw-manager needs requests: CHANNEL, the channel readers and writers send REQUEST_READ, REQUEST_WRITE, DONE_READ and DONE_WRITE to",
        ])
        #expect(presetProblems(Self.rw(manager: "  manager: { requests: requests, loop: [ { recv: requests } ] }")) == [
            "x.yaml:10: workers.manager.requests: requests is for a group with role: rw-manager",
        ])
    }

    @Test("a manager runs one worker and no loop; its policy is a choice of policy names")
    func managerShape() {
        #expect(presetProblems(Self.rw(manager: "  manager: { role: rw-manager, requests: requests, count: 2 }")) == [
            "x.yaml:10: workers.manager.count: an rw-manager group runs exactly one worker (count 1), not 2",
        ])
        #expect(presetProblems(Self.rw(manager: "  manager: { role: rw-manager, requests: requests, loop: [ make ] }")) == [
            "x.yaml:10: workers.manager.loop: group manager plays a role and runs no loop of its own: remove loop",
        ])
        #expect(presetProblems(Self.rw(policy: "  policy: { choices: [readers-first, kind], value: kind }")) == [
            "x.yaml:10: workers.manager.policy: policy knob policy must be a choice among readers-first, writers-first, fair, as-written, e.g. { choices: [readers-first, fair], value: readers-first }",
        ])
        #expect(presetProblems(Self.rw(manager: "  manager: { role: rw-boss, requests: requests }")) == [
            "x.yaml:10: workers.manager.role: role must be one of rw-manager, found \"rw-boss\"",
        ])
    }

    @Test("the manager grants into mailboxes: a requester without one is named")
    func requesterWithoutMailbox() {
        let reader = "  reader: { loop: [ { make: REQUEST_READ }, { send: requests }, { sleep: t } ] }"
        #expect(presetProblems(Self.rw(reader: reader)) == [
            "x.yaml:10: workers.manager.requests: the manager grants into the sender's mailbox, but reader sends on requests and has no mailbox (give it mailbox: { kind: unbounded })",
        ])
    }

    @Test("work takes as: working, reading or writing and a jitter")
    func workOptions() {
        let reader = "  reader: { mailbox: { kind: unbounded }, loop: [ { make: REQUEST_READ }, { send: requests }, { work: t, as: resting } ] }"
        #expect(presetProblems(Self.rw(reader: reader)) == [
            "x.yaml:9: workers.reader.loop[2].as: as must be one of working, reading, writing, found \"resting\"",
        ])
    }

    // MARK: Priority channels

    static func priority(_ channel: String) -> String {
        [
            "name: T", "summary: S", "channels:", channel, "knobs:", "  aging_ms: { value: 0, min: 0, max: 100 }",
            "workers:", "  producer: { loop: [ { make: URGENT }, { send: jobs }, { make: BULK }, { send: jobs } ] }",
            "  consumer: { loop: [ { recv: jobs } ] }",
        ].joined(separator: "\n")
    }

    @Test("priorities name tags some step gives, with levels 0-15; aging is a knob")
    func priorityProblems() throws {
        #expect(presetProblems(Self.priority("  jobs: { kind: priority, priorities: { URGENT: 2, BULK: 0 }, aging: aging_ms }")) == [])
        #expect(presetProblems(Self.priority("  jobs: { kind: priority, priorities: { URGNT: 2, BULK: 0 } }")) == [
            "x.yaml:4: channels.jobs.priorities.URGNT: no step makes, tags or replies with \"URGNT\", so its priority would never apply (tags given: BULK, URGENT)",
        ])
        #expect(presetProblems(Self.priority("  jobs: { kind: priority, priorities: { URGENT: 16 } }")) == [
            "x.yaml:4: channels.jobs.priorities.URGENT: a priority level must be 0...15, found 16",
        ])
        #expect(presetProblems(Self.priority("  jobs: { kind: priority, aging: slow }")) == [
            "x.yaml:4: channels.jobs.aging: unknown knob \"slow\" (knobs: aging_ms)",
        ])
        #expect(presetProblems(Self.priority("  jobs: { kind: priority, capacity: 0 }")) == [
            "x.yaml:4: channels.jobs.capacity: kind priority needs a capacity of at least 1, not 0",
        ])
    }

    @Test("a priority channel: levels by tag, aging from its knob live, key 6 keeps a declared bound")
    func priorityEngine() throws {
        let preset = try PresetLoader.parse(
            yaml: Self.priority("  jobs: { kind: priority, capacity: 4, priorities: { URGENT: 2, BULK: 0 }, aging: aging_ms }"), source: "x.yaml")
        let experiment = Experiment(preset: preset)
        #expect(experiment.channels[0].levelCount == 3)
        #expect(experiment.setKnob(.preset("aging_ms"), to: 40) != nil)
        #expect(experiment.channels[0].agingNanoseconds == 40_000_000)
        #expect(experiment.setKind(of: "jobs", to: .unbounded)?.change == .kind("jobs", .unbounded))
        #expect(experiment.setKind(of: "jobs", to: .priority)?.change == .kind("jobs", .priority(4)))
        let layout = experiment.layout()
        #expect(layout.channel(named: "jobs")?.priorityLevels?.map(\.tags) == [["BULK"], [], ["URGENT"]])
        #expect(CSVRecorder.header(for: layout).filter { $0.hasPrefix("jobs.depth_p") || $0.hasPrefix("jobs.oldest") } == [
            "jobs.depth_p0", "jobs.oldest_age_ms_p0", "jobs.depth_p1", "jobs.oldest_age_ms_p1", "jobs.depth_p2", "jobs.oldest_age_ms_p2",
        ])
    }
}
