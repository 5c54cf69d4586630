/// The words for built-in roles' problems.
extension PresetWording {
    static let managerWithoutRequests =
        "an rw-manager needs requests: CHANNEL, the channel readers and writers send REQUEST_READ, REQUEST_WRITE, DONE_READ and DONE_WRITE to"

    static func roleKeyWithoutRole(_ key: String) -> String {
        "\(key) is for a group with role: rw-manager"
    }

    static func managerCount(_ count: Int) -> String {
        "an rw-manager group runs exactly one worker (count 1), not \(count)"
    }

    static func roleWithLoop(group: String) -> String {
        "group \(group) plays a role and runs no loop of its own: remove loop"
    }

    static func policyKnobNotAChoice(_ knob: String) -> String {
        "policy knob \(knob) must be a choice among \(RWPolicy.names.joined(separator: ", ")), e.g. "
            + "{ choices: [readers-first, fair], value: readers-first }"
    }

    static func requesterWithoutMailbox(_ group: String, requests: String) -> String {
        "the manager grants into the sender's mailbox, but \(group) sends on \(requests) and has no mailbox "
            + "(give it mailbox: { kind: unbounded })"
    }
}
