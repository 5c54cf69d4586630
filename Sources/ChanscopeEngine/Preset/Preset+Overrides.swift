import Foundation

extension Preset {
    /// The preset with knob values replaced by `KNOB=VALUE` strings from `--set`.
    ///
    /// Overrides are checked like the file itself (the knob must exist, the value must be a
    /// number within the knob's range), so a mistyped `--set` stops the run with a clear line
    /// instead of being silently ignored. Every bad override is reported, with `--set` as file.
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
            guard let index = result.knobs.firstIndex(where: { $0.name == name }) else {
                let known = knobs.isEmpty ? "the preset has no knobs" : "knobs: \(knobs.map(\.name).joined(separator: ", "))"
                problem(name, "unknown knob \"\(name)\" (\(known))")
                continue
            }
            guard let value = Double(text), value.isFinite else {
                problem(name, "expected a number, found \"\(text)\"")
                continue
            }
            let knob = result.knobs[index]
            guard (knob.min...knob.max).contains(value) else {
                problem(name, "\(PresetReader.format(value)) is outside min...max "
                    + "(\(PresetReader.format(knob.min))...\(PresetReader.format(knob.max)))")
                continue
            }
            result.knobs[index].value = value
        }
        guard problems.isEmpty else { throw PresetError(problems: problems) }
        return result
    }
}
