import Channels

extension Experiment {
    /// Replaces each transport channel's in-process stand-in reading with what the worker
    /// processes and the kernel say, and returns the kernel's figures (experiment lock held).
    ///
    /// The writer's process counts what it wrote (accepted), what `EAGAIN` dropped and what
    /// `EPIPE` failed; the reader's what it read. What is in the kernel's buffer is the depth;
    /// once every reader is gone it is discarded. A reader's count can be fresher than the
    /// writer's, and a message read was certainly written, so accepted is never below received:
    /// both identities hold in every reading.
    func kernelReadings(_ stats: inout [ChannelStats], now: UInt64) -> [KernelFill?] {
        guard let kernelChannels else { return [] }
        var fills = [KernelFill?](repeating: nil, count: stats.count)
        for index in kernelChannels.transportChannels {
            let spec = preset.channels[index]
            guard let transport = spec.transport else { continue }
            let slot = ReportLayout.Channel(index)
            let writer = kernelChannels.handle(of: index, writing: true, groups: groups)
            let reader = kernelChannels.handle(of: index, writing: false, groups: groups)
            let w = writer?.report, r = reader?.report
            // An end is gone when its process ended or its worker finished (and so closed it).
            func live(_ handle: WorkerProcessHandle?) -> Bool {
                guard let handle, handle.isRunning, let mirror = groups[handle.groupIndex].workers.first else { return false }
                return !mirror.counters.currentState.isDone
            }
            let writerOpen = live(writer)
            // An EPIPE is the kernel saying every reader is gone, sooner than the reaper can.
            let readerOpen = live(reader) && (w?[slot.epipe] ?? 0) == 0
            var counters = ChannelCounters()
            let received = r?[slot.received] ?? 0
            counters.received = received
            counters.accepted = max(w?[slot.accepted] ?? 0, received)
            counters.dropped = w?[slot.eagain] ?? 0
            counters.failed = w?[slot.epipe] ?? 0
            counters.attempted = counters.accepted &+ counters.dropped &+ counters.failed
            let inKernel = counters.accepted - received
            // A message queue outlives its reader: what it holds stays queued. A pipe's or
            // socket's buffer goes with its last reader.
            if readerOpen || !transport.reportsPeerDeath { counters.depth = Int(clamping: inKernel) } else { counters.discarded = inKernel }
            var fill = KernelFill(
                transport: transport, bytesQueued: 0, capacityBytes: 0, messageBytes: spec.messageBytes,
                eagain: counters.dropped, epipe: counters.failed, endOfFile: r?[slot.endOfFile] == 1,
                path: kernelChannels.path(of: index), writer: writer.map { end(of: $0) }, reader: reader.map { end(of: $0) })
            Self.fillFigures(&fill, writer: w, writerOpen: writerOpen, reader: r, slot: slot)
            fill.inFlight = counters.depth  // 0 once a gone reader took the queue with it
            fill.addSystemFigures()
            if fill.capacityBytes == 0, !transport.countsCapacityInMessages {
                fill.capacityBytes = Int(saturating: knobs.value(of: .capacity(ChannelID(spec.name))) ?? Double(spec.bufferBytes))
            }
            var reading = stats[index]
            var shown = spec
            shown.kind = channels[index].kind  // the family the kind keys last chose
            reading.kind = Self.shownKind(of: shown, capacityMessages: fill.capacityMessages > 0 ? fill.capacityMessages : nil)
            reading.counters = counters
            reading.senders = writerOpen ? 1 : 0
            reading.receivers = readerOpen ? 1 : 0
            reading.blockedSenders = writer.flatMap { groups[$0.groupIndex].workers.first }?.counters.currentState == .blockedOnSend ? 1 : 0
            reading.blockedReceivers = reader.flatMap { groups[$0.groupIndex].workers.first }?.counters.currentState == .blockedOnReceive ? 1 : 0
            if let r { reading.latency = takeLatency(r, slot: slot, channel: index, in: kernelChannels, now: now) }
            stats[index] = reading
            fills[index] = fill
        }
        return fills
    }

