import Yams

/// Decodes a composed YAML tree into a `PresetDraft` by the declarations of `PresetSchema`.
///
/// It checks shape only: mappings, lists, text and numbers where the schema says, no unknown or
/// repeated keys, required keys present, steps well formed. What the values mean (does the
/// channel exist, is min below max) is `PresetLint`'s part; numbers are checked against
/// `PresetLimits` as they are decoded, since that is where they enter. The tree is walked by
/// hand rather than through `Decodable` so each message names the line and key path in words a
/// preset author knows, and decoding goes on after a problem so one run reports everything.
struct PresetDecoder {
    var findings: PresetFindings
    /// Every channel or knob name used so far, in file order.
    var uses: [PresetDraft.NameUse] = []
    /// See `PresetDraft.feedersKnown`.
    var feedersKnown = true

    init(source: String) {
        findings = PresetFindings(file: source)
    }

    /// The draft of the whole file, or `nil` when it is not a mapping at all.
    mutating func decode(_ root: Node?) -> PresetDraft? {
        let required = PresetSchema.requiredTopLevelKeys
        guard let root, root.null == nil else {
            findings.add(.shape, at: PresetLocation(line: 1, path: ""), PresetWording.emptyFile(required: required))
            return nil
        }
        guard case .mapping = root else {
            shape(root, "", PresetWording.notAPreset(required: required, found: describe(root)))
            return nil
        }
        var draft = PresetDraft()
        _ = fields(of: root, path: "", into: &draft, PresetSchema.topLevel)
        draft.uses = uses
        draft.feedersKnown = feedersKnown
        return draft
    }

    // MARK: - Mappings by declaration

    /// Decodes a mapping's keys into `target` by `declarations`: unknown and repeated keys are
    /// reported and skipped, missing required keys reported, and each present key decoded in
    /// the order of the declarations. Returns where each decoded value is, and whether every
    /// required key was there and every value decoded.
    mutating func fields<Target>(
        of node: Node, path: String, into target: inout Target, _ declarations: [FieldDeclaration<Target>]
    ) -> (locations: [String: PresetLocation], complete: Bool) {
        var present: [String: Field] = [:]
        for field in orderedFields(of: node, path: path, allowed: declarations.map(\.key)) where present[field.key] == nil {
            present[field.key] = field
        }
        var complete = true
        for declaration in declarations where declaration.required && present[declaration.key] == nil
            && declaration.excusedBy.map({ present[$0] == nil }) ?? true
        {
            shape(node, Self.join(path, declaration.key), PresetWording.missingKey(hint: declaration.missingHint))
            complete = false
        }
        var locations: [String: PresetLocation] = [:]
        for declaration in declarations {
            guard let field = present[declaration.key] else { continue }
            let fieldPath = Self.join(path, declaration.key)
            locations[declaration.key] = PresetLocation(field.value, path: fieldPath)
            if !declaration.decode(&target, field.value, fieldPath, &self) { complete = false }
        }
        return (locations, complete)
    }

    /// Decodes a section of named entries by its declaration.
    mutating func section<Spec>(_ node: Node, key: String, _ declaration: SectionDeclaration<Spec>) -> PresetDraft.Section<Spec> {
        var section = PresetDraft.Section<Spec>()
        if node.null != nil {
            if let needsOne = declaration.needsOne {
                shape(node, key, PresetWording.needsOne(needsOne.noun, example: needsOne.example))
                section.complete = false
            }
            return section
        }
        guard case .mapping = node else {
            shape(node, key, PresetWording.expectedSection(declaration.noun, sketch: declaration.sketch, found: describe(node)))
            section.complete = false
            return section
        }
        let entries = orderedFields(of: node, path: key, allowed: nil)
        if entries.isEmpty, let needsOne = declaration.needsOne {
            shape(node, key, PresetWording.needsOne(needsOne.noun, example: needsOne.example))
        }
        for entry in entries {
            let path = "\(key).\(entry.key)"
            section.names.append(entry.key)
            guard case .mapping = entry.value else {
                shape(entry.value, path, PresetWording.expectedMapping(like: declaration.example, found: describe(entry.value)))
                section.malformed += 1
                continue
            }
            var spec = declaration.start(entry.key)
            let decoded = fields(of: entry.value, path: path, into: &spec, declaration.fields)
            section.entries.append(PresetDraft.Entry(
                name: entry.key, spec: spec, location: PresetLocation(entry.value, path: path),
                keyLocation: PresetLocation(entry.keyNode, path: path), fields: decoded.locations, complete: decoded.complete))
        }
        return section
    }

    // MARK: - Mappings

    /// One key and value of a mapping, with the key's node for its line.
    struct Field {
        var key: String
        var keyNode: Node
        var value: Node
    }

    /// The mapping's fields in file order, with repeated and (when `allowed` is given) unknown
    /// keys reported and left out. A repeated key arrives renamed by `DuplicateKeyScan`.
    mutating func orderedFields(of node: Node, path: String, allowed: [String]?) -> [Field] {
        guard case .mapping(let mapping) = node else { return [] }
        var result: [Field] = []
        var firstLines: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                shape(keyNode, path, PresetWording.keyNotPlain(found: describe(keyNode)))
                continue
            }
            var key = scalar.string
            if let marker = key.range(of: DuplicateKeyScan.marker) {
                key = String(key[..<marker.lowerBound])
                shape(keyNode, Self.join(path, key), PresetWording.duplicateKey(key, firstLine: firstLines[key]))
                continue
            }
            if let allowed, !allowed.contains(key) {
                shape(keyNode, Self.join(path, key), PresetWording.unknownKey(key, known: allowed))
                continue
            }
            if firstLines[key] == nil { firstLines[key] = keyNode.mark?.line }
            result.append(Field(key: key, keyNode: keyNode, value: value))
        }
        return result
    }

    /// `parent.key`, or `key` at the top level.
    static func join(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    // MARK: - Reporting

    /// A problem with the file's shape at `node`.
    mutating func shape(_ node: Node?, _ path: String, _ message: String) {
        findings.add(.shape, at: PresetLocation(node, path: path), message)
    }

    /// A problem with a value's meaning at `node`, e.g. a number out of range.
    mutating func meaning(_ node: Node?, _ path: String, _ message: String) {
        findings.add(.meaning, at: PresetLocation(node, path: path), message)
    }

    /// Records a channel or knob name for the lints to check.
    mutating func use(_ name: String, _ role: NameRole, at node: Node, path: String) {
        uses.append(PresetDraft.NameUse(name: name, role: role, location: PresetLocation(node, path: path)))
    }
}
