import Channels
import Glibc

/// The experiment's side of kernel transports: mirrors of the worker processes' workers, the
/// channels' readings from the kernel, and the controls that reach a process.
extension Experiment {
    /// Whether the group runs in a worker process of its own.
    func runsInProcess(_ group: WorkerGroup) -> Bool { kernelChannels?.runsInProcess(group.index) == true }

    /// Whether the group runs in a worker process of its own (its channel is a kernel object).
    public func runsInProcess(_ id: GroupID) -> Bool { group(id).map(runsInProcess) ?? false }

    /// The pid of the group's worker process, while it has one.
    public func processID(of id: GroupID) -> Int32? {
        guard let group = group(id) else { return nil }
        return lock.withLock { kernelChannels?.handles[group.index]?.pid }
    }

    /// The kind a transport channel shows: blocking or dropping, holding as many whole messages
    /// as the kernel says its buffer holds (or, before it has said, as it will).
    static func shownKind(of spec: ChannelSpec, capacityMessages: Int? = nil) -> ChannelKind {
        let messages = max(1, capacityMessages ?? expectedCapacity(of: spec))
        return spec.kind.family == .dropping ? .dropping(messages) : .bounded(messages)
    }

    /// The whole messages the kernel will hold of `spec`: its buffer over what one message takes
    /// (a socket's measured bookkeeping included), a message queue's `mq_maxmsg`.
    static func expectedCapacity(of spec: ChannelSpec) -> Int {
        guard let transport = spec.transport else { return spec.kind.capacity ?? 1 }
        var fill = KernelFill(transport: transport, bytesQueued: 0, capacityBytes: spec.bufferBytes, messageBytes: spec.messageBytes)
        fill.kernelCapacityMessages = spec.kind.capacity
        fill.addSystemFigures()
        return fill.capacityMessages
    }

    /// Sends `signal` to the group's worker process (the kill key: `SIGKILL`); the event log
    /// names it, and the reaper reports the ending. Nil for a group without a process.
    @discardableResult
    public func signalProcess(of id: GroupID, _ signal: Int32 = SIGKILL, now: UInt64 = MonotonicClock.now()) -> ControlReceipt? {
        guard let group = group(id), runsInProcess(group) else { return nil }
        let revision: Int = lock.withLock {
            guard let handle = kernelChannels?.handles[group.index] else { return log.revision }
            let name = WorkerProcessHandle.Ending.name(of: signal)
            let text = handle.signal(signal)
                ? "sent \(name) to \(id)'s process (pid \(handle.pid))"
                : "\(id)'s process (pid \(handle.pid)) has already ended"
            log.record(event(.process, text, now: now))
            return log.revision
        }
        return ControlReceipt(.none, revision: revision)
    }

    /// Starts the worker processes (experiment lock held, in `start`).
    func launchProcesses(paused: Bool, now: UInt64) {
        guard let kernelChannels else { return }
        for problem in kernelChannels.launch(groups: groups, knobs: knobs, paused: paused, seed: seed) {
            log.record(event(.process, problem, now: now))
        }
        let started = kernelChannels.processGroups.compactMap { index in
            kernelChannels.handles[index].map { "\(groups[index].name) (pid \($0.pid))" }
        }
        if !started.isEmpty { log.record(event(.process, "worker processes: " + started.joined(separator: ", "), now: now)) }
    }

    /// Kills each group whose `crash_after` knob's seconds have passed, once (experiment lock
    /// held, at each sample: the sampler's period is the timing's resolution).
    func fireCrashes(now: UInt64) {
        guard let kernelChannels else { return }
        for (index, handle) in kernelChannels.handles where !kernelChannels.crashed.contains(index) {
            guard let knob = groups[index].spec.crashAfter, let seconds = knobs.value(of: .preset(knob)), seconds > 0,
                  self.seconds(since: startTime, now: now) >= seconds else { continue }
            kernelChannels.crashed.insert(index)
            if handle.signal(SIGKILL) {
                log.record(event(.process, "crash_after \(NumberText.plain(seconds)) s: sent SIGKILL to \(groups[index].name)'s process (pid \(handle.pid))", now: now))
            }
        }
    }

    /// Copies each worker process's published counters into its mirror worker, and logs a
    /// process's ending once (experiment lock held).
    func refreshProcessMirrors(now: UInt64) {
        guard let kernelChannels else { return }
        fireCrashes(now: now)
        kernelChannels.publishNow()
        for (index, handle) in kernelChannels.handles {
            guard let mirror = groups[index].workers.first else { continue }
            let words = handle.report
            let c = mirror.counters
            typealias W = ReportLayout.Worker
            let ending = handle.ending
            var state = WorkerState(rawValue: UInt8(truncatingIfNeeded: words[W.state])) ?? .starting
            // A process that ended with its worker still running was killed (by a signal) or
            // died; a worker that ended first keeps its own ending.
            if let (how, _) = ending, !state.isDone {
                if case .signalled = how { state = .killed } else { state = .finished }
            }
            c.set(state)
            c.channelIndex.store(Int(Int64(bitPattern: words[W.channelIndex])), ordering: .relaxed)
            c.made.store(words[W.made], ordering: .relaxed)
            c.done.store(words[W.done], ordering: .relaxed)
            c.sent.store(words[W.sent], ordering: .relaxed)
            c.received.store(words[W.received], ordering: .relaxed)
            c.emptyPolls.store(words[W.emptyPolls], ordering: .relaxed)
            c.polls.store(words[W.polls], ordering: .relaxed)
            c.abandoned.store(words[W.abandoned], ordering: .relaxed)
            c.sendNanos.store(words[W.sendNanos], ordering: .relaxed)
            c.receiveNanos.store(words[W.receiveNanos], ordering: .relaxed)
            c.operationStart.store(ending == nil ? words[W.operationStart] : 0, ordering: .relaxed)
            c.finalCPUNanos.store(words[W.cpuNanos], ordering: .relaxed)
            c.finalKernelNanos.store(words[W.kernelNanos], ordering: .relaxed)
            let ended = words[W.endedAt] != 0 ? words[W.endedAt] : ending?.1 ?? 0
            c.endedAt.store(ended, ordering: .relaxed)
            if let notice = handle.takeEndingNotice() {
                // Stamped when it was reaped, not at this sample: it stands before what followed.
                let reaped = min(ending?.1 ?? now, now)
                log.record(event(.process, "\(groups[index].name)'s process (pid \(handle.pid)) \(notice.text)", now: reaped))
            }
        }
    }
}
