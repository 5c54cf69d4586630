extension PresetSchema {
    // MARK: - Worker groups

    /// The `workers` section: at least one group.
    static let workers = SectionDeclaration<WorkerGroupSpec>(
        noun: "group", sketch: "{ count: ..., loop: [...] }", example: "{ count: 1, loop: [ ... ] }",
        needsOne: (noun: "worker group", example: "producer: { loop: [ make, { send: work } ] }"),
        fields: groupFields, start: { name in WorkerGroupSpec(name: name, steps: []) })

    /// The keys of a worker group. A new group option is one more declaration here, writing
    /// into a new `WorkerGroupSpec` property that the engine then reads.
    static let groupFields: [FieldDeclaration<WorkerGroupSpec>] = [
        .wholeNumber("count", takes: "a whole number, \(PresetWording.range(PresetLimits.workers))",
                     summary: "threads running the loop (default 1)", \.count) { count in
            PresetLimits.workers.contains(count) ? nil : PresetWording.between("count", PresetLimits.workers, found: count)
        },
        .init("limit", takes: "a knob or a whole number, \(PresetWording.range(PresetLimits.limit))", summary: "iterations across the group; 0 = endless") {
            group, node, path, decoder in
            group.limit = decoder.limit(node, path)
            return group.limit != nil
        },
        .init("prefill", takes: "channel names to whole numbers, \(PresetWording.range(PresetLimits.prefill))", summary: "messages put into channels at start") {
            group, node, path, decoder in
            guard let prefill = decoder.prefill(node, path) else { return false }
            group.prefill = prefill
            return true
        },
        .init("mailbox", takes: "{ kind: ..., capacity: ... }, as a channel", summary: "a mailbox of this kind for each worker, for `reply` and `{ recv: mailbox }`") {
            group, node, path, decoder in
            guard let kind = decoder.mailbox(node, path) else { return false }
            group.mailbox = kind
            return true
        },
        .init("stop_on", takes: "a tag", summary: "a worker that receives a message with this tag finishes it and ends (a sentinel)") {
            group, node, path, decoder in
            guard let tag = decoder.text(node, path) else { return false }
            decoder.use(tag, .expectsTag(ifNeverGiven: "no worker would ever stop on it"), at: node, path: path)
            group.stopOn = tag
            return true
        },
        .init("select", takes: "ordered or fair", summary: "which ready channel `{ recv: [a, b] }` takes from: the first listed, or one at random (default ordered)") {
            group, node, path, decoder in
            guard let word = decoder.text(node, path) else { return false }
            guard let order = SelectOrderWord(rawValue: word) else {
                decoder.meaning(node, path, PresetWording.unknownSelect(word))
                return false
            }
            group.select = order.order
            return true
        },
        roleField,
        requestsField,
        policyField,
        starvingAfterField,
        .init("loop", takes: "a list of steps", required: true, excusedBy: "role", summary: "the steps each worker repeats") {
            group, node, path, decoder in
            guard let steps = decoder.loop(node, path) else { return false }
            group.steps = steps
            return true
        },
    ]

    // MARK: - Steps

    /// The kinds of loop step. A new step kind is one more declaration here and its case in
    /// `Step`, handled by the engine.
    static let steps: [StepDeclaration] = [
        StepDeclaration("make", operand: .givesTag, operandOptional: true,
                        summary: "a new message in hand; with a tag, a message of that tag (e.g. REQUEST_READ)") { parts in
            parts.operand.isEmpty ? .make : .makeTagged(tag: parts.operand)
        },
        StepDeclaration("send", operand: .feeds, summary: "send the message in hand, blocking as the kind says") { parts in
            .send(channel: parts.operand)
        },
        StepDeclaration("recv", operand: .drains(ifNeverFed: "this recv would wait forever"),
                        summary: "block until a message is in hand; `{ recv: mailbox }` takes from the worker's own mailbox") { parts in
            if !parts.operands.isEmpty { return .select(channels: parts.operands, waits: true) }
            return parts.operand == Step.mailboxWord ? .recvMailbox : .recv(channel: parts.operand)
        },
        StepDeclaration("poll", operand: .drains(ifNeverFed: "this poll would always find it empty"),
                        summary: "try_recv: fill the hand or count an empty poll; `{ poll: [a, b] }` tries each once, by the group's `select`") { parts in
            parts.operands.isEmpty ? .poll(channel: parts.operand) : .select(channels: parts.operands, waits: false)
        },
        StepDeclaration("sleep", operand: .duration,
                        options: [.init(key: "jitter", range: PresetLimits.jitter, defaultValue: 0,
                                        summary: "vary the sleep by up to this share of it")],
                        summary: "wait the knob's value in milliseconds") { parts in
            .sleep(knob: parts.operand, jitter: parts.options["jitter"] ?? 0)
        },
        StepDeclaration("work", operand: .duration,
                        options: [.init(key: "jitter", range: PresetLimits.jitter, defaultValue: 0,
                                        summary: "vary the time by up to this share of it"),
                                  .named("as", workStates, summary: "what the worker is shown doing; reading and writing enter the readers-writers database")],
                        summary: "spend the knob's value in milliseconds, shown as working (or as reading or writing)") { parts in
            .work(knob: parts.operand, jitter: parts.options["jitter"] ?? 0, access: workAccess(parts.options["as"] ?? 0))
        },
        StepDeclaration("compute", operand: .duration,
                        summary: "work the knob's value in milliseconds: real arithmetic, a busy core, shown as working") { parts in
            .compute(knob: parts.operand)
        },
        StepDeclaration("tag", operand: .givesTag, summary: "give the message in hand this tag") { parts in
            .tag(parts.operand)
        },
        StepDeclaration("reply", operand: .givesTag,
                        summary: "send the message in hand, with this tag, to the mailbox of the worker that sent it") { parts in
            .reply(tag: parts.operand)
        },
        StepDeclaration("join", operand: .joins,
                        summary: "wait until every message accepted on the channel is finished by its receiver (Python's queue.join)") { parts in
            .join(channel: parts.operand)
        },
        StepDeclaration("task_done", operand: nil,
                        summary: "finish the messages received so far (Python's task_done; the end of an iteration does it too)") { _ in
            .taskDone
        },
    ]

    /// The step keywords, for "unknown step" and "the loop is empty".
    static var stepKeywords: [String] { steps.map(\.keyword) }

    /// The declaration of the step with this keyword, if any.
    static func step(_ keyword: String) -> StepDeclaration? {
        steps.first { $0.keyword == keyword }
    }
}
