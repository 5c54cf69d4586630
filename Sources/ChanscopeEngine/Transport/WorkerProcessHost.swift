import CProcessSupport
import Channels
import Glibc
import Synchronization

/// The worker process's engine: one worker of one group, its kernel ends, the control thread that
/// applies the parent's instructions and the reporter that publishes the counters.
final class WorkerProcessHost: @unchecked Sendable {
    let plan: WorkerProcessPlan
    let report: SharedWords
    let knobs: KnobBoard
    let control = ExperimentControl()
    let group: WorkerGroup
    /// The ends this process holds, by channel index: its system calls and writer (if writing).
    private var ends: [Int: (io: KernelEndIO, writer: KernelWriter?)] = [:]
    private let started = WaitCondition()
    private var startRequested = false
    /// The reporter once the worker runs (under `started`'s lock): a publish request before that
    /// has nothing to publish.
    private var reporter: Reporter?

    /// How often the reporter publishes: often enough that the parent's 10 Hz samples are fresh.
    static let reportNanos: UInt64 = 5_000_000

    init(plan: WorkerProcessPlan, report: SharedWords) {
        self.plan = plan
        self.report = report
        let preset = plan.preset
        knobs = KnobBoard(preset: preset)
        let channelIndex = Dictionary(preset.channels.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        group = WorkerGroup(index: plan.groupIndex, spec: preset.workers[plan.groupIndex], channelIndex: channelIndex, knobs: knobs)
    }

    /// Opens the ends, waits for the parent's start, runs the worker to its end, then publishes
    /// the last figures.
    func run(control fd: Int32) {
        // The ends first: records the parent sends meanwhile wait in the socket, and the control
        // thread never sees the ends half made.
        let routes = openEnds()
        let controlThread = JoinableThread(name: "control") { [self] in readControl(fd) }
        _ = controlThread
        started.withLock {
            while !startRequested { started.wait(until: nil) }
        }
        let worker = Worker(id: plan.workerID, group: group, routes: routes, knobs: knobs, control: control, seed: plan.seed,
                            ports: ProtocolPorts(mailbox: nil, directory: MailboxDirectory(), mailboxBase: routes.count))
        let reporter = Reporter(host: self, worker: worker)
        started.withLock { self.reporter = reporter }
        worker.start()
        let reporterThread = JoinableThread(name: "reporter") { reporter.loop() }
        worker.join()
        reporter.stop()
        reporterThread.join()
        reporter.publish()
        report[ReportLayout.finished] = 1
    }

    /// Makes every channel's route: the kernel end this process holds, or an unused in-process
    /// channel where the group does not touch it.
    private func openEnds() -> [any MessageRoute] {
        guard let opened = KernelEndOpener.openAll(plan.channels) else { _exit(5) }
        return plan.channels.enumerated().map { index, channel -> any MessageRoute in
            guard let io = opened[index] else { return ChannelRoute(channel: Channel<Message>(kind: .unbounded)) }
            if channel.end == "write" {
                let writer = KernelWriter(io: io, messageBytes: channel.messageBytes, dropsWhenFull: channel.dropsWhenFull, report: report, channel: index)
                ends[index] = (io, writer)
                return KernelEndRoute(outlet: writer, inlet: nil)
            }
            ends[index] = (io, nil)
            return KernelEndRoute(outlet: nil, inlet: KernelReader(io: io, messageBytes: channel.messageBytes, report: report, channel: index))
        }
    }

    /// The system calls of channel `index`'s end here, if this process holds one.
    func io(of index: Int) -> KernelEndIO? { ends[index]?.io }

    /// Applies the parent's records until the control socket ends; then the process ends too.
    private func readControl(_ fd: Int32) {
        while let bytes = ControlRecord.readExactly(fd, ControlRecord.size) {
            guard let record = ControlRecord(bytes: bytes) else { continue }
            let index = Int(record.index)
            switch record.operation {
            case .setKnob:
                if index < knobs.specs.count { knobs.set(at: index, to: record.value) }
                control.wakeAll()
            case .pause:
                control.paused.store(record.value != 0, ordering: .releasing)
                control.wakeAll()
            case .start:
                started.withLock { startRequested = true }
                started.broadcast()
            case .setCapacity:
                guard let end = ends[index] else { continue }
                report[ReportLayout.Channel(index).capacityError] = UInt64(end.io.setCapacity(bytes: Int(saturating: record.value)))
            case .publish:
                started.withLock { reporter }?.publish()
                report[ReportLayout.published] = UInt64(saturating: record.value)
            case .setDropping:
                ends[index]?.writer?.dropsWhenFull.store(record.value != 0, ordering: .relaxed)
            }
        }
        _exit(0)
    }
}
