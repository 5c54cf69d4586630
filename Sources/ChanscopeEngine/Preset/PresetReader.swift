import Channels
import Yams

/// Walks a composed YAML tree into a `Preset`, collecting every problem on the way.
///
/// The tree is walked by hand rather than through `Decodable` so that each message can name
/// the file, the line of the offending node and its key path in words a preset author knows,
/// and so that no `DecodingError` dump can ever reach the screen. Reading goes on after a
/// problem wherever the rest still makes sense, so one run reports everything.
struct PresetReader {
    /// The file name used in every problem.
    let source: String
    /// Everything found wrong so far, in order of discovery.
    private(set) var problems: [PresetProblem] = []

    /// What `PresetLoader` appends to the second of two equal keys so that Yams composes the
    /// file anyway; the reader reports such a key as a duplicate and skips it.
    static let duplicateMarker = DuplicateKeyScan.marker

    static let topLevelKeys = ["name", "summary", "lesson", "channels", "knobs", "workers"]
    static let channelKeys = ["kind", "capacity"]
    static let knobKeys = ["value", "min", "max", "step", "label", "unit"]
    static let groupKeys = ["count", "limit", "prefill", "loop"]
    static let stepNames = ["make", "send", "recv", "poll", "sleep"]
    static let maxWorkers = 64

    init(source: String) {
        self.source = source
    }

    // MARK: - The preset

    /// Reads the whole preset; `nil` when any problem was found.
    mutating func read(_ root: Node?) -> Preset? {
        guard let root, root.null == nil else {
            report(line: 1, "", "the file is empty; a preset needs the keys name, summary, channels and workers")
            return nil
        }
        guard case .mapping = root else {
            report(root, "", "a preset must be a mapping with the keys name, summary, channels and workers, "
                + "not \(describe(root))")
            return nil
        }
        let top = fields(of: root, path: "", allowed: Self.topLevelKeys)
        for key in ["name", "summary", "channels", "workers"] where top[key] == nil {
            report(root, key, "required key is missing")
        }
        let name = top["name"].flatMap { text($0.value, "name") }
        var summary = top["summary"].flatMap { text($0.value, "summary") }
        if let line = summary, line.contains("\n") {
            report(top["summary"]?.value, "summary", "must be one line (it is shown in lists); put more in lesson")
            summary = nil
        }
        let lesson = top["lesson"].map { text($0.value, "lesson", allowEmpty: true) ?? "" } ?? ""

        let channels = top["channels"].map { readChannels($0.value) }
        let knobs = top["knobs"].map { readKnobs($0.value) } ?? KnobsRead(specs: [], names: [], complete: true)
        let workers = top["workers"].map { readWorkers($0.value, channels: channels, knobs: knobs) }

        guard problems.isEmpty, let name, let summary, let channels, let workers else { return nil }
        return Preset(
            name: name, summary: summary, lesson: lesson, channels: channels.specs,
            knobs: knobs.specs, workers: workers, source: source
        )
    }

    // MARK: - Channels

    /// The channels read so far; `complete` is false when the section itself was broken, so
    /// steps naming channels are not checked against a list that is known to be partial.
    struct ChannelsRead {
        var specs: [ChannelSpec]
        var names: [String]
        var complete: Bool
    }

    private mutating func readChannels(_ node: Node) -> ChannelsRead {
        var read = ChannelsRead(specs: [], names: [], complete: true)
        if node.null != nil {
            report(node, "channels", "at least one channel is needed, e.g. work: { kind: bounded, capacity: 8 }")
            read.complete = false
            return read
        }
        guard case .mapping = node else {
            report(node, "channels", "expected a mapping of channel names to { kind: ..., capacity: ... }, "
                + "found \(describe(node))")
            read.complete = false
            return read
        }
        let entries = orderedFields(of: node, path: "channels", allowed: nil)
        if entries.isEmpty {
            report(node, "channels", "at least one channel is needed, e.g. work: { kind: bounded, capacity: 8 }")
        }
        for entry in entries {
            let path = "channels.\(entry.key)"
            read.names.append(entry.key)
            if let kind = readKind(entry.value, path: path) {
                read.specs.append(ChannelSpec(name: entry.key, kind: kind))
            }
        }
        return read
    }

