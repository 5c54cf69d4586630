import Yams

extension PresetDecoder {
    /// The node as text, or `nil` with a problem when it is not a scalar or is empty.
    mutating func text(_ node: Node, _ path: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            shape(node, path, PresetWording.expected("text", found: describe(node)))
            return nil
        }
        if node.null != nil {
            if allowEmpty { return "" }
            shape(node, path, PresetWording.expected("text", found: describe(node)))
            return nil
        }
        if !allowEmpty && scalar.string.allSatisfy(\.isWhitespace) {
            shape(node, path, PresetWording.expected("text", found: "an empty string"))
            return nil
        }
        return scalar.string
    }

    /// The node as a finite number, or `nil` with a problem.
    mutating func number(_ node: Node, _ path: String) -> Double? {
        guard case .scalar = node, node.null == nil, let value = node.float, value.isFinite else {
            shape(node, path, PresetWording.expected("a number", found: describe(node)))
            return nil
        }
        return value
    }

    /// The node as `true` or `false`, or `nil` with a problem.
    mutating func bool(_ node: Node, _ path: String) -> Bool? {
        if case .scalar = node, node.null == nil, let value = node.bool { return value }
        shape(node, path, PresetWording.expected("true or false", found: describe(node)))
        return nil
    }

    /// The node as a whole number, or `nil` with a problem.
    mutating func wholeNumber(_ node: Node, _ path: String) -> Int? {
        if case .scalar = node, node.null == nil {
            if let value = node.int { return value }
            if let value = node.float, let whole = Int(exactly: value) { return whole }
        }
        shape(node, path, PresetWording.expected("a whole number", found: describe(node)))
        return nil
    }

    /// How a node reads in a message: a scalar quoted, anything else by its shape.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            node.null != nil ? "nothing" : "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
