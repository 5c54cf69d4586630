import CProcessSupport
import Channels
import Glibc
import Synchronization

/// The parent's side of an experiment's transport channels: the kernel objects, the worker
/// processes of the groups that use them, and clean-up on every path.
///
/// The parent makes each unnamed pipe and hands the ends to the two processes, closing its own
/// copies at once (so end of file and `EPIPE` mean what they say); each FIFO and socket file it
/// makes in the run's folder (binding and listening, so the writer's `connect` never races the
/// reader), each message queue under a name with the run's pid, and the processes open by name. Every process joins one process group and dies
/// with the parent (`PR_SET_PDEATHSIG`); `shutdown` kills and reaps them and removes the folder.
final class KernelChannels: @unchecked Sendable {
    let preset: Preset
    /// Indices of the transport channels, and of the groups that run in processes.
    let transportChannels: [Int]
    let processGroups: [Int]
    /// The worker process of each process group (experiment lock), by group index.
    private(set) var handles: [Int: WorkerProcessHandle] = [:]
    private(set) var directory: RunDirectory?
    private var processGroupID: pid_t = 0
    /// Each channel's latency buckets at the previous reading (experiment lock).
    var previousBuckets: [Int: [UInt64]] = [:]
    /// Groups whose `crash_after` has fired (experiment lock).
    var crashed: Set<Int> = []
    /// The kernel function each group's worker was last seen waiting in (experiment lock).
    var lastWaitChannels: [Int: String] = [:]

    private static let serial = Atomic<Int>(0)

    /// Nil when the preset has no transport channel.
    init?(preset: Preset) {
        let channels = preset.channels.indices.filter { preset.channels[$0].transport != nil }
        guard !channels.isEmpty else { return nil }
        let names = Set(channels.map { preset.channels[$0].name })
        self.preset = preset
        transportChannels = channels
        processGroups = preset.workers.indices.filter { Self.uses(preset.workers[$0], anyOf: names) }
    }

    static func uses(_ group: WorkerGroupSpec, anyOf channels: Set<String>) -> Bool {
        group.steps.contains { step in
            switch step {
            case .send(let c), .recv(let c), .poll(let c): channels.contains(c)
            default: false
            }
        }
    }

    func runsInProcess(_ group: Int) -> Bool { processGroups.contains(group) }

    /// The name of a named channel, once made: a FIFO's or socket's path in the run's folder, a
    /// message queue's name (`/chanscope-ipc-PID-N-CHANNEL`).
    func path(of channel: Int) -> String? {
        guard let transport = preset.channels[channel].transport, transport.isNamed, let directory else { return nil }
        let name = Self.fileName(preset.channels[channel].name)
        switch transport {
        case .pipe: return nil
        case .fifo: return directory.file(name)
        case .unixStream, .unixDatagram: return directory.file(name + ".sock")
        case .mqueue: return directory.queueName(name)
        }
    }