    private mutating func readKind(_ node: Node, path: String) -> ChannelKind? {
        guard case .mapping = node else {
            report(node, path, "expected a mapping like { kind: bounded, capacity: 8 }, found \(describe(node))")
            return nil
        }
        let keys = fields(of: node, path: path, allowed: Self.channelKeys)
        guard let kindField = keys["kind"] else {
            report(node, "\(path).kind", "required key is missing (kinds: \(ChannelKind.allNames.joined(separator: ", ")))")
            return nil
        }
        guard let kindName = text(kindField.value, "\(path).kind") else { return nil }
        var capacity: Int?
        if let field = keys["capacity"] {
            guard let number = wholeNumber(field.value, "\(path).capacity") else { return nil }
            capacity = number
        }
        switch ChannelKind.make(name: kindName, capacity: capacity) {
        case .success(let kind):
            return kind
        case .failure(let error):
            switch error {
            case .unknownKind:
                report(kindField.value, "\(path).kind", error.description)
            case .capacityRequired:
                report(node, "\(path).capacity", error.description)
            case .capacityTooSmall, .capacityNotAllowed:
                report(keys["capacity"]?.value ?? node, "\(path).capacity", error.description)
            }
            return nil
        }
    }

    // MARK: - Knobs

    /// The knobs read so far; see `ChannelsRead` for `complete`.
    struct KnobsRead {
        var specs: [KnobSpec]
        var names: [String]
        var complete: Bool
    }

    private mutating func readKnobs(_ node: Node) -> KnobsRead {
        var read = KnobsRead(specs: [], names: [], complete: true)
        if node.null != nil { return read }
        guard case .mapping = node else {
            report(node, "knobs", "expected a mapping of knob names to { value: ..., min: ..., max: ... }, "
                + "found \(describe(node))")
            read.complete = false
            return read
        }
        for entry in orderedFields(of: node, path: "knobs", allowed: nil) {
            read.names.append(entry.key)
            if let knob = readKnob(entry.value, name: entry.key) {
                read.specs.append(knob)
            }
        }
        return read
    }

    private mutating func readKnob(_ node: Node, name: String) -> KnobSpec? {
        let path = "knobs.\(name)"
        guard case .mapping = node else {
            report(node, path, "expected a mapping like { value: 100, min: 0, max: 2000 }, found \(describe(node))")
            return nil
        }
        let keys = fields(of: node, path: path, allowed: Self.knobKeys)
        for key in ["value", "min", "max"] where keys[key] == nil {
            report(node, "\(path).\(key)", "required key is missing")
        }
        let value = keys["value"].flatMap { number($0.value, "\(path).value") }
        let min = keys["min"].flatMap { number($0.value, "\(path).min") }
        let max = keys["max"].flatMap { number($0.value, "\(path).max") }
        let step = keys["step"].map { number($0.value, "\(path).step") } ?? 1
        let label = keys["label"].map { text($0.value, "\(path).label") } ?? name
        let unit = keys["unit"].map { text($0.value, "\(path).unit", allowEmpty: true) } ?? ""

        var valid = true
        if let step, step <= 0 {
            report(keys["step"]?.value, "\(path).step", "step must be greater than 0, found \(Self.format(step))")
            valid = false
        }
        if let min, let max, min > max {
            report(keys["min"]?.value, "\(path).min", "min \(Self.format(min)) is greater than max \(Self.format(max))")
            valid = false
        } else if let value, let min, let max, !(min...max).contains(value) {
            report(keys["value"]?.value, "\(path).value",
                   "\(Self.format(value)) is outside min...max (\(Self.format(min))...\(Self.format(max)))")
            valid = false
        }
        guard valid, let value, let min, let max, let step, let label, let unit else { return nil }
        return KnobSpec(name: name, value: value, min: min, max: max, step: step, label: label, unit: unit)
    }

    // MARK: - Worker groups

    /// A `recv` or `poll` step, kept until every group is read to check that something feeds it.
    private struct Receive {
        var channel: String
        var step: String
        var node: Node
        var path: String
    }

