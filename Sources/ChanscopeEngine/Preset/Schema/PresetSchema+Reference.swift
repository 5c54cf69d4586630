extension PresetSchema {
    /// The key and step reference the README's "Preset format" section shows, printed from the
    /// declarations.
    ///
    /// The project asks that the README's format section come from the schema, so that the
    /// documentation cannot drift from what the loader accepts: a test checks that the README
    /// contains this text exactly, and prints it when it does not.
    static var reference: String {
        var lines = ["| in | key | takes | required | for |", "|---|---|---|---|---|"]
        func rows<Target>(_ place: String, _ fields: [FieldDeclaration<Target>]) {
            for field in fields {
                lines.append("| \(place) | `\(field.key)` | \(field.takes) | \(field.required ? field.excusedBy.map { "yes, unless `\($0)`" } ?? "yes" : "") | \(field.summary) |")
            }
        }
        rows("file", topLevel)
        rows("channel", channelFields)
        rows("link", linkFields)
        rows("protocol", protocolFields)
        rows("knob", knobFields)
        rows("group", groupFields)
        lines += ["", "| step | written | does |", "|---|---|---|"]
        for step in steps {
            let options = step.options.map { option in
                let takes = option.names.isEmpty
                    ? "\(PresetWording.number(option.range.lowerBound))-\(PresetWording.number(option.range.upperBound))"
                    : option.names.joined(separator: ", ")
                return "; `\(option.key)` (\(takes)): \(option.summary)"
            }.joined()
            lines.append("| `\(step.keyword)` | `\(step.form)` | \(step.summary)\(options) |")
        }
        return lines.joined(separator: "\n")
    }
}
