extension PresetWording {
    // MARK: - Tags

    static func badTagName(_ name: String) -> String {
        "a tag is a name of letters, digits, _ and -, like REQUEST_READ; found \"\(name)\""
    }

    static func tooManyTags(most: Int) -> String {
        "a preset may name at most \(most) different tags"
    }

    /// `no step makes, tags or replies with "STOP", so no worker would ever stop (tags given: DONE, JOB)`.
    static func tagNeverGiven(_ name: String, outcome: String, given: [String]) -> String {
        let known = given.isEmpty ? "no step gives a tag" : "tags given: " + given.joined(separator: ", ")
        return "no step makes, tags or replies with \"\(name)\", so \(outcome) (\(known))"
    }
}
