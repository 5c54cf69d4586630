/// The readers-writers pieces of the schema: the `work` step's states and the manager role.
extension PresetSchema {
    /// What a `work` step's `as:` may say, in the order of its index.
    static let workStates = ["working", "reading", "writing"]

    /// The database access of a `work` step's `as:` index: none for `working`.
    static func workAccess(_ index: Double) -> RWAccess? {
        switch index {
        case 1: .read
        case 2: .write
        default: nil
        }
    }
}

/// The keys of a group that plays a built-in role.
extension PresetSchema {
    static let roleField = FieldDeclaration<WorkerGroupSpec>(
        "role", takes: RoleSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "),
        summary: "a built-in role instead of a loop: rw-manager is the readers-writers resource manager (one worker)"
    ) { group, node, path, decoder in
        guard let name = decoder.text(node, path) else { return false }
        guard let kind = RoleSpec.Kind(rawValue: name) else {
            decoder.meaning(node, path, PresetWording.notAmong("role", name, RoleSpec.Kind.allCases.map(\.rawValue)))
            return false
        }
        group.role = group.role ?? RoleSpec()
        group.role?.kind = kind
        for tag in [RWTags.grantRead, RWTags.grantWrite] { decoder.use(tag, .givesTag, at: node, path: path) }
        return true
    }

    static let requestsField = FieldDeclaration<WorkerGroupSpec>(
        "requests", takes: "a channel", summary: "rw-manager: the channel it receives REQUEST_* and DONE_* messages from"
    ) { group, node, path, decoder in
        guard let channel = decoder.text(node, path) else { return false }
        decoder.use(channel, .drains(ifNeverFed: "the manager would wait for requests forever"), at: node, path: path)
        group.role = group.role ?? RoleSpec()
        group.role?.requests = channel
        return true
    }

    static let policyField = FieldDeclaration<WorkerGroupSpec>(
        "policy", takes: "a choice knob", summary: "rw-manager: the knob choosing readers-first, writers-first, fair or as-written"
    ) { group, node, path, decoder in
        guard let knob = decoder.text(node, path) else { return false }
        decoder.use(knob, .count, at: node, path: path)
        group.role = group.role ?? RoleSpec()
        group.role?.policy = knob
        return true
    }

    static let starvingAfterField = FieldDeclaration<WorkerGroupSpec>(
        "starving_after", takes: "a knob",
        summary: "rw-manager: milliseconds after which a class's oldest wait is marked STARVING (default 5000)"
    ) { group, node, path, decoder in
        guard let knob = decoder.text(node, path) else { return false }
        decoder.use(knob, .duration, at: node, path: path)
        group.role = group.role ?? RoleSpec()
        group.role?.starvingAfter = knob
        return true
    }
}