    private mutating func readWorkers(_ node: Node, channels: ChannelsRead?, knobs: KnobsRead) -> [WorkerGroupSpec] {
        if node.null != nil {
            report(node, "workers", "at least one worker group is needed, e.g. producer: { loop: [ make, { send: work } ] }")
            return []
        }
        guard case .mapping = node else {
            report(node, "workers", "expected a mapping of group names to { count: ..., loop: [...] }, "
                + "found \(describe(node))")
            return []
        }
        let entries = orderedFields(of: node, path: "workers", allowed: nil)
        if entries.isEmpty {
            report(node, "workers", "at least one worker group is needed, e.g. producer: { loop: [ make, { send: work } ] }")
        }
        var groups: [WorkerGroupSpec] = []
        var fed: Set<String> = []
        var receives: [Receive] = []
        var feedersKnown = true
        let context = Names(channels: channels, knobs: knobs)
        for entry in entries {
            let path = "workers.\(entry.key)"
            guard case .mapping = entry.value else {
                report(entry.value, path, "expected a mapping like { count: 1, loop: [ ... ] }, found \(describe(entry.value))")
                feedersKnown = false
                continue
            }
            let keys = fields(of: entry.value, path: path, allowed: Self.groupKeys)
            var valid = true

            var count = 1
            if let field = keys["count"] {
                if let number = wholeNumber(field.value, "\(path).count") {
                    if (1...Self.maxWorkers).contains(number) {
                        count = number
                    } else {
                        report(field.value, "\(path).count", "count must be 1...\(Self.maxWorkers), found \(number)")
                        valid = false
                    }
                } else {
                    valid = false
                }
            }

            var limit: Limit?
            if let field = keys["limit"] {
                limit = readLimit(field.value, path: "\(path).limit", names: context)
                valid = valid && limit != nil
            }

            var prefill: [Prefill] = []
            if let field = keys["prefill"] {
                if let read = readPrefill(field.value, path: "\(path).prefill", names: context) {
                    prefill = read
                    fed.formUnion(read.map(\.channel))
                } else {
                    valid = false
                    feedersKnown = false
                }
            }

            var steps: [Step] = []
            if let field = keys["loop"] {
                let loopPath = "\(path).loop"
                if field.value.null != nil {
                    report(field.value, loopPath, "the loop is empty; it needs at least one step (make, send, recv, poll, sleep)")
                    valid = false
                } else if case .sequence(let sequence) = field.value {
                    if sequence.isEmpty {
                        report(field.value, loopPath, "the loop is empty; it needs at least one step (make, send, recv, poll, sleep)")
                        valid = false
                    }
                    for (index, item) in sequence.enumerated() {
                        let stepPath = "\(loopPath)[\(index)]"
                        guard let step = readStep(item, path: stepPath, names: context) else {
                            valid = false
                            feedersKnown = false
                            continue
                        }
                        steps.append(step)
                        switch step {
                        case .send(let channel): fed.insert(channel)
                        case .recv(let channel): receives.append(Receive(channel: channel, step: "recv", node: item, path: stepPath))
                        case .poll(let channel): receives.append(Receive(channel: channel, step: "poll", node: item, path: stepPath))
                        case .make, .sleep: break
                        }
                    }
                } else {
                    report(field.value, loopPath, "expected a list of steps like [ make, { send: work } ], found \(describe(field.value))")
                    valid = false
                    feedersKnown = false
                }
            } else {
                report(entry.value, "\(path).loop", "required key is missing")
                valid = false
            }

            if valid {
                groups.append(WorkerGroupSpec(name: entry.key, count: count, limit: limit, prefill: prefill, steps: steps))
            }
        }
        // A step or prefill that did not read may have been the missing feeder: say nothing rather than guess.
        for receive in receives where feedersKnown && !fed.contains(receive.channel) {
            let outcome = receive.step == "recv" ? "this recv would wait forever" : "this poll would always find it empty"
            report(receive.node, receive.path,
                   "nothing is ever sent to channel \"\(receive.channel)\" (no send step on it and no prefill), so \(outcome)")
        }
        return groups
    }

    /// The channel and knob names steps may use.
    private struct Names {
        var channels: ChannelsRead?
        var knobs: KnobsRead
    }

    private mutating func readLimit(_ node: Node, path: String, names: Names) -> Limit? {
        guard case .scalar = node, node.null == nil else {
            report(node, path, "expected a knob name or a whole number, found \(describe(node))")
            return nil
        }
        if let fixed = node.int {
            guard fixed >= 0 else {
                report(node, path, "limit must be 0 (endless) or more, found \(fixed)")
                return nil
            }
            return .fixed(fixed)
        }
        if node.float != nil {
            report(node, path, "expected a knob name or a whole number, found \(describe(node))")
            return nil
        }
        guard let name = text(node, path), checkKnob(name, node: node, path: path, names: names) else { return nil }
        return .knob(name)
    }

    private mutating func readPrefill(_ node: Node, path: String, names: Names) -> [Prefill]? {
        guard case .mapping = node else {
            report(node, path, "expected a mapping of channel names to counts, like { empties: 100 }, found \(describe(node))")
            return nil
        }
        var result: [Prefill] = []
        var valid = true
        for entry in orderedFields(of: node, path: path, allowed: nil) {
            let entryPath = "\(path).\(entry.key)"
            guard checkChannel(entry.key, node: entry.keyNode, path: entryPath, names: names) else {
                valid = false
                continue
            }
            guard let count = wholeNumber(entry.value, entryPath) else {
                valid = false
                continue
            }
            guard count >= 0 else {
                report(entry.value, entryPath, "prefill must be 0 or more, found \(count)")
                valid = false
                continue
            }
            result.append(Prefill(channel: entry.key, count: count))
        }
        return valid ? result : nil
    }

