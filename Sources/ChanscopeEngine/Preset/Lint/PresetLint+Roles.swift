extension PresetLint {
    /// Built-in roles: `rw-manager` runs one worker and no loop, needs `requests`, reads a policy
    /// from a choice knob of policy names, and grants into mailboxes, so whoever sends on its
    /// requests channel needs one; the role's keys are for a role group only.
    static func checkRoles(_ draft: PresetDraft, findings: inout PresetFindings) {
        guard let groups = draft.workers?.entries else { return }
        let knobs = Dictionary(draft.knobs.entries.map { ($0.name, $0.spec) }, uniquingKeysWith: { a, _ in a })
        for entry in groups {
            func at(_ key: String) -> PresetLocation { entry.fields[key] ?? entry.location }
            guard let role = entry.spec.role else { continue }
            guard role.kind != nil else {
                // A `role` that did not read is reported already.
                guard entry.fields["role"] == nil else { continue }
                for key in ["requests", "policy", "starving_after"] where entry.fields[key] != nil {
                    findings.add(.meaning, at: at(key), PresetWording.roleKeyWithoutRole(key))
                }
                continue
            }
            if entry.spec.count != 1 {
                findings.add(.meaning, at: at("count"), PresetWording.managerCount(entry.spec.count))
            }
            if entry.fields["loop"] != nil {
                findings.add(.meaning, at: at("loop"), PresetWording.roleWithLoop(group: entry.name))
            }
            guard let requests = role.requests else {
                findings.add(.meaning, at: entry.location.at("\(entry.location.path).requests"), PresetWording.managerWithoutRequests)
                continue
            }
            if let name = role.policy, let knob = knobs[name], !knob.isChoice || !knob.choices.allSatisfy(RWPolicy.names.contains) {
                findings.add(.meaning, at: at("policy"), PresetWording.policyKnobNotAChoice(name))
            }
            let requesters = groups.filter { other in
                other.spec.steps.contains { if case .send(let channel) = $0 { channel == requests } else { false } }
            }
            for other in requesters where other.spec.mailbox == nil {
                findings.add(.meaning, at: at("requests"), PresetWording.requesterWithoutMailbox(other.name, requests: requests))
            }
        }
    }
}
