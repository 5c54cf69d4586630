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
            if let handled = result.applyStructural(name: name, text: text, problem: problem) {
                result = handled
                continue
            }
            guard let index = result.knobs.firstIndex(where: { $0.name == name }) else {
                problem(name, PresetWording.unknownKnob(name, known: knobs.map(\.name) + structuralNames))
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

    /// Applies `CH.capacity` or `GROUP.workers`; nil when `name` is neither. The name is split
    /// at its last dot, so a channel or group whose own name has a dot is still found.
    private func applyStructural(name: String, text: String, problem: (String, String) -> Void) -> Preset? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let owner = String(name[..<dot])
        let setting = String(name[name.index(after: dot)...])
        var result = self
        if setting == "capacity", let index = channels.firstIndex(where: { $0.name == owner }) {
            guard let capacity = channels[index].kind.capacity, capacity > 0 else {
                problem(name, PresetWording.noCapacity(owner, kind: "\(channels[index].kind)"))
                return result
            }
            guard let value = Int(text), value >= PresetLimits.capacity.lowerBound else {
                problem(name, PresetWording.expectedCapacity(found: text))
                return result
            }
            guard value <= PresetLimits.capacity.upperBound else {
                problem(name, PresetWording.atMost("capacity", PresetLimits.capacity.upperBound, found: value))
                return result
            }
            result.channels[index].kind = channels[index].kind.withCapacity(value)
            return result
        }
        if setting == "workers", let index = workers.firstIndex(where: { $0.name == owner }) {
            guard let value = Int(text), PresetLimits.workers.contains(value) else {
                problem(name, PresetWording.expectedWorkers(found: text))
                return result
            }
            result.workers[index].count = value
            return result
        }
        return nil
    }
}