    // MARK: - Steps

    private mutating func readStep(_ node: Node, path: String, names: Names) -> Step? {
        let stepList = Self.stepNames.joined(separator: ", ")
        switch node {
        case .scalar:
            guard let word = text(node, path) else { return nil }
            if word == "make" { return .make }
            if Self.stepNames.contains(word) {
                let operand = word == "sleep" ? "KNOB" : "CHANNEL"
                report(node, path, "step \"\(word)\" needs a \(operand.lowercased()): write { \(word): \(operand) }")
            } else {
                report(node, path, "unknown step \"\(word)\"\(Self.suggestion(word, Self.stepNames)) (steps: \(stepList))")
            }
            return nil
        case .mapping:
            let entries = orderedFields(of: node, path: path, allowed: nil)
            let kinds = entries.filter { Self.stepNames.contains($0.key) }
            guard let kind = kinds.first else {
                let word = entries.first?.key ?? ""
                report(node, path, "unknown step \"\(word)\"\(Self.suggestion(word, Self.stepNames)) (steps: \(stepList))")
                return nil
            }
            guard kinds.count == 1 else {
                report(node, path, "a step does one thing; found \(kinds.map(\.key).joined(separator: " and ")) — "
                    + "make them separate steps")
                return nil
            }
            var valid = true
            var jitter = 0.0
            for extra in entries where extra.key != kind.key {
                let extraPath = "\(path).\(extra.key)"
                if extra.key == "jitter" && kind.key == "sleep" {
                    guard let value = number(extra.value, extraPath) else {
                        valid = false
                        continue
                    }
                    if (0...1).contains(value) {
                        jitter = value
                    } else {
                        report(extra.value, extraPath, "jitter must be within 0...1, found \(Self.format(value))")
                        valid = false
                    }
                } else if extra.key == "jitter" {
                    report(extra.keyNode, extraPath, "only a sleep step takes jitter")
                    valid = false
                } else {
                    let allowed = kind.key == "sleep" ? ["jitter"] : []
                    let known = kind.key == "sleep" ? " (a sleep step may add jitter)" : " (a \(kind.key) step has only its \(kind.key) key)"
                    report(extra.keyNode, extraPath, "unknown key \"\(extra.key)\"\(Self.suggestion(extra.key, allowed))\(known)")
                    valid = false
                }
            }
            switch kind.key {
            case "make":
                guard kind.value.null != nil else {
                    report(kind.value, path, "make takes no value; write the bare step: - make")
                    return nil
                }
                return valid ? .make : nil
            case "sleep":
                guard let knob = text(kind.value, "\(path).sleep"),
                      checkKnob(knob, node: kind.value, path: path, names: names) else { return nil }
                if let spec = names.knobs.specs.first(where: { $0.name == knob }), spec.min < 0 {
                    report(kind.value, path, "knob \"\(knob)\" can go below 0 (min \(Self.format(spec.min))), "
                        + "and a sleep cannot be negative")
                    return nil
                }
                return valid ? .sleep(knob: knob, jitter: jitter) : nil
            default:
                guard let channel = text(kind.value, "\(path).\(kind.key)"),
                      checkChannel(channel, node: kind.value, path: path, names: names), valid else { return nil }
                switch kind.key {
                case "send": return .send(channel: channel)
                case "recv": return .recv(channel: channel)
                default: return .poll(channel: channel)
                }
            }
        default:
            report(node, path, "expected a step (make, or a one-key map like { send: CHANNEL }), found \(describe(node))")
            return nil
        }
    }

    /// Whether the channel exists; reports it when it does not. A broken `channels` section
    /// accepts every name, so its own problem is not buried under follow-on ones.
    private mutating func checkChannel(_ name: String, node: Node, path: String, names: Names) -> Bool {
        guard let channels = names.channels, channels.complete else { return true }
        guard !channels.names.contains(name) else { return true }
        report(node, path, "unknown channel \"\(name)\" (channels: \(channels.names.joined(separator: ", ")))")
        return false
    }

