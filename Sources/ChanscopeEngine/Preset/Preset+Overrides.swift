import Foundation

extension Preset {
    /// The preset with knob values replaced by `KNOB=VALUE` strings from `--set`.
    ///
    /// Overrides are checked like the file itself (the knob must exist, the value must be a
    /// number within the knob's range), so a mistyped `--set` stops the run with a clear line
    /// instead of being silently ignored. Every bad override is reported, with `--set` as file.
    /// Besides the preset's knobs, `CH.capacity` sets a channel's capacity (kinds that have one)
    /// and `GROUP.workers` a group's worker count (1...64), the sliders the engine adds.
    public func applying(overrides: [String]) throws(PresetError) -> Preset {
        var result = self
        var problems: [PresetProblem] = []
        func problem(_ path: String, _ message: String) {
            problems.append(PresetProblem(file: "--set", line: nil, path: path, message: message))
        }
        for override in overrides {
            guard let equals = override.firstIndex(of: "=") else {
                problem("", "expected KNOB=VALUE, found \"\(override)\"")
                continue
            }
            let name = override[..<equals].trimmingCharacters(in: .whitespaces)
            let text = override[override.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let handled = result.applyStructural(name: name, text: text, problem: problem) {
                result = handled
                continue
            }
            guard let index = result.knobs.firstIndex(where: { $0.name == name }) else {
                let extra = channels.filter { $0.kind.capacity ?? 0 > 0 }.map { "\($0.name).capacity" } + workers.map { "\($0.name).workers" }
                let all = knobs.map(\.name) + extra
                let known = all.isEmpty ? "the preset has no knobs" : "knobs: \(all.joined(separator: ", "))"
                problem(name, "unknown knob \"\(name)\" (\(known))")
                continue
            }
            guard let value = Double(text), value.isFinite else {
                problem(name, "expected a number, found \"\(text)\"")
                continue
            }
            let knob = result.knobs[index]
            guard (knob.min...knob.max).contains(value) else {
                problem(name, "\(PresetWording.number(value)) is outside min...max "
                    + "(\(PresetWording.number(knob.min))...\(PresetWording.number(knob.max)))")
                continue
            }
            result.knobs[index].value = value
        }
        guard problems.isEmpty else { throw PresetError(problems: problems) }
        return result
    }

    /// Applies `CH.capacity` or `GROUP.workers`; nil when `name` is neither.
    private func applyStructural(
        name: String, text: String, problem: (String, String) -> Void
    ) -> Preset? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        var result = self
        if parts[1] == "capacity", let index = channels.firstIndex(where: { $0.name == parts[0] }) {
            guard let capacity = channels[index].kind.capacity, capacity > 0 else {
                problem(name, "channel \(parts[0]) is \(channels[index].kind) and has no capacity to set")
                return result
            }
            guard let value = Int(text), value >= 1 else {
                problem(name, "expected a whole number of at least 1, found \"\(text)\"")
                return result
            }
            result.channels[index].kind = channels[index].kind.withCapacity(value)
            return result
        }
        if parts[1] == "workers", let index = workers.firstIndex(where: { $0.name == parts[0] }) {
            guard let value = Int(text), (1...64).contains(value) else {
                problem(name, "expected a whole number from 1 to 64, found \"\(text)\"")
                return result
            }
            result.workers[index].count = value
            return result
        }
        return nil
    }
}
