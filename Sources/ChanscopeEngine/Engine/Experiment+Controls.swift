import Channels

/// The live controls: each takes effect while the workers run, logs one event once its change is
/// in place, and answers with a receipt of what it stored at which revision.
extension Experiment {
    /// Pauses or resumes: workers stop at their next step boundary (blocked ones stay blocked).
    @discardableResult
    public func setPaused(_ paused: Bool, now: UInt64 = MonotonicClock.now()) -> ControlReceipt {
        guard control.paused.exchange(paused, ordering: .acquiringAndReleasing) != paused else {
            return ControlReceipt(.paused(paused), revision: controlRevision)
        }
        control.wakeAll()
        forwardToProcesses(ControlRecord(.pause, value: paused ? 1 : 0))
        let revision = logged(paused ? .paused : .resumed, paused ? "paused" : "resumed", now: now)
        return ControlReceipt(.paused(paused), revision: revision)
    }

    public var isPaused: Bool { control.isPaused }

    /// Sets a knob, clamped to its range and snapped to its step (`KnobSpec.clampedAndSnapped`).
    /// Returns what was stored, or nil for a knob the experiment does not have.
    @discardableResult
    public func setKnob(_ id: KnobID, to value: Double, now: UInt64 = MonotonicClock.now()) -> ControlReceipt? {
        guard let index = knobs.index(of: id) else { return nil }
        // A closed group takes no workers: its slider stays put and the log says why, rather
        // than showing a count no thread follows.
        if case .workers(let groupID) = id, let group = group(groupID), lock.withLock({ group.isClosed }) {
            let revision = logged(.knob, "\(groupID) is closed: it takes no workers until r restarts the experiment", now: now)
            return ControlReceipt(.knob(id, knobs.value(at: index)), revision: revision)
        }
        if let refusal = processKnobRefusal(id, now: now) { return refusal }
        let old = knobs.value(at: index)
        let new = knobs.set(at: index, to: value)
        forwardToProcesses(ControlRecord(.setKnob, index: index, value: new))
        guard new != old else { return ControlReceipt(.knob(id, new), revision: controlRevision) }
        let spec = knobs.specs[index]
        var revision = controlRevision
        switch id {
        case .preset(let name):
            control.wakeAll()
            applyAging()
            for link in links { link?.knobsChanged() }
            let change = ValueChange(knob: id, wording: .of(spec), from: old, to: new)
            revision = logged(.knob, change, now: now)
            for channel in preset.channelsSized(by: name) {
                revision = logged(.knob, "\(channel.name): the message size is fixed while its processes run: R restarts with \(Int(saturating: new)) B", now: now)
            }
        case .capacity(let channelID):
            if let channelIndex = self.index(of: channelID), preset.channels[channelIndex].transport != nil {
                revision = setKernelBuffer(of: channelIndex, to: Int(saturating: new), now: now)
            } else if let channelIndex = self.index(of: channelID) {
                let capacity = Int(saturating: new)
                let before = channels[channelIndex].kind
                channels[channelIndex].setCapacity(capacity)
                let after = channels[channelIndex].kind
                revision = logged(.capacity, before == after
                    ? "\(channelID): capacity \(capacity) (applies when the kind has one)"
                    : "\(channelID): \(before) -> \(after)", now: now)
            }
        case .workers(let groupID):
            if let group = group(groupID) {
                revision = setWorkerCount(of: group, to: Int(saturating: new), now: now) ?? revision
            }
        }
        return ControlReceipt(.knob(id, new), revision: revision)
    }

    /// The current value of a knob.
    public func knobValue(_ id: KnobID) -> Double? { knobs.value(of: id) }

    /// Adds one worker to a group (its handles cloned from the channels), up to the most allowed.
    @discardableResult
    public func addWorker(to group: GroupID, now: UInt64 = MonotonicClock.now()) -> ControlReceipt? {
        guard let value = knobs.value(of: .workers(group)) else { return nil }
        return setKnob(.workers(group), to: value + 1, now: now)
    }

