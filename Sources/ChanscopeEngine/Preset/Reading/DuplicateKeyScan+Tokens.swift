extension DuplicateKeyScan {
    /// A key found in the text: its text, where a marker goes (just past its last character,
    /// inside the quotes of a quoted key), and where its value starts.
    struct Key {
        var text: String
        var end: Int
        var next: Int
    }

    /// The block key at `start` (`key:` followed by a blank or the end of the line), if any.
    static func blockKey(_ line: [Unicode.Scalar], at start: Int) -> Key? {
        if let quoted = quotedKey(line, at: start) {
            return quoted.colonFollowedByBlank(in: line) ? quoted : nil
        }
        let indicators: Set<Unicode.Scalar> = ["[", "]", "{", "}", ",", "#", "&", "*", "!", "|", ">", "%", "@", "`", "?", ":"]
        guard !indicators.contains(line[start]) else { return nil }
        let end = plainEnd(line, from: start, inFlow: false)
        guard end < line.count, line[end] == ":" else { return nil }
        return plainKey(line, from: start, to: end)
    }

    /// The flow key at `start` (`key:` inside braces), if any.
    static func flowKey(_ line: [Unicode.Scalar], at start: Int) -> Key? {
        if let quoted = quotedKey(line, at: start) { return quoted }
        let end = plainEnd(line, from: start, inFlow: true)
        guard end < line.count, line[end] == ":" else { return nil }
        return plainKey(line, from: start, to: end)
    }

    /// A quoted key at `start` followed by `:`, if any; `next` is just past the colon.
    static func quotedKey(_ line: [Unicode.Scalar], at start: Int) -> Key? {
        guard line[start] == "\"" || line[start] == "'",
              let close = closingQuote(line[start], in: line, from: start + 1) else { return nil }
        let colon = skipBlanks(line, from: close + 1)
        guard colon < line.count, line[colon] == ":" else { return nil }
        return Key(text: text(line[(start + 1)..<close]), end: close, next: colon + 1)
    }

    /// The plain key `line[start..<colon]` with trailing blanks dropped; nil when empty.
    static func plainKey(_ line: [Unicode.Scalar], from start: Int, to colon: Int) -> Key? {
        var end = colon
        while end > start, isBlank(line[end - 1]) { end -= 1 }
        guard end > start else { return nil }
        return Key(text: text(line[start..<end]), end: end, next: colon + 1)
    }

    /// Where a plain scalar from `start` ends: at `: ` (or `:` at the end), at ` #`, at the end
    /// of the line, and in flow style also at `,[]{}` and at a `:` before one of them.
    static func plainEnd(_ line: [Unicode.Scalar], from start: Int, inFlow: Bool) -> Int {
        let flowIndicators: Set<Unicode.Scalar> = [",", "[", "]", "{", "}"]
        var position = start
        while position < line.count {
            let character = line[position]
            if inFlow, flowIndicators.contains(character), position > start { return position }
            if character == ":" {
                let after = position + 1
                if after == line.count || isBlank(line[after]) || (inFlow && flowIndicators.contains(line[after])) {
                    return position
                }
            }
            if character == "#", position > start, isBlank(line[position - 1]) { return position }
            position += 1
        }
        return position
    }

    /// The index of the quote closing a scalar opened by `quote`, searching from `start`.
    static func closingQuote(_ quote: Unicode.Scalar, in line: [Unicode.Scalar], from start: Int) -> Int? {
        var position = start
        while position < line.count {
            if quote == "\"", line[position] == "\\" {
                position += 2
                continue
            }
            if line[position] == quote {
                if quote == "'", position + 1 < line.count, line[position + 1] == "'" {
                    position += 2
                    continue
                }
                return position
            }
            position += 1
        }
        return nil
    }

    static func firstContent(_ line: [Unicode.Scalar]) -> Int? {
        line.firstIndex { !isBlank($0) }
    }

    static func skipBlanks(_ line: [Unicode.Scalar], from start: Int) -> Int {
        var position = start
        while position < line.count, isBlank(line[position]) { position += 1 }
        return position
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r"
    }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

extension DuplicateKeyScan.Key {
    /// Whether the colon after this key is followed by a blank or the end of the line, as a
    /// block key's must be.
    func colonFollowedByBlank(in line: [Unicode.Scalar]) -> Bool {
        next == line.count || DuplicateKeyScan.isBlank(line[next])
    }
}
