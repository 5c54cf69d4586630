import Channels

/// Turns a reading and the previous sampling state into a snapshot and the next state.
///
/// Pure: no locks, no clock, no threads; everything it needs is in its arguments. Figures are
/// taken over `SamplingState.window` (rates, blocked shares, poll rates, the drops and growth
/// behind the situation word), so a steady workload reads steady.
enum SnapshotBuilder {
    static func build(_ reading: ExperimentReading, events logged: [ExperimentEvent], state: inout SamplingState) -> Snapshot {
        let now = reading.now
        let time = reading.now > reading.startTime ? Double(reading.now - reading.startTime) / 1e9 : 0
        let interval = now > state.previousTime ? Double(now - state.previousTime) / 1e9 : 0
        if state.sendersGone.isEmpty {
            state.sendersGone = Array(repeating: false, count: reading.channels.count)
            state.receiversGone = state.sendersGone
            state.shownWords = Array(repeating: nil, count: reading.channels.count)
            state.groupFinished = Array(repeating: false, count: reading.groups.count)
        }
        var found: [ExperimentEvent] = []
        /// Seconds since the start at monotonic `instant`, no later than this sample.
        func seconds(at instant: UInt64) -> Double {
            instant > reading.startTime ? min(time, Double(instant - reading.startTime) / 1e9) : time
        }
        let previousMark = state.marks.last
        // Before the first mark the window starts at the start, with every counter at zero.
        let base = state.windowStart(now: now) ?? SamplingState.Mark.start(at: state.previousTime, reading: reading)
        var mark = SamplingState.Mark(time: now, channels: [], groups: [])

        var groups: [GroupSnapshot] = []
        for (index, group) in reading.groups.enumerated() {
            let live = group.workerStates.filter { !$0.isDone }.count
            let before = previousMark?.groups[safe: index]
            let groupMark = SamplingState.GroupMark(
                blockedSendNanos: max(group.blockedSendNanos, before?.blockedSendNanos ?? 0),
                blockedReceiveNanos: max(group.blockedReceiveNanos, before?.blockedReceiveNanos ?? 0),
                emptyPolls: group.emptyPolls, polls: group.polls, cpuNanos: group.cpuNanos, kernelCPUNanos: group.kernelCPUNanos,
                liveNanos: (before?.liveNanos ?? 0) + interval * 1e9 * Double(max(1, live)),
                workers: Dictionary(group.workerTimes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
            mark.groups.append(groupMark)
            func share(_ part: (SamplingState.GroupMark) -> UInt64) -> Double {
                WindowShare.percent(state.sharePoints(start: reading.startTime, current: (now, groupMark), group: index, part))
            }
            // Each worker as it spent the window: mostly blocked on send is blocked on send,
            // whatever it was doing at the instant of the sample.
            let shown = zip(group.workerStates, group.workerTimes).map { instant, time in
                instant.asSpent(
                    sendShare: WindowShare.percent(state.workerPoints(group: index, current: time, now: now, \.sendNanos)),
                    receiveShare: WindowShare.percent(state.workerPoints(group: index, current: time, now: now, \.receiveNanos)))
            } + group.workerStates.dropFirst(group.workerTimes.count)
            var snapshot = GroupSnapshot(
                name: group.name, workerStates: shown, made: group.made, done: group.done, sent: group.sent,
                received: group.received, emptyPolls: group.emptyPolls, abandoned: group.abandoned,
                blockedSendPercent: share(\.blockedSendNanos),
                blockedReceivePercent: share(\.blockedReceiveNanos),
                emptyPollsPerSecond: WindowRate.perSecond(
                    state.points(now: now, start: reading.startTime, current: group.emptyPolls) { $0.groups[safe: index]?.emptyPolls }, now: now),
                pollsPerSecond: WindowRate.perSecond(
                    state.points(now: now, start: reading.startTime, current: group.polls) { $0.groups[safe: index]?.polls }, now: now),
                cpuPercent: WindowShare.percent(state.cpuPoints(start: reading.startTime, current: (now, group.cpuNanos), group: index), cap: nil),
                limit: group.limit, iterations: group.iterations, isClosed: group.isClosed, instantStates: group.workerStates)
            // Two clocks of one kernel: the system time cannot be more than the whole.
            snapshot.kernelCPUPercent = min(snapshot.cpuPercent, WindowShare.percent(
                state.cpuPoints(start: reading.startTime, current: (now, group.kernelCPUNanos), group: index, \.kernelCPUNanos), cap: nil))
            if let event = SnapshotChecks.finished(snapshot, wasFinished: state.groupFinished[index], time: seconds(at: group.lastEnd)) {
                found.append(event)
            }
            state.groupFinished[index] = snapshot.isFinished
            groups.append(snapshot)
        }

        var channels: [ChannelSnapshot] = []
        var violation: String?
        for (index, stats) in reading.channels.enumerated() {
            let id = reading.channelIDs[index]
            let c = stats.counters
            let linkReading = reading.links[safe: index] ?? nil
            let channelMark = SamplingState.ChannelMark(
                accepted: c.accepted, received: c.received, dropped: c.dropped, overwritten: c.overwritten, depth: c.depth,
                link: linkReading?.counters)
            mark.channels.append(channelMark)
            let from = base.channels[safe: index]
            if let event = SnapshotChecks.accounting(id, c, time: time) {
                violation = "\(id): \(c.identityViolation ?? "")"
                found.append(event)
            }
            if let linkReading, let event = SnapshotChecks.linkAccounting(id, linkReading.counters, time: time) {
                violation = violation ?? "\(id): \(linkReading.counters.identityViolation ?? "")"
                found.append(event)
            }
            let link = linkReading.map { linkSnapshot($0, channel: index, now: now, start: reading.startTime, base: from, state: state) }
            // A side is gone when the last of its workers ended: stamp the disconnect then.
            let sendersEnded = reading.groups.filter { $0.sendsTo.contains(index) }.map(\.lastEnd).max() ?? 0
            let receiversEnded = reading.groups.filter { $0.receivesFrom.contains(index) }.map(\.lastEnd).max() ?? 0
            // What the other end is told: a kernel object that never tells it (a message queue, a
            // datagram socket's reader) is not disconnected when a process is gone; the process's
            // ending has its own event, and the channel's word follows what the live end sees.
            var told = stats
            if let transport = (reading.kernel[safe: index] ?? nil)?.transport {
                if !transport.reportsPeerDeath { told.receivers = max(told.receivers, 1) }
                if !transport.tellsReaderOfWriterDeath { told.senders = max(told.senders, 1) }
            }
            var disconnects = SnapshotChecks.disconnects(
                id, told, sendersWereGone: state.sendersGone[index], receiversWereGone: state.receiversGone[index], time: time)
            for i in disconnects.indices {
                disconnects[i].time = seconds(at: disconnects[i].text.contains("every sender") ? sendersEnded : receiversEnded)
            }
            found += disconnects
            state.sendersGone[index] = told.sendersGone
            state.receiversGone[index] = told.receiversGone
            let senders = reading.groups.enumerated().filter { $0.element.sendsTo.contains(index) }
            let sendersBlocked = senders.map { groups[$0.offset].blockedSendPercent }.max() ?? 0
            let receivers = reading.groups.enumerated().filter { $0.element.receivesFrom.contains(index) }
            let receiversWaiting = receivers.map { groups[$0.offset].blockedReceivePercent }.max() ?? 0
            let inRate = WindowRate.perSecond(state.points(now: now, start: reading.startTime, current: c.accepted) { $0.channels[safe: index]?.accepted }, now: now)
            let outRate = WindowRate.perSecond(state.points(now: now, start: reading.startTime, current: c.received) { $0.channels[safe: index]?.received }, now: now)
            let growth = WindowGrowth.perSecond(state.series(
                atStart: WindowGrowth.Point(time: reading.startTime, depth: 0), now: WindowGrowth.Point(time: now, depth: c.depth)
            ) { mark in mark.channels[safe: index].map { WindowGrowth.Point(time: mark.time, depth: $0.depth) } })
            let levels = (reading.priorityLevelTags[safe: index] ?? nil).map {
                PriorityLevelSnapshot.levels(stats.levels, tags: $0, now: now)
            }
            let situation = ChannelSituation.judge(
                told, inPerSecond: inRate, outPerSecond: outRate,
                droppedInWindow: c.dropped - min(c.dropped, from?.dropped ?? c.dropped),
                overwrittenInWindow: c.overwritten - min(c.overwritten, from?.overwritten ?? c.overwritten),
                growthPerSecond: growth, sendersBlockedPercent: sendersBlocked, receiversWaitingPercent: receiversWaiting,
                priorityLevels: levels, shown: state.shownWords[safe: index] ?? nil)
            var channel = ChannelSnapshot(
                id: id, stats: stats, inPerSecond: inRate, outPerSecond: outRate, growthPerSecond: growth,
                situation: link.map { situation.overridden(by: $0) } ?? situation,
                senderGroups: senders.map(\.element.name),
                receiverGroups: receivers.map(\.element.name))
            channel.kernel = (reading.kernel[safe: index] ?? nil).map { kernel in
                // Each end as its worker's row shows it: blocked in the kernel while it spent
                // the window mostly blocked.
                var kernel = kernel
                func spent(_ group: String?, _ state: WorkerState) -> Bool { groups.first { $0.name == group }?.workerStates.first == state }
                let writerBlocked = spent(kernel.writer?.group, .blockedOnSend), readerBlocked = spent(kernel.reader?.group, .blockedOnReceive)
                kernel.writer?.spentBlocked = writerBlocked
                kernel.reader?.spentBlocked = readerBlocked
                return kernel
            }
            channel.link = link
            channel.unfinished = (reading.finishedTasks[safe: index] ?? nil).map { TaskLedger.unfinished(c, finished: $0) }
            channel.priorityLevels = levels
            if state.shownWords.indices.contains(index) { state.shownWords[index] = channel.situation.word }
            channels.append(channel)
        }
        // Prefilled messages are there at the start, not arrivals: tanenbaum's 100 empties must
        // not read as `GROWING +99/s` while they drain.
        if state.marks.isEmpty, !state.droppedMarks, now <= reading.startTime { state.firstMarkIsStart = true }
        state.marks.append(mark)

        var graph = reading.waitFor
        for channel in channels {
            graph.activity[channel.name] = channel.counters.accepted &+ channel.counters.received
        }
        if let event = SnapshotChecks.deadlock(state.detector.update(graph, time: time), time: time) { found.append(event) }
        // What the checks found, in the order it happened (a stable sort keeps ties as found),
        // after what the controls logged.
        let events = logged + found.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)

        let finished = !groups.isEmpty && groups.allSatisfy(\.isFinished)
        let endTime = finished ? seconds(at: reading.groups.map(\.lastEnd).max() ?? 0) : nil
        var snapshot = Snapshot(
            tick: state.tick, time: time, presetName: reading.presetName, channels: channels, groups: groups,
            knobs: reading.knobs.filter { knob in
                // A capacity slider only where the channel's kind has a capacity now.
                guard case .capacity(let channel) = knob.id, let index = reading.channelIDs.firstIndex(of: channel) else { return true }
                return (reading.channels[index].kind.capacity ?? 0) > 0
            },
            events: events, deadlock: state.detector.reported, isPaused: reading.isPaused,
            accountingViolation: violation, controlRevision: reading.controlRevision, endTime: endTime)
        snapshot.mailboxes = reading.mailboxes
        snapshot.managers = reading.managers
        TaskLedger.markPools(&snapshot, reading)
        for mailbox in reading.mailboxes {
            if let event = SnapshotChecks.accounting(ChannelID(mailbox.name), mailbox.counters, time: time) {
                snapshot.accountingViolation = snapshot.accountingViolation ?? "\(mailbox.name): \(mailbox.counters.identityViolation ?? "")"
                snapshot.events.append(event)
            }
        }
        state.tick += 1
        state.previousTime = now
        return snapshot
    }
}
