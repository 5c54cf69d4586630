/// A priority channel's columns: each level's depth and its oldest message's age.
extension CSVRecorder {
    /// `CH.depth_p0, CH.oldest_age_ms_p0, CH.depth_p1, ...` for a priority channel, none otherwise.
    static func priorityHeader(for channel: ChannelSnapshot) -> [String] {
        (channel.priorityLevels ?? []).flatMap { ["\(channel.name).depth_p\($0.level)", "\(channel.name).oldest_age_ms_p\($0.level)"] }
    }

    /// The same columns' values: empty while the kind is not `priority` (and the age while the
    /// level is empty).
    static func priorityFields(for channel: ChannelSnapshot) -> [String] {
        (channel.priorityLevels ?? []).flatMap { level in
            [level.depth.map(String.init) ?? "", level.oldestAgeMilliseconds.map { NumberText.fixed($0, decimals: 1) } ?? ""]
        }
    }
}
