/// What `--set` says, in the same voice as a file's problems, with the limits it shares.
extension PresetWording {
    // MARK: - --set

    static func expectedAssignment(found: String) -> String {
        "expected KNOB=VALUE, found \"\(found)\""
    }

    static func noCapacity(_ channel: String, kind: String) -> String {
        "channel \(channel) is \(kind) and has no capacity to set"
    }

    static func expectedCapacity(found: String) -> String {
        "expected a whole number of at least \(PresetLimits.capacity.lowerBound), found \"\(found)\""
    }

    static func expectedWorkers(found: String) -> String {
        "expected a whole number from \(PresetLimits.workers.lowerBound) to \(PresetLimits.workers.upperBound), found \"\(found)\""
    }
}
