import Foundation

extension Preset {
    /// The preset with knob values replaced by `KNOB=VALUE` strings from `--set`.
    ///
    /// Overrides are checked like the file itself (the knob must exist, the value must be a
    /// number within the knob's range), so a mistyped `--set` stops the run with a clear line
    /// instead of being silently ignored. Every bad override is reported, with `--set` as file.
    /// Besides the preset's knobs, `CH.capacity` sets a channel's capacity (kinds that have one,
    /// within `PresetLimits.capacity`) and `GROUP.workers` a group's worker count (within
    /// `PresetLimits.workers`), the sliders the engine adds; the same limits as a file's.
    public func applying(overrides: [String]) throws(PresetError) -> Preset {
        var result = self
        var problems: [PresetProblem] = []
        func problem(_ path: String, _ message: String) {
            problems.append(PresetProblem(file: "--set", line: nil, path: path, message: message))
        }
        for override in overrides {
            guard let equals = override.firstIndex(of: "=") else {
                problem("", PresetWording.expectedAssignment(found: override))
                continue
            }
            let name = override[..<equals].trimmingCharacters(in: .whitespaces)
            let text = override[override.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // The name becomes a typed knob at the edge: a channel's capacity, a group's workers,
            // or one of the preset's knobs.
            let id = KnobID.parse(name, channels: channels.map { ChannelID($0.name) }, groups: workers.map { GroupID($0.name) })
            switch id {
            case .capacity(let channel):
                result.applyCapacity(of: channel, text: text, problem: problem)
                continue
            case .workers(let group):
                result.applyWorkers(of: group, text: text, problem: problem)
                continue
            case .preset:
                break
            }
            guard let index = result.knobs.firstIndex(where: { $0.name == name }) else {
                problem(name, PresetWording.unknownKnob(name, known: knobs.map(\.name) + structuralNames))
                continue
            }
            if result.knobs[index].isChoice {
                let knob = result.knobs[index]
                guard let value = knob.value(ofChoice: text) else {
                    problem(name, PresetWording.notAChoice(text, choices: knob.choices))
                    continue
                }
                result.knobs[index].value = value
                continue
            }
            guard let value = Double(text), value.isFinite else {
                problem(name, PresetWording.expected("a number", found: "\"\(text)\""))
                continue
            }
            let knob = result.knobs[index]
            guard (knob.min...knob.max).contains(value) else {
                problem(name, PresetWording.outsideKnob(value, min: knob.min, max: knob.max))
                continue
            }
            result.knobs[index].value = value
        }
        guard problems.isEmpty else { throw PresetError(problems: problems) }
        return result
    }

    /// The names `--set` takes besides the preset's knobs: `CH.capacity` for each channel with
    /// a capacity and `GROUP.workers` for each group.
    var structuralNames: [String] {
        channels.filter { $0.kind.capacity ?? 0 > 0 }.map { "\($0.name).capacity" } + workers.map { "\($0.name).workers" }
    }

    /// Sets a channel's capacity from `--set CH.capacity=N` (kinds that have one).
    private mutating func applyCapacity(of channel: ChannelID, text: String, problem: (String, String) -> Void) {
        let name = KnobID.capacity(channel).name
        guard let index = channels.firstIndex(where: { $0.name == channel.name }) else { return }
        guard let capacity = channels[index].kind.capacity, capacity > 0 else {
            problem(name, PresetWording.noCapacity(channel.name, kind: "\(channels[index].kind)"))
            return
        }
        guard let value = Int(text), value >= PresetLimits.capacity.lowerBound else {
            problem(name, PresetWording.expectedCapacity(found: text))
            return
        }
        guard value <= PresetLimits.capacity.upperBound else {
            problem(name, PresetWording.atMost("capacity", PresetLimits.capacity.upperBound, found: value))
            return
        }
        channels[index].kind = channels[index].kind.withCapacity(value)
    }

    /// Sets a group's worker count from `--set G.workers=N`.
    private mutating func applyWorkers(of group: GroupID, text: String, problem: (String, String) -> Void) {
        guard let index = workers.firstIndex(where: { $0.name == group.name }) else { return }
        guard let value = Int(text), PresetLimits.workers.contains(value) else {
            problem(KnobID.workers(group).name, PresetWording.expectedWorkers(found: text))
            return
        }
        workers[index].count = value
    }
}
