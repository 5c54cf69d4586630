import Channels

/// The experiment's simulated links: one `LinkedRoute` per channel that has a `link:`.
extension Experiment {
    /// A route per channel: a linked channel's link, or the plain channel.
    static func routes(for preset: Preset, channels: [Channel<Message>], knobs: KnobBoard, seed: UInt64) -> [any MessageRoute] {
        zip(preset.channels, channels).enumerated().map { index, pair -> any MessageRoute in
            guard let link = pair.0.link else { return ChannelRoute(channel: pair.1) }
            // Each link draws from its own stream, so adding a channel does not change another's draws.
            let linkSeed = seed ^ (0xA076_1D64_78BD_642F &* UInt64(index + 1))
            return LinkedRoute(channel: pair.1, spec: link, knobs: knobs, seed: linkSeed)
        }
    }

    /// The linked routes, by channel index (nil for a plain channel).
    var links: [LinkedRoute?] {
        routes.map { ($0 as? LinkedRoute) ?? (($0 as? TaskCountingRoute)?.base as? LinkedRoute) }
    }

    func startLinks() {
        for link in links { link?.start() }
    }

    func stopLinks() {
        for link in links { link?.stop() }
    }
}