    /// The kernel's figures from the two processes' reports: each from the end that can tell
    /// it. A pipe's fill either end can read (the fresher wins: one end may be gone); a socket's
    /// queue only its reader (`SIOCINQ`) and its send buffer only its writer (`SIOCOUTQ`,
    /// `SO_SNDBUF`); a message queue's counts either end (`mq_getattr`).
    /// A writer that is gone says nothing of the buffer any more, only how its last write ended.
    static func fillFigures(_ fill: inout KernelFill, writer: SharedWords?, writerOpen: Bool, reader r: SharedWords?, slot: ReportLayout.Channel) {
        let w = writerOpen ? writer : nil
        let fromWriter = (w?[slot.readAt] ?? 0) >= (r?[slot.readAt] ?? 0)
        let fresher = fromWriter ? w : r
        switch fill.transport {
        case .pipe, .fifo:
            fill.bytesQueued = Int(clamping: fresher?[slot.kernelBytes] ?? 0)
            fill.capacityBytes = Int(clamping: fresher?[slot.kernelCapacity] ?? 0)
        case .unixStream, .unixDatagram:
            fill.bytesQueued = Int(clamping: r?[slot.kernelBytes] ?? 0)
            fill.capacityBytes = Int(clamping: w?[slot.kernelCapacity] ?? 0)
            fill.sendMemory = w.map { Int(clamping: $0[slot.sendMemory]) }
        case .mqueue:
            fill.kernelMessages = fresher.map { Int(clamping: $0[slot.kernelMessages]) }
            fill.kernelCapacityMessages = fresher.flatMap { $0[slot.kernelCapacityMessages] > 0 ? Int(clamping: $0[slot.kernelCapacityMessages]) : nil }
        }
        if let code = writer?[slot.writeErrno], code != 0 { fill.peerError = KernelErrors.name(Int32(clamping: code)) }
        if fill.endOfFile, let code = r?[slot.readErrno], code != 0 { fill.readError = KernelErrors.name(Int32(clamping: code)) }
    }

    /// One end's process as `/proc` shows it.
    private func end(of handle: WorkerProcessHandle) -> KernelFill.End {
        let name = groups[handle.groupIndex].name
        if let (ending, _) = handle.ending { return KernelFill.End(group: name, pid: handle.pid, ending: ending.text) }
        let tid = Int32(truncatingIfNeeded: handle.report[ReportLayout.Worker.tid])
        // Only while the worker is inside a send or receive: a sleep step waits in the kernel too
        // (on a futex), but that is not the channel's doing.
        let blocked = groups[handle.groupIndex].workers.first?.counters.currentState.isBlocked == true
        guard tid > 0, blocked else {
            var end = KernelFill.End(group: name, pid: handle.pid)
            end.lastWaitChannel = kernelChannels?.lastWaitChannels[handle.groupIndex] ?? ""
            return end
        }
        let inKernel = ThreadInKernel.read(pid: handle.pid, tid: tid)
        var end = KernelFill.End(group: name, pid: handle.pid, waitChannel: inKernel.waitChannel, processState: inKernel.state)
        if end.isBlockedInKernel { kernelChannels?.lastWaitChannels[handle.groupIndex] = inKernel.waitChannel }
        end.lastWaitChannel = kernelChannels?.lastWaitChannels[handle.groupIndex] ?? ""
        return end
    }

    /// The latency of the messages read since the last reading, from the reader's power-of-two
    /// buckets (`KernelLatency`).
    private func takeLatency(
        _ words: SharedWords, slot: ReportLayout.Channel, channel: Int, in kernel: KernelChannels, now: UInt64
    ) -> LatencySummary {
        let buckets = (0..<ReportLayout.Channel.latencyBuckets).map { words[slot.latency($0)] }
        let previous = kernel.previousBuckets[channel] ?? Array(repeating: 0, count: buckets.count)
        kernel.previousBuckets[channel] = buckets
        let counts = zip(buckets, previous).map { $0 >= $1 ? $0 - $1 : 0 }
        // No message can have waited longer than the experiment has run.
        return KernelLatency.summary(counts: counts, atMost: max(1, (now > startTime ? now - startTime : 0) / 1000))
    }
}