    /// Whether the knob exists; reports it when it does not.
    private mutating func checkKnob(_ name: String, node: Node, path: String, names: Names) -> Bool {
        guard names.knobs.complete else { return true }
        guard !names.knobs.names.contains(name) else { return true }
        let known = names.knobs.names.isEmpty
            ? "the preset has no knobs"
            : "knobs: \(names.knobs.names.joined(separator: ", "))"
        report(node, path, "unknown knob \"\(name)\" (\(known))")
        return false
    }

    // MARK: - Mappings

    /// One key and value of a mapping, with the key's node for its line.
    struct Field {
        var key: String
        var keyNode: Node
        var value: Node
    }

    /// The mapping's fields in file order, with duplicate and (when `allowed` is given)
    /// unknown keys reported and left out.
    private mutating func orderedFields(of node: Node, path: String, allowed: [String]?) -> [Field] {
        guard case .mapping(let mapping) = node else { return [] }
        var result: [Field] = []
        for (keyNode, value) in mapping {
            let keyPath = { (key: String) in path.isEmpty ? key : "\(path).\(key)" }
            guard case .scalar(let scalar) = keyNode else {
                report(keyNode, path, "a key must be a plain name, found \(describe(keyNode))")
                continue
            }
            var key = scalar.string
            if let marker = key.range(of: Self.duplicateMarker) {
                key = String(key[..<marker.lowerBound])
                let first = result.first { $0.key == key }?.keyNode.mark?.line
                report(keyNode, keyPath(key), "duplicate key \"\(key)\"" + (first.map { " (first on line \($0))" } ?? ""))
                continue
            }
            if let allowed, !allowed.contains(key) {
                report(keyNode, keyPath(key),
                       "unknown key \"\(key)\"\(Self.suggestion(key, allowed)) (keys: \(allowed.joined(separator: ", ")))")
                continue
            }
            result.append(Field(key: key, keyNode: keyNode, value: value))
        }
        return result
    }

    /// `orderedFields` as a dictionary, for mappings with a fixed set of keys.
    private mutating func fields(of node: Node, path: String, allowed: [String]) -> [String: Field] {
        var result: [String: Field] = [:]
        for field in orderedFields(of: node, path: path, allowed: allowed) where result[field.key] == nil {
            result[field.key] = field
        }
        return result
    }

    // MARK: - Scalars

    /// The node as text, or `nil` with a problem when it is not a scalar or is empty.
    private mutating func text(_ node: Node, _ path: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, path, "expected text, found \(describe(node))")
            return nil
        }
        if node.null != nil {
            if allowEmpty { return "" }
            report(node, path, "expected text, found nothing")
            return nil
        }
        if !allowEmpty && scalar.string.allSatisfy(\.isWhitespace) {
            report(node, path, "expected text, found an empty string")
            return nil
        }
        return scalar.string
    }

    /// The node as a finite number, or `nil` with a problem.
    private mutating func number(_ node: Node, _ path: String) -> Double? {
        guard case .scalar = node, node.null == nil, let value = node.float, value.isFinite else {
            report(node, path, "expected a number, found \(describe(node))")
            return nil
        }
        return value
    }

    /// The node as a whole number, or `nil` with a problem.
    private mutating func wholeNumber(_ node: Node, _ path: String) -> Int? {
        guard case .scalar = node, node.null == nil else {
            report(node, path, "expected a whole number, found \(describe(node))")
            return nil
        }
        if let value = node.int { return value }
        if let value = node.float, let whole = Int(exactly: value) { return whole }
        report(node, path, "expected a whole number, found \(describe(node))")
        return nil
    }

    /// How a node reads in a message: a scalar quoted, anything else by its shape.
    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            node.null != nil ? "nothing" : "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    // MARK: - Reporting

    private mutating func report(_ node: Node?, _ path: String, _ message: String) {
        report(line: node?.mark?.line, path, message)
    }

    private mutating func report(line: Int?, _ path: String, _ message: String) {
        problems.append(PresetProblem(file: source, line: line, path: path, message: message))
    }

    // MARK: - Wording

    /// A number as a preset author wrote it: `2000`, not `2000.0`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }

    /// `; did you mean "x"?` when one known word is a small typo away from `word`, else "".
    static func suggestion(_ word: String, _ known: [String]) -> String {
        let close = known
            .map { ($0, Self.editDistance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= max(1, min(2, $0.0.count / 3)) }
            .min { $0.1 < $1.1 }
        return close.map { "; did you mean \"\($0.0)\"?" } ?? ""
    }

    /// The edit distance between two short words, counting a swap of neighbours as one edit
    /// (optimal string alignment), since `sned` for `send` is the commonest typo.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, table[i - 2][j - 2] + 1)
                }
                table[i][j] = best
            }
        }
        return table[a.count][b.count]
    }
}