    private static func fileName(_ channel: String) -> String {
        String(channel.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    /// Makes the kernel objects and starts one process per process group, each with the knob
    /// values now; returns what went wrong, for the event log (empty when all started).
    func launch(groups: [WorkerGroup], knobs: KnobBoard, paused: Bool, seed: UInt64) -> [String] {
        var problems: [String] = []
        RunDirectory.removeStale()
        directory = RunDirectory.make(serial: Self.serial.wrappingAdd(1, ordering: .relaxed).oldValue)
        var made: [Int: KernelObjects.Made] = [:]
        for index in transportChannels {
            switch KernelObjects.make(preset.channels[index], path: path(of: index), directory: directory) {
            case .success(let objects): made[index] = objects
            case .failure(let problem): problems.append(problem.text)
            }
        }
        for groupIndex in processGroups {
            let group = groups[groupIndex]
            guard let mirror = group.workers.first else { continue }
            var plan = WorkerProcessPlan(preset: preset, groupIndex: groupIndex, workerID: mirror.id, seed: seed)
            var descriptors: [(source: Int32, target: Int32)] = []
            for index in transportChannels {
                let end = group.sendsTo.contains(index) ? "write" : group.receivesFrom.contains(index) ? "read" : nil
                guard let end else { continue }
                plan.channels[index].end = end
                plan.channels[index].path = path(of: index)
                if let source = end == "write" ? made[index]?.writeFD : made[index]?.readFD {
                    let target = WorkerProcess.firstChannelFD + Int32(descriptors.count)
                    descriptors.append((source, target))
                    plan.channels[index].fd = target
                }
            }
            if let problem = start(plan: plan, group: groupIndex, descriptors: descriptors, knobs: knobs, paused: paused) {
                problems.append("\(group.name): \(problem)")
            }
        }
        // The parent keeps no end: the last writer's close is the reader's end of file, the last
        // reader's the writer's EPIPE.
        for objects in made.values { objects.closeParentCopies() }
        return problems
    }

    /// Starts one worker process; nil, or what failed.
    private func start(plan: WorkerProcessPlan, group: Int, descriptors: [(source: Int32, target: Int32)],
                       knobs: KnobBoard, paused: Bool) -> String? {
        guard let report = SharedWords(count: ReportLayout.words(channels: preset.channels.count)) else { return "no shared memory" }
        var control: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &control) == 0 else {
            return "socketpair: \(String(cString: strerror(errno)))"
        }
        defer { close(control[1]) }
        let all = [(control[1], WorkerProcess.controlFD), (report.fd, WorkerProcess.reportFD)] + descriptors
        var result = ProcessSpawner.shared.spawn(.init(descriptors: all, processGroup: processGroupID))
        if case .failure(let error) = result, error.code == EPERM, processGroupID != 0 {
            // Every earlier member has ended: the group is gone; start a new one.
            processGroupID = 0
            result = ProcessSpawner.shared.spawn(.init(descriptors: all, processGroup: 0))
        }
        switch result {
        case .failure(let error):
            close(control[0])
            return "could not start a worker process: \(error.text)"
        case .success(let pid):
            if processGroupID == 0 { processGroupID = pid }
            let handle = WorkerProcessHandle(pid: pid, groupIndex: group, report: report, controlFD: control[0])
            handles[group] = handle
            _ = handle.send(plan: plan)
            for index in knobs.specs.indices { handle.send(ControlRecord(.setKnob, index: index, value: knobs.value(at: index))) }
            if paused { handle.send(ControlRecord(.pause, value: 1)) }
            handle.send(ControlRecord(.start))
            return nil
        }
    }

    /// The number of the last publish request (experiment lock).
    private var publishRequest: UInt64 = 0

    /// Asks every running worker process to publish its counters now and waits, at most 2 ms,
    /// until each has: then the writer's and the reader's figures in one sample are of nearly the
    /// same moment. A process that does not answer in time (busy, or ending) keeps its last
    /// figures, which are at most the reporter's 5 ms old.
    func publishNow() {
        publishRequest &+= 1
        let request = publishRequest
        let running = handles.values.filter(\.isRunning)
        for handle in running { handle.send(ControlRecord(.publish, value: Double(request))) }
        let deadline = MonotonicClock.now() &+ 2_000_000
        while running.contains(where: { $0.isRunning && $0.report[ReportLayout.published] < request }), MonotonicClock.now() < deadline {
            sched_yield()
        }
    }

    /// Sends one instruction to every worker process.
    func broadcast(_ record: ControlRecord) {
        for handle in handles.values { handle.send(record) }
    }

    /// The process that holds channel `index`'s writing (or reading) end.
    func handle(of channel: Int, writing: Bool, groups: [WorkerGroup]) -> WorkerProcessHandle? {
        groups.first { writing ? $0.sendsTo.contains(channel) : $0.receivesFrom.contains(channel) }
            .flatMap { handles[$0.index] }
    }

    /// Kills every worker process (and anything left in their process group), reaps them, and
    /// removes the run's folder. Idempotent.
    func shutdown() {
        // Only while a member is unreaped: then the group id is still ours and no other's.
        if processGroupID != 0, handles.values.contains(where: \.isRunning) { kill(-processGroupID, SIGKILL) }
        for handle in handles.values { handle.terminate() }
        for index in transportChannels where preset.channels[index].transport == .mqueue {
            if let name = path(of: index) { _ = chanscope_mq_unlink(name) }
        }
        directory?.remove()
        directory = nil
    }
}
