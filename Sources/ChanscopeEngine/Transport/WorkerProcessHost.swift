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
    /// The ends this process holds, by channel index: descriptor and writer (if writing).
    private var ends: [Int: (fd: Int32, writer: PipeWriter?)] = [:]
    private let started = WaitCondition()
    private var startRequested = false

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
        worker.start()
        let reporterThread = JoinableThread(name: "reporter") { reporter.loop() }
        worker.join()
        reporter.stop()
        reporterThread.join()
        reporter.publish()
        report[ReportLayout.finished] = 1
    }

    /// Makes every channel's route: the kernel end this process holds, or an unused in-process
    /// channel where the group does not touch it. Read ends of FIFOs open first, without waiting,
    /// so two processes that each read one FIFO and write another never wait for each other.
    private func openEnds() -> [any MessageRoute] {
        var fds: [Int: Int32] = [:]
        for pass in ["read", "write"] {
            for (index, channel) in plan.channels.enumerated() where channel.end == pass {
                if let fd = channel.fd {
                    fds[index] = fd
                } else if let path = channel.path {
                    let fd = pass == "read" ? open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC) : open(path, O_WRONLY | O_CLOEXEC)
                    guard fd >= 0 else { _exit(5) }
                    fds[index] = fd
                }
            }
        }
        // A FIFO read before any writer has opened it reads end of file: now that this process's
        // writing ends are open, wait (a blocking open) for this FIFO's writer, then keep that.
        for (index, channel) in plan.channels.enumerated() where channel.end == "read" {
            guard let path = channel.path, let early = fds[index] else { continue }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { _exit(5) }
            close(early)
            fds[index] = fd
        }
        return plan.channels.enumerated().map { index, channel -> any MessageRoute in
            guard let fd = fds[index] else { return ChannelRoute(channel: Channel<Message>(kind: .unbounded)) }
            if channel.end == "write" {
                if channel.capacityBytes > 0 { _ = chanscope_set_pipe_size(fd, Int32(clamping: channel.capacityBytes)) }
                let writer = PipeWriter(fd: fd, messageBytes: channel.messageBytes, dropsWhenFull: channel.dropsWhenFull, report: report, channel: index)
                ends[index] = (fd, writer)
                return KernelEndRoute(outlet: writer, inlet: nil)
            }
            let reader = PipeReader(fd: fd, messageBytes: channel.messageBytes, report: report, channel: index)
            ends[index] = (fd, nil)
            return KernelEndRoute(outlet: nil, inlet: reader)
        }
    }

    /// The descriptor of channel `index`'s end here, if this process holds one.
    func descriptor(of index: Int) -> Int32? { ends[index]?.fd }

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
                let granted = chanscope_set_pipe_size(end.fd, Int32(clamping: Int(saturating: record.value)))
                report[ReportLayout.Channel(index).capacityError] = granted < 0 ? UInt64(errno) : 0
            case .setDropping:
                ends[index]?.writer?.dropsWhenFull.store(record.value != 0, ordering: .relaxed)
            }
        }
        _exit(0)
    }
}
