import Channels

extension Experiment {
    /// Builds one snapshot (experiment lock held). See `snapshot(now:)`.
    func takeSnapshot(now: UInt64) -> Snapshot {
        var state = samplingState
        let interval = now > state.previousTime ? Double(now - state.previousTime) / 1e9 : 0
        let time = seconds(since: startTimeValue, now: now)
        var events = drainEvents()
        var violation: String?

        if state.accepted.isEmpty {
            state.accepted = Array(repeating: 0, count: channels.count)
            state.received = state.accepted
            state.sendersGone = Array(repeating: false, count: channels.count)
            state.receiversGone = state.sendersGone
            state.blockedSend = Array(repeating: 0, count: groups.count)
            state.blockedReceive = state.blockedSend
            state.emptyPolls = state.blockedSend
            state.groupFinished = Array(repeating: false, count: groups.count)
        }

        // Groups first: a worker that ends between the two readings then shows as ended while
        // its channel still counts it, never the other way round.
        var groupSnapshots: [GroupSnapshot] = []
        for (index, group) in groups.enumerated() {
            let all = group.workers + group.retired
            var totals = (made: UInt64(0), done: UInt64(0), sent: UInt64(0), received: UInt64(0), polls: UInt64(0), abandoned: UInt64(0))
            var blockedSend: UInt64 = 0
            var blockedReceive: UInt64 = 0
            for worker in all {
                let c = worker.counters
                totals.made &+= c.made.load(ordering: .relaxed)
                totals.done &+= c.done.load(ordering: .relaxed)
                totals.sent &+= c.sent.load(ordering: .relaxed)
                totals.received &+= c.received.load(ordering: .relaxed)
                totals.polls &+= c.emptyPolls.load(ordering: .relaxed)
                totals.abandoned &+= c.abandoned.load(ordering: .relaxed)
                let blocked = c.blockedNanos(now: now)
                blockedSend &+= blocked.send
                blockedReceive &+= blocked.receive
            }
            let states = group.workers.map(\.counters.currentState)
            let live = max(1, states.filter { !$0.isDone }.count)
            let budget = interval * 1e9 * Double(live)
            func percent(_ total: UInt64, _ previous: UInt64) -> Double {
                guard budget > 0, total > previous else { return 0 }
                return min(100, Double(total - previous) / budget * 100)
            }
            let snapshot = GroupSnapshot(
                name: group.name, workerStates: states, made: totals.made, done: totals.done, sent: totals.sent,
                received: totals.received, emptyPolls: totals.polls, abandoned: totals.abandoned,
                blockedSendPercent: percent(blockedSend, state.blockedSend[index]),
                blockedReceivePercent: percent(blockedReceive, state.blockedReceive[index]),
                emptyPollsPerSecond: interval > 0 && totals.polls >= state.emptyPolls[index]
                    ? Double(totals.polls - state.emptyPolls[index]) / interval : 0,
                limit: group.limit(knobs: knobs), iterations: group.iterationsClaimed.load(ordering: .relaxed),
                isClosed: group.isClosed)
            state.blockedSend[index] = max(blockedSend, state.blockedSend[index])
            state.blockedReceive[index] = max(blockedReceive, state.blockedReceive[index])
            state.emptyPolls[index] = totals.polls
            if snapshot.isFinished && !state.groupFinished[index] {
                events.append(ExperimentEvent(time: time, kind: .groupFinished, text: "\(group.name) finished (\(finishReason(states)))"))
            }
            state.groupFinished[index] = snapshot.isFinished
            groupSnapshots.append(snapshot)
        }

        // Rates over the last second: the oldest mark inside the window (or the previous sample).
        while let first = state.marks.first, now &- first.time > SamplingState.rateWindow, state.marks.count > 1 {
            state.marks.removeFirst()
        }
        let base = state.marks.first
        let window = base.map { now > $0.time ? Double(now - $0.time) / 1e9 : 0 } ?? interval
        var channelSnapshots: [ChannelSnapshot] = []
        var mark = SamplingState.CounterMark(time: now, accepted: [], received: [])
        // All channels as of one instant, so a message moving between two channels (Tanenbaum's
        // full -> empties) is never counted in both.
        let allStats = Channel.sample(channels)
        for (index, stats) in allStats.enumerated() {
            let name = preset.channels[index].name
            let counters = stats.counters
            mark.accepted.append(counters.accepted)
            mark.received.append(counters.received)
            func rate(_ value: UInt64, _ previous: UInt64?) -> Double {
                let from = previous ?? 0
                return window > 0 && value >= from ? Double(value - from) / window : 0
            }
            if let problem = counters.identityViolation {
                violation = "\(name): \(problem)"
                events.append(ExperimentEvent(time: time, kind: .accounting, text: "accounting broken: \(name): \(problem)"))
            }
            if stats.sendersGone && !state.sendersGone[index] {
                events.append(ExperimentEvent(
                    time: time, kind: .disconnect,
                    text: "\(name): every sender is gone" + (counters.depth > 0 ? "; receivers drain \(counters.depth) then disconnect" : "; receivers see disconnected")))
            }
            if stats.receiversGone && !state.receiversGone[index] {
                events.append(ExperimentEvent(
                    time: time, kind: .disconnect,
                    text: "\(name): every receiver is gone; sends fail" + (counters.discarded > 0 ? ", \(counters.discarded) queued discarded" : "")))
            }
            state.sendersGone[index] = stats.sendersGone
            state.receiversGone[index] = stats.receiversGone
            channelSnapshots.append(ChannelSnapshot(
                name: name, stats: stats, inPerSecond: rate(counters.accepted, base?.accepted[index] ?? state.accepted[index]),
                outPerSecond: rate(counters.received, base?.received[index] ?? state.received[index]),
                senderGroups: groups.filter { $0.sendsTo.contains(index) }.map(\.name),
                receiverGroups: groups.filter { $0.receivesFrom.contains(index) }.map(\.name)))
            state.accepted[index] = counters.accepted
            state.received[index] = counters.received
        }

        state.marks.append(mark)

        var graph = waitForGraph()
        for channel in channelSnapshots {
            graph.activity[channel.name] = channel.counters.accepted &+ channel.counters.received
        }
        switch state.detector.update(graph, time: time) {
        case .found(let cycle)?:
            events.append(ExperimentEvent(time: time, kind: .deadlock, text: "deadlock: \(cycle)"))
        case .cleared(let cycle)?:
            events.append(ExperimentEvent(time: time, kind: .deadlockCleared, text: "deadlock resolved: \(cycle)"))
        case nil:
            break
        }

        let knobSnapshots = knobs.specs.indices.map { index in
            KnobSnapshot(spec: knobs.specs[index], target: knobTargets[index], value: knobs.value(at: index))
        }
        let snapshot = Snapshot(
            tick: state.tick, time: time, presetName: preset.name, channels: channelSnapshots,
            groups: groupSnapshots, knobs: knobSnapshots, events: events, deadlock: state.detector.reported,
            isPaused: control.isPaused, accountingViolation: violation, controlRevision: revisionValue)
        state.tick += 1
        state.previousTime = now
        samplingState = state
        return snapshot
    }