    /// Removes the newest live worker of a group; its channel ends are released.
    @discardableResult
    public func removeWorker(from group: GroupID, now: UInt64 = MonotonicClock.now()) -> ControlReceipt? {
        guard let value = knobs.value(of: .workers(group)) else { return nil }
        return setKnob(.workers(group), to: value - 1, now: now)
    }

    /// Closes a group: every worker stops and releases its channel ends, so a disconnect
    /// cascades downstream the way dropping a Rust sender does.
    @discardableResult
    public func closeGroup(_ id: GroupID, now: UInt64 = MonotonicClock.now()) -> ControlReceipt {
        if runsInProcess(id) { return closeProcessGroup(id, now: now) }
        let (workers, revision): ([Worker], Int) = lock.withLock {
            guard let group = group(id), !group.isClosed else { return ([], log.revision) }
            group.isClosed = true
            log.record(event(.groupClosed, "\(id) closed: its channel ends are released", now: now))
            return (group.workers, log.revision)
        }
        for worker in workers { worker.stop() }
        return ControlReceipt(.none, revision: revision)
    }

    /// Switches a channel's kind live, with the channel's capacity knob for the kinds that have
    /// a capacity. Returns the kind in place afterwards, or nil for an unknown channel.
    @discardableResult
    public func setKind(of channelID: ChannelID, to family: ChannelKind.Family, now: UInt64 = MonotonicClock.now()) -> ControlReceipt? {
        guard let index = index(of: channelID), let capacity = knobs.value(of: .capacity(channelID)) else { return nil }
        if preset.channels[index].transport != nil { return setTransportKind(of: index, to: family, now: now) }
        let kind = self.kind(of: index, family: family, capacity: Int(saturating: capacity))
        let before = channels[index].kind
        guard before != kind else { return ControlReceipt(.kind(channelID, before), revision: controlRevision) }
        let overwrittenBefore = channels[index].counters.overwritten
        channels[index].setKind(kind)
        let evicted = channels[index].counters.overwritten - overwrittenBefore
        let revision = logged(.kind, "\(channelID): \(before) -> \(kind)" + (evicted > 0 ? " (\(evicted) evicted)" : ""), now: now)
        return ControlReceipt(.kind(channelID, kind), revision: revision)
    }

    /// The current kind of a channel.
    public func kind(of channel: ChannelID) -> ChannelKind? {
        index(of: channel).map { channels[$0].kind }
    }

    /// Starts or stops workers until `target` are live; returns the revision of its event.
    private func setWorkerCount(of group: WorkerGroup, to target: Int, now: UInt64) -> Int? {
        var toStop: [Worker] = []
        let revision: Int? = lock.withLock {
            guard acceptsWorkers, !group.isClosed else { return nil }
            let live = group.workers.filter { !$0.stopRequested.load(ordering: .relaxed) && !$0.counters.currentState.isDone }
            if target > live.count {
                // Started under the lock, like `start()`: a concurrent `shutdown()` then either
                // sees the thread to join or runs first and makes `acceptsWorkers` refuse.
                for _ in live.count..<target {
                    makeWorker(in: group).start()
                }
                log.record(workersEvent(.workerAdded, group: group.name, from: live.count, to: target, now: now))
            } else if target < live.count {
                toStop = Array(live.suffix(live.count - target))
                for worker in toStop {
                    group.workers.removeAll { $0 === worker }
                    group.retired.append(worker)
                }
                log.record(workersEvent(.workerRemoved, group: group.name, from: live.count, to: target, now: now))
            }
            return log.revision
        }
        for worker in toStop { worker.stop() }
        return revision
    }

    /// `consumer: 3 workers (+1)`, with the numbers kept for folding.
    private func workersEvent(_ kind: ExperimentEvent.Kind, group: String, from: Int, to: Int, now: UInt64) -> ExperimentEvent {
        let change = ValueChange(knob: .workers(GroupID(group)), wording: .workers(group: group), from: Double(from), to: Double(to))
        return event(kind, change, now: now)
    }
}
