import Yams

extension DuplicateKeyScan {
    /// Whether the composed tree holds exactly the `renamed` marked keys the scan made, each
    /// after a key of the same name in the same mapping, and no marker anywhere else.
    ///
    /// The scan reads YAML by its layout, not by its grammar; when it misreads something (a
    /// marker inside a block scalar, a key taken for a sibling of one in another mapping), this
    /// check fails and the loader composes the unmarked text instead, so a misreading can never
    /// change what a preset says.
    static func matches(_ root: Node?, renamed: Int) -> Bool {
        var valid = 0
        var seen = 0
        func visit(_ node: Node) {
            switch node {
            case .scalar(let scalar):
                if scalar.string.contains(marker) { seen += 1 }
            case .mapping(let mapping):
                var earlier: Set<String> = []
                for (key, value) in mapping {
                    if let text = key.scalar?.string, let range = text.range(of: marker),
                       earlier.contains(String(text[..<range.lowerBound])) {
                        valid += 1
                    }
                    if let text = key.scalar?.string { earlier.insert(text) }
                    visit(key)
                    visit(value)
                }
            case .sequence(let sequence):
                sequence.forEach(visit)
            case .alias:
                break
            }
        }
        if let root { visit(root) }
        return valid == renamed && seen == renamed
    }
}
