/// A preset as the decoder found it: the shape is checked, the meaning not yet.
///
/// The decoder fills it from the schema's declarations and the lints read it, so neither has
/// to know how the other works: names are kept even for entries that did not decode (so an
/// unknown name is not reported twice), and every name used by a step, a prefill or a limit is
/// kept with its role and location (so references are checked in one place, `PresetLint`).
struct PresetDraft {
    var name: String?
    var summary: String?
    var lesson = ""
    var paused = false
    /// `nil` when the file has no `channels` key.
    var channels: Section<Channel>?
    var knobs = Section<KnobSpec>()
    /// `nil` when the file has no `workers` key.
    var workers: Section<WorkerGroupSpec>?
    /// Every channel or knob name used, in file order.
    var uses: [NameUse] = []
    /// False when a step, a loop or a prefill did not decode: it may have been the one that
    /// feeds a channel, so "nothing is ever sent" cannot be said for certain.
    var feedersKnown = true

    /// A named section (`channels`, `knobs`, `workers`).
    struct Section<Spec> {
        /// Every entry's name in file order, including entries that did not decode.
        var names: [String] = []
        /// The entries that were mappings, decoded as far as they go.
        var entries: [Entry<Spec>] = []
        /// False when the section itself was not a mapping, so its names are not all known
        /// and references to it are not checked against a list known to be partial.
        var complete = true
        /// How many entries were not mappings at all.
        var malformed = 0
    }

    /// One entry of a section with where its name and fields are.
    struct Entry<Spec> {
        var name: String
        var spec: Spec
        /// The entry's mapping.
        var location: PresetLocation
        /// The entry's name, where it is written as a key.
        var keyLocation: PresetLocation
        /// Each decoded field's value, by key.
        var fields: [String: PresetLocation]
        /// Whether every required field was there and every field decoded.
        var complete: Bool
    }

    /// A channel before its kind and capacity are combined into a `ChannelKind`.
    struct Channel {
        var kind: String?
        var capacity: Int?
        var transport: String?
        var bufferBytes: Int?
        var messageBytes: Int?
        /// A knob that sets `message_bytes` when the experiment starts.
        var messageBytesKnob: String?
        var link: LinkSpec?
        /// The `protocol` key (a keyword in Swift, hence the name).
        var reliability: LinkSpec.ProtocolSpec?
        var priorities: [String: Int] = [:]
        var aging: String?
    }

    /// A channel or knob name used somewhere in the file.
    struct NameUse {
        var name: String
        var role: NameRole
        var location: PresetLocation
    }
}
