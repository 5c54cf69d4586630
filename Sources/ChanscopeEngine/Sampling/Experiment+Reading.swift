import Channels

extension Experiment {
    /// Reads every counter as of now (experiment lock held).
    ///
    /// Read-only but for one thing, which is why the name says "take": each channel's latency
    /// interval restarts (`Channel.sample`), so the next reading's percentiles cover only what
    /// was received after this one.
    func takeReading(now: UInt64) -> ExperimentReading {
        refreshProcessMirrors(now: now)
        // Groups first: a worker that ends between the two readings then shows as ended while
        // its channel still counts it, never the other way round.
        let groupReadings = groups.map { group -> ExperimentReading.Group in
            var reading = ExperimentReading.Group(name: group.name, workerStates: group.workers.map(\.counters.currentState))
            reading.workerTimes = group.workers.map { worker in
                let blocked = worker.counters.blockedNanos(now: now)
                return .init(id: worker.id, sendNanos: blocked.send, receiveNanos: blocked.receive)
            }
            for worker in group.workers + group.retired {
                let c = worker.counters
                reading.made &+= c.made.load(ordering: .relaxed)
                reading.done &+= c.done.load(ordering: .relaxed)
                reading.sent &+= c.sent.load(ordering: .relaxed)
                reading.received &+= c.received.load(ordering: .relaxed)
                reading.emptyPolls &+= c.emptyPolls.load(ordering: .relaxed)
                reading.polls &+= c.polls.load(ordering: .relaxed)
                reading.cpuNanos &+= c.cpuNanos()
                reading.kernelCPUNanos &+= c.kernelNanos()
                reading.abandoned &+= c.abandoned.load(ordering: .relaxed)
                reading.lastEnd = max(reading.lastEnd, c.endedAt.load(ordering: .relaxed))
                let blocked = c.blockedNanos(now: now)
                reading.blockedSendNanos &+= blocked.send
                reading.blockedReceiveNanos &+= blocked.receive
            }
            reading.limit = group.limit(knobs: knobs)
            reading.iterations = group.iterationsClaimed.load(ordering: .relaxed)
            reading.isClosed = group.isClosed
            reading.sendsTo = group.sendsTo
            reading.receivesFrom = group.receivesFrom
            reading.stoppedBySentinel = (group.workers + group.retired).filter { $0.counters.stoppedBySentinel.load(ordering: .relaxed) }.count
            reading.waitingOn = waitNames(of: group)
            reading.lastJoinNanos = group.workers.map { $0.counters.lastJoinNanos.load(ordering: .relaxed) }.max() ?? 0
            return reading
        }
        let boxes = mailboxes.all
        let sampled = Channel.sample(channels + boxes.map(\.channel))
        // Finished after the channels: unfinished (accepted less finished) is then never more
        // than it ever was. Read before, a finish that let the submitter's join return and put
        // the next batch was missed, and a pool of six tasks read 7 unfinished; read after, it
        // is at worst short by a task finished between the two readings.
        let finishedTasks = ledgers.map { $0?.finished }
        var channelStats = Array(sampled.prefix(channels.count))
        let kernel = kernelReadings(&channelStats, now: now)
        var reading = ExperimentReading(
            now: now, startTime: startTime, presetName: preset.name, channelIDs: channelIDs,
            channels: channelStats, groups: groupReadings, knobs: knobs.snapshots(),
            waitFor: waitForGraph(), isPaused: control.isPaused, controlRevision: log.revision,
            mailboxes: mailboxReadings(boxes, Array(sampled.dropFirst(channels.count))), finishedTasks: finishedTasks)
        reading.kernel = kernel
        reading.priorityLevelTags = priorityLevelTags
        reading.managers = managerReadings(now: now)
        reading.links = links.map { $0?.reading() }
        return reading
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
            for index in group.sendsTo { liveSenders[channelIDs[index].name, default: []].append(group.name) }
            for index in group.receivesFrom { liveReceivers[channelIDs[index].name, default: []].append(group.name) }
            var waits: [WaitForGraph.Wait] = []
            var allBlocked = true
            for worker in live {
                let state = worker.counters.currentState
                let channel = worker.counters.channelIndex.load(ordering: .relaxed)
                // Waiting on any of several channels: freed by a sender on one of them (where
                // the mask names them all: the first 64 channels).
                if channel == WorkerCounters.selecting, state == .blockedOnReceive, channelIDs.count <= 64 {
                    let names = selectedChannels(of: worker.counters)
                    let wait = WaitForGraph.Wait(channel: names.joined(separator: "|"), onSend: false, anyOf: names)
                    if !waits.contains(wait) { waits.append(wait) }
                    continue
                }
                // A sender waiting for an ack on a linked channel waits for a timer, not a worker.
                guard state.isBlocked, channels.indices.contains(channel), !(state == .blockedOnSend && links[channel] != nil) else {
                    allBlocked = false
                    break
                }
                let wait = WaitForGraph.Wait(channel: channelIDs[channel].name, onSend: state == .blockedOnSend)
                if !waits.contains(wait) { waits.append(wait) }
            }
            if allBlocked { stuck.append((group.name, waits)) }
        }
        return WaitForGraph(stuck: stuck, liveSenders: liveSenders, liveReceivers: liveReceivers)
    }
}
