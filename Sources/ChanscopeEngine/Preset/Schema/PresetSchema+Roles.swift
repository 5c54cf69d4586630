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

    static let requestsField = roleName(
        "requests", takes: "a channel", summary: "rw-manager: the channel it receives REQUEST_* and DONE_* messages from",
        role: .drains(ifNeverFed: "the manager would wait for requests forever"), into: \.requests)

    static let policyField = roleName(
        "policy", takes: "a choice knob", summary: "rw-manager: the knob choosing readers-first, writers-first, fair or as-written",
        role: .count, into: \.policy)

    static let starvingAfterField = roleName(
        "starving_after", takes: "a knob",
        summary: "rw-manager: milliseconds after which a class's oldest wait is marked STARVING (default 5000)",
        role: .duration, into: \.starvingAfter)

    /// A role's key naming a channel or a knob, checked by `role` like a step's operand.
    private static func roleName(
        _ key: String, takes: String, summary: String, role: NameRole,
        into field: WritableKeyPath<RoleSpec, String?> & Sendable
    ) -> FieldDeclaration<WorkerGroupSpec> {
        FieldDeclaration(key, takes: takes, summary: summary) { group, node, path, decoder in
            guard let name = decoder.text(node, path) else { return false }
            decoder.use(name, role, at: node, path: path)
            var spec = group.role ?? RoleSpec()
            spec[keyPath: field] = name
            group.role = spec
            return true
        }
    }
}
