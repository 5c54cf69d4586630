import Channels
import Glibc
import Synchronization

/// Copies a worker process's counters into its shared report every few milliseconds, with the
/// kernel's fill figures for the ends it holds (`FIONREAD`, `F_GETPIPE_SZ`, `SIOCINQ`,
/// `SIOCOUTQ`, `SO_SNDBUF`, `mq_getattr`).
///
/// WHY a thread of its own: the worker's path stays what it is in-process (its atomics), and the
/// few system calls a reading costs happen beside it, 200 times a second.
final class Reporter: @unchecked Sendable {
    private let host: WorkerProcessHost
    private let worker: Worker
    private let stopped = Atomic<Bool>(false)
    private let gate = WaitCondition()

    init(host: WorkerProcessHost, worker: Worker) {
        self.host = host
        self.worker = worker
    }

    func loop() {
        while !stopped.load(ordering: .acquiring) {
            publish()
            let deadline = MonotonicClock.now() &+ WorkerProcessHost.reportNanos
            gate.withLock {
                while !stopped.load(ordering: .acquiring), MonotonicClock.now() < deadline { gate.wait(until: deadline) }
            }
        }
    }

    func stop() {
        stopped.store(true, ordering: .releasing)
        gate.withLock {}
        gate.broadcast()
    }

    /// The worker thread's id, for `/proc/PID/task/TID/wchan` in the parent: the one the thread
    /// published when it started, kept once known (it stays the thread's name after its end).
    private func publishWorkerThread() {
        guard host.report[ReportLayout.Worker.tid] == 0 else { return }
        let tid = worker.counters.threadID.load(ordering: .acquiring)
        if tid > 0 { host.report[ReportLayout.Worker.tid] = UInt64(tid) }
    }

    /// Serializes `publish` (the reporter's own loop and the control thread's publish
    /// requests), counting them. Not a `Locked<Void>`: the sanitizer misreads an access to an
    /// empty value as a race.
    private let publishing = Locked<UInt64>(0)

    /// One copy of every figure.
    func publish() {
        publishing.withLock { count in
            count &+= 1
            publishLocked()
        }
    }

    private func publishLocked() {
        publishWorkerThread()
        let report = host.report
        let c = worker.counters
        typealias W = ReportLayout.Worker
        report[W.state] = UInt64(c.currentState.rawValue)
        report[W.channelIndex] = UInt64(bitPattern: Int64(c.channelIndex.load(ordering: .relaxed)))
        report[W.made] = c.made.load(ordering: .relaxed)
        report[W.done] = c.done.load(ordering: .relaxed)
        report[W.sent] = c.sent.load(ordering: .relaxed)
        report[W.received] = c.received.load(ordering: .relaxed)
        report[W.emptyPolls] = c.emptyPolls.load(ordering: .relaxed)
        report[W.polls] = c.polls.load(ordering: .relaxed)
        report[W.abandoned] = c.abandoned.load(ordering: .relaxed)
        report[W.sendNanos] = c.sendNanos.load(ordering: .relaxed)
        report[W.receiveNanos] = c.receiveNanos.load(ordering: .relaxed)
        report[W.operationStart] = c.operationStart.load(ordering: .acquiring)
        report[W.endedAt] = c.endedAt.load(ordering: .relaxed)
        report[W.cpuNanos] = c.cpuNanos()
        report[W.kernelNanos] = c.kernelNanos()
        let now = MonotonicClock.now()
        for (index, channel) in host.plan.channels.enumerated() where channel.end != nil {
            let slot = ReportLayout.Channel(index)
            let writing = channel.end == "write"
            guard report[writing ? slot.writerOpen : slot.readerOpen] == 1, let io = host.io(of: index) else { continue }
            let fill = io.fill(writing: writing)
            if let bytes = fill.queuedBytes { report[slot.kernelBytes] = UInt64(bytes) }
            if let bytes = fill.capacityBytes, bytes > 0 { report[slot.kernelCapacity] = UInt64(bytes) }
            if let count = fill.queuedMessages { report[slot.kernelMessages] = UInt64(count) }
            if let count = fill.capacityMessages { report[slot.kernelCapacityMessages] = UInt64(count) }
            if let bytes = fill.sendMemory { report[slot.sendMemory] = UInt64(bytes) }
            report[slot.readAt] = now
        }
    }
}
