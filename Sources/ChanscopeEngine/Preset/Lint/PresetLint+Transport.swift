import Channels

extension PresetLint {
    /// A transport channel's spec: a kind a kernel object can be (`bounded`: the write blocks;
    /// `dropping`: `EAGAIN` drops), its buffer in bytes rather than a capacity in messages.
    static func transportSpec(_ entry: PresetDraft.Entry<PresetDraft.Channel>, kind: String, findings: inout PresetFindings) -> ChannelSpec? {
        func at(_ key: String) -> PresetLocation { entry.fields[key] ?? entry.location.at("\(entry.location.path).\(key)") }
        guard let name = entry.spec.transport else {
            findings.add(.meaning, at: at(entry.spec.bufferBytes != nil ? "buffer_bytes" : "message_bytes"), PresetWording.transportOnly)
            return nil
        }
        guard let transport = Transport(rawValue: name) else {
            findings.add(.meaning, at: at("transport"), PresetWording.unknownTransport(name))
            return nil
        }
        guard Transport.kindNames.contains(kind) else {
            findings.add(.meaning, at: at("kind"), PresetWording.transportKind(kind))
            return nil
        }
        var spec = ChannelSpec(name: entry.name, kind: .bounded(1))
        spec.transport = transport
        spec.messageBytes = entry.spec.messageBytes ?? 16
        spec.messageBytesKnob = entry.spec.messageBytesKnob
        if let range = PresetLimits.buffer(of: transport) {
            if entry.spec.capacity != nil {
                findings.add(.meaning, at: at("capacity"), PresetWording.transportCapacity)
                return nil
            }
            let buffer = entry.spec.bufferBytes ?? PresetLimits.defaultBuffer(of: transport)
            if let problem = PresetWording.bufferOutside(transport, range, found: buffer) {
                findings.add(.meaning, at: at("buffer_bytes"), problem)
                return nil
            }
            spec.bufferBytes = buffer
            let messages = max(1, buffer / (spec.messageBytes + transport.framingBytes))
            spec.kind = kind == "dropping" ? .dropping(messages) : .bounded(messages)
        } else {
            // A message queue: its capacity is mq_maxmsg, in whole messages.
            if entry.spec.bufferBytes != nil {
                findings.add(.meaning, at: at("buffer_bytes"), PresetWording.queueBuffer)
                return nil
            }
            let messages = entry.spec.capacity ?? PresetLimits.queueMessages.upperBound
            guard PresetLimits.queueMessages.contains(messages) else {
                findings.add(.meaning, at: at("capacity"), PresetWording.queueCapacity(found: messages))
                return nil
            }
            spec.bufferBytes = messages * spec.messageBytes
            spec.kind = kind == "dropping" ? .dropping(messages) : .bounded(messages)
        }
        spec.kind = Experiment.shownKind(of: spec)
        return spec
    }

    /// A group that uses a transport runs in a worker process of its own: one worker, only
    /// transport channels, no prefill into them; and each transport joins exactly one writing
    /// group to one other reading group (a pipe is one-way, between two processes).
    static func checkTransportGroups(_ channels: [ChannelSpec], _ workers: PresetDraft.Section<WorkerGroupSpec>, findings: inout PresetFindings) {
        let transports = Set(channels.filter { $0.transport != nil }.map(\.name))
        guard !transports.isEmpty else { return }
        var writers: [String: [String]] = [:]
        var readers: [String: [String]] = [:]
        for entry in workers.entries {
            let group = entry.spec
            var used: [String] = []
            for step in group.steps {
                switch step {
                case .send(let c): used.append(c); if transports.contains(c), !(writers[c] ?? []).contains(group.name) { writers[c, default: []].append(group.name) }
                case .recv(let c), .poll(let c): used.append(c); if transports.contains(c), !(readers[c] ?? []).contains(group.name) { readers[c, default: []].append(group.name) }
                default: break
                }
            }
            guard used.contains(where: transports.contains) else {
                if group.crashAfter != nil {
                    findings.add(.meaning, at: entry.fields["crash_after"] ?? entry.location, PresetWording.crashAfterThreads(group.name))
                }
                continue
            }
            if let thread = used.first(where: { !transports.contains($0) }) {
                findings.add(.meaning, at: entry.location, PresetWording.mixedTransport(group: group.name, channel: thread))
            }
            if group.mailbox != nil || group.steps.contains(where: Self.needsThisProcess) {
                findings.add(.meaning, at: entry.location, PresetWording.processGroupStep(group.name))
            }
            if group.count != 1 {
                findings.add(.meaning, at: entry.fields["count"] ?? entry.location, PresetWording.processGroupCount(group.name))
            }
            if let prefill = group.prefill.first(where: { transports.contains($0.channel) }) {
                findings.add(.meaning, at: entry.fields["prefill"] ?? entry.location, PresetWording.transportPrefill(prefill.channel))
            }
        }
        for name in transports.sorted() {
            let w = writers[name] ?? [], r = readers[name] ?? []
            if w.count > 1 || r.count > 1 || (w.count == 1 && w == r) {
                findings.add(.meaning, at: workers.entries.first?.location ?? PresetLocation(line: nil, path: "workers"),
                             PresetWording.transportEnds(name, writers: w, readers: r))
            }
        }
    }

    /// Steps that work only between threads of this process (mailboxes, joins, select, a
    /// resource manager's work).
    static func needsThisProcess(_ step: Step) -> Bool {
        switch step {
        case .recvMailbox, .reply, .join, .taskDone, .select, .work: true
        default: false
        }
    }
}