    /// The current wait-for graph: groups whose live workers are all blocked, and who serves
    /// each channel.
    func waitForGraph() -> WaitForGraph {
        var stuck: [(group: String, waits: [WaitForGraph.Wait])] = []
        var liveSenders: [String: [String]] = [:]
        var liveReceivers: [String: [String]] = [:]
        for group in groups {
            let live = group.workers.filter { !$0.counters.currentState.isDone && !$0.stopRequested.load(ordering: .relaxed) }
            guard !live.isEmpty else { continue }
            for index in group.sendsTo { liveSenders[preset.channels[index].name, default: []].append(group.name) }
            for index in group.receivesFrom { liveReceivers[preset.channels[index].name, default: []].append(group.name) }
            var waits: [WaitForGraph.Wait] = []
            var allBlocked = true
            for worker in live {
                let state = worker.counters.currentState
                let channel = worker.counters.channelIndex.load(ordering: .relaxed)
                guard state.isBlocked, channels.indices.contains(channel) else {
                    allBlocked = false
                    break
                }
                let wait = WaitForGraph.Wait(channel: preset.channels[channel].name, onSend: state == .blockedOnSend)
                if !waits.contains(wait) { waits.append(wait) }
            }
            if allBlocked { stuck.append((group.name, waits)) }
        }
        return WaitForGraph(stuck: stuck, liveSenders: liveSenders, liveReceivers: liveReceivers)
    }

    private func finishReason(_ states: [WorkerState]) -> String {
        states.contains(.disconnected) ? "disconnected" : "done"
    }
}
