import Channels
import Yams

extension PresetDecoder {
    /// A group's `mailbox`: a mapping with a channel's keys (`kind`, `capacity`), combined into a
    /// kind as a channel's are, its problems worded the same way.
    mutating func mailbox(_ node: Node, _ path: String) -> ChannelKind? {
        guard case .mapping = node else {
            shape(node, path, PresetWording.expectedMapping(like: "{ kind: bounded, capacity: 4 }", found: describe(node)))
            return nil
        }
        var draft = PresetDraft.Channel()
        let decoded = fields(of: node, path: path, into: &draft, PresetSchema.channelFields)
        guard decoded.complete, let name = draft.kind else { return nil }
        switch ChannelKind.make(name: name, capacity: draft.capacity) {
        case .success(let kind):
            return kind
        case .failure(let error):
            let key: String
            if case .unknownKind = error { key = "kind" } else { key = "capacity" }
            let at = decoded.locations[key] ?? PresetLocation(node, path: "\(path).\(key)")
            findings.add(.meaning, at: at, PresetWording.kind(error))
            return nil
        }
    }
}
