/// Finds every repeated key of every mapping in one pass and renames the repeats.
///
/// Yams refuses a mapping with two equal keys and names only the first, so reporting them all
/// used to mean renaming one and composing the whole text again, up to 100 times: a 1 MB file
/// with 101 duplicates took 19 s to reject. This scan follows the text's mappings (block
/// mappings by the column of their keys, flow mappings by their braces, skipping comments,
/// quoted text and block scalars) and renames every repeat at once to `KEY<marker>N`, so the
/// text composes once and `PresetDecoder` reports each marked key as a duplicate with its path.
/// The scan is a heuristic for the YAML presets are written in; `matches(_:)` checks its work
/// against the composed tree, and the loader falls back to the unmarked text when it is wrong.
struct DuplicateKeyScan {
    /// What is appended to a repeated key; chosen so no preset would spell it.
    static let marker = "__chanscope_duplicate_key_"

    /// The text with every repeated key renamed, and how many keys were renamed.
    static func marking(_ yaml: String) -> (text: String, renamed: Int) {
        // By scalars, not characters: "\r\n" is one character, so a CRLF file would be one line.
        var lines = yaml.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        var scan = DuplicateKeyScan()
        for index in lines.indices { scan.scanLine(lines[index], index: index) }
        guard !scan.repeats.isEmpty else { return (yaml, 0) }
        for (number, place) in scan.repeats.enumerated().reversed() {
            lines[place.line].insert(contentsOf: "\(marker)\(number)".unicodeScalars, at: place.column)
        }
        let text = lines.map { line in
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: line)
            return String(scalars)
        }.joined(separator: "\n")
        return (text, scan.repeats.count)
    }

    // MARK: - State

    /// A mapping in flow style (`{ ... }`) or a flow sequence (`[ ... ]`), whose keys are not tracked.
    struct FlowFrame {
        var isMapping: Bool
        var keys: Set<String> = []
        var expectsKey = true
    }

    /// The open block mappings, innermost last, each with the column of its keys.
    var blockMappings: [(column: Int, keys: Set<String>)] = []
    /// The open flow collections, innermost last.
    var flow: [FlowFrame] = []
    /// The quote character of a quoted scalar that continues on the next line.
    var openQuote: Unicode.Scalar?
    /// While inside a block scalar (`|` or `>`): the column its lines must be indented beyond.
    var blockScalarOwner: Int?
    /// Where each repeated key ends (line, scalar column), in file order.
    var repeats: [(line: Int, column: Int)] = []

    // MARK: - Lines

    mutating func scanLine(_ line: [Unicode.Scalar], index: Int) {
        var start = 0
        if let owner = blockScalarOwner {
            guard let first = Self.firstContent(line), first <= owner else { return }
            blockScalarOwner = nil
        }
        if let quote = openQuote {
            guard let close = Self.closingQuote(quote, in: line, from: 0) else { return }
            openQuote = nil
            guard !flow.isEmpty else { return }
            start = close + 1
        }
        if !flow.isEmpty {
            scanFlow(line, from: start, index: index)
            return
        }
        guard let first = Self.firstContent(line), line[first] != "#" else { return }
        if first == 0, line.starts(with: Array("---".unicodeScalars)) || line.starts(with: Array("...".unicodeScalars)) {
            blockMappings = []
            return
        }
        blockMappings.removeAll { $0.column > first }
        var position = first
        var owner = first
        while position < line.count, line[position] == "-", position + 1 == line.count || Self.isBlank(line[position + 1]) {
            owner = position
            position = Self.skipBlanks(line, from: position + 1)
        }
        guard position < line.count else { return }
        if let key = Self.blockKey(line, at: position) {
            if let top = blockMappings.last, top.column == position {
                if !blockMappings[blockMappings.count - 1].keys.insert(key.text).inserted { repeats.append((index, key.end)) }
            } else {
                blockMappings.append((position, [key.text]))
            }
            scanValue(line, from: key.next, owner: position, index: index)
        } else {
            scanValue(line, from: position, owner: owner, index: index)
        }
    }

    /// The value after a block key or a sequence dash: a flow collection, a block scalar, or text.
    mutating func scanValue(_ line: [Unicode.Scalar], from start: Int, owner: Int, index: Int) {
        var position = Self.skipBlanks(line, from: start)
        while position < line.count, line[position] == "&" || line[position] == "!" {
            while position < line.count, !Self.isBlank(line[position]) { position += 1 }
            position = Self.skipBlanks(line, from: position)
        }
        guard position < line.count else { return }
        switch line[position] {
        case "{", "[": scanFlow(line, from: position, index: index)
        case "|", ">": blockScalarOwner = owner
        case "\"", "'":
            if Self.closingQuote(line[position], in: line, from: position + 1) == nil { openQuote = line[position] }
        default: break
        }
    }

    /// Flow collections from `start` to the end of the line or of the outermost collection.
    mutating func scanFlow(_ line: [Unicode.Scalar], from start: Int, index: Int) {
        var position = start
        while position < line.count {
            let character = line[position]
            if Self.isBlank(character) {
                position += 1
                continue
            }
            if character == "#", position == 0 || Self.isBlank(line[position - 1]) { return }
            switch character {
            case "{", "[":
                flow.append(FlowFrame(isMapping: character == "{"))
                position += 1
                continue
            case "}", "]":
                if !flow.isEmpty { flow.removeLast() }
                if flow.isEmpty { return }
                position += 1
                continue
            case ",":
                if !flow.isEmpty { flow[flow.count - 1].expectsKey = true }
                position += 1
                continue
            default: break
            }
            if let frame = flow.last, frame.isMapping, frame.expectsKey {
                flow[flow.count - 1].expectsKey = false
                if let key = Self.flowKey(line, at: position) {
                    if !flow[flow.count - 1].keys.insert(key.text).inserted { repeats.append((index, key.end)) }
                    position = key.next
                    continue
                }
            }
            if character == "\"" || character == "'" {
                guard let close = Self.closingQuote(character, in: line, from: position + 1) else {
                    openQuote = character
                    return
                }
                position = close + 1
                continue
            }
            position = Self.plainEnd(line, from: position, inFlow: true)
            if position < line.count, line[position] == ":" { position += 1 }
        }
    }
}
