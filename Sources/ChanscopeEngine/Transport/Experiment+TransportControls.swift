import Channels
import Glibc

/// How the live controls reach a worker process: knobs, pause, the kernel buffer, the kind
/// (blocking or `EAGAIN`), close and the worker count.
extension Experiment {
    /// Sends one instruction to every worker process (they ignore what is not theirs).
    func forwardToProcesses(_ record: ControlRecord) {
        guard kernelChannels != nil else { return }
        lock.withLock { kernelChannels?.broadcast(record) }
    }

    /// A process group runs one worker in its process: its worker count does not change live,
    /// and the log says why. Nil for every other knob.
    func processKnobRefusal(_ id: KnobID, now: UInt64) -> ControlReceipt? {
        guard case .workers(let groupID) = id, runsInProcess(groupID), let index = knobs.index(of: id) else { return nil }
        let revision = logged(.knob, "\(groupID) runs in a worker process of its own, with one worker", now: now)
        return ControlReceipt(.knob(id, knobs.value(at: index)), revision: revision)
    }

    /// Asks the process holding the writing end (else the reading end) to resize the kernel's
    /// buffer (`F_SETPIPE_SZ`, `SO_SNDBUF`); the next sample shows what the kernel granted. A
    /// message queue's `mq_maxmsg` is fixed when `mq_open` makes it: the slider's value applies
    /// when R restarts the experiment, and the log says so.
    func setKernelBuffer(of channel: Int, to value: Int, now: UInt64) -> Int {
        let name = preset.channels[channel].name
        guard let transport = preset.channels[channel].transport, !transport.countsCapacityInMessages else {
            return logged(.capacity, "\(name): mq_maxmsg is fixed when mq_open makes the queue: R restarts with \(value)", now: now)
        }
        return lock.withLock {
            let holder = kernelChannels?.handle(of: channel, writing: true, groups: groups).flatMap { $0.isRunning ? $0 : nil }
                ?? kernelChannels?.handle(of: channel, writing: false, groups: groups)
            holder?.send(ControlRecord(.setCapacity, index: channel, value: Double(value)))
            let text = transport.isSocket
                ? "\(name): SO_SNDBUF \(value) bytes (asked \(value / 2): the kernel doubles it for its bookkeeping)"
                : "\(name): F_SETPIPE_SZ \(value) bytes (the kernel rounds up to a power of two pages)"
            log.record(event(.capacity, text, now: now))
            return log.revision
        }
    }

    /// A transport is blocking (`bounded`) or non-blocking (`dropping`: `EAGAIN` drops the
    /// message); other kinds are refused with the reason.
    func setTransportKind(of channel: Int, to family: ChannelKind.Family, now: UInt64) -> ControlReceipt {
        let id = channelIDs[channel]
        let before = channels[channel].kind
        guard family == .bounded || family == .dropping else {
            let revision = logged(.kind, "\(id) is a kernel \(preset.channels[channel].transport?.rawValue ?? "object"): a write either blocks (bounded) or gets EAGAIN (dropping)", now: now)
            return ControlReceipt(.kind(id, before), revision: revision)
        }
        let kind = family.kind(capacity: before.capacity ?? 1)
        guard kind != before else { return ControlReceipt(.kind(id, before), revision: controlRevision) }
        channels[channel].setKind(kind)
        forwardToProcesses(ControlRecord(.setDropping, index: channel, value: family == .dropping ? 1 : 0))
        let revision = logged(.kind, "\(id): \(family == .dropping ? "non-blocking writes, EAGAIN drops" : "blocking writes") (\(before) -> \(kind))", now: now)
        return ControlReceipt(.kind(id, kind), revision: revision)
    }

    /// Closing a process group ends its process (`SIGTERM`): the kernel closes its ends, so the
    /// other side reads end of file or gets `EPIPE`.
    func closeProcessGroup(_ id: GroupID, now: UInt64) -> ControlReceipt {
        lock.withLock { if let group = group(id) { group.isClosed = true } }
        return signalProcess(of: id, SIGTERM, now: now) ?? ControlReceipt(.none, revision: controlRevision)
    }
}

extension Experiment {
    /// The kill key: `SIGKILL` to the group's worker process. A group of threads has no process
    /// of its own to kill; the log says so.
    @discardableResult
    public func killProcess(of id: GroupID, now: UInt64 = MonotonicClock.now()) -> ControlReceipt {
        if let receipt = signalProcess(of: id, SIGKILL, now: now) { return receipt }
        let revision = logged(.process, "\(id) runs as threads of this process: K kills only a worker process", now: now)
        return ControlReceipt(.none, revision: revision)
    }
}
