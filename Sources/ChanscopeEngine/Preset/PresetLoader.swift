#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Yams

/// Turns preset files and YAML text into checked `Preset` values, or into every problem found.
///
/// Loading either succeeds completely or throws a `PresetError` whose lines each name the
/// file, the line and the key, because DESIGN.md promises "a bad file gets one clear message
/// naming the file, line and key, and nothing starts".
public enum PresetLoader {
    /// Reads and checks the preset file at `path`; `path` is used as given in every message.
    public static func load(path: String) throws(PresetError) -> Preset {
        let text: String
        switch readFile(path) {
        case .success(let contents): text = contents
        case .failure(let reason): throw PresetError(file: path, line: nil, path: "", message: "cannot read file: \(reason)")
        }
        return try parse(yaml: text, source: path)
    }

    /// Checks preset YAML text; `source` names it in messages (a path, or `<built-in>`).
    public static func parse(yaml: String, source: String) throws(PresetError) -> Preset {
        let root = try compose(yaml: yaml, source: source)
        var reader = PresetReader(source: source)
        let preset = reader.read(root)
        if let preset, reader.problems.isEmpty { return preset }
        throw PresetError(problems: sortedByLine(reader.problems, file: source))
    }

    // MARK: - YAML

    /// Composes the YAML into a node tree, turning syntax errors into problems.
    ///
    /// Yams refuses a mapping with two equal keys, naming only the first. To report the
    /// duplicate with its key path (and everything else in the file), the second key is
    /// renamed with `PresetReader.duplicateMarker` and the text composed again; the reader
    /// then reports each marked key as a duplicate.
    static func compose(yaml: String, source: String) throws(PresetError) -> Node? {
        var text = yaml
        var renamed = 0
        while true {
            do {
                return try Yams.compose(yaml: text)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.first ?? ""
                guard renamed < 100,
                      let next = markSecondOccurrence(of: key, after: context.mark, in: text, tag: renamed) else {
                    throw PresetError(file: source, line: context.mark.line, path: "", message: "duplicate key \"\(key)\"")
                }
                text = next
                renamed += 1
            } catch let error as YamlError {
                throw syntaxError(error, source: source)
            } catch {
                throw PresetError(file: source, line: nil, path: "", message: "invalid YAML: \(error)")
            }
        }
    }

    /// The one-line form of a Yams syntax error.
    static func syntaxError(_ error: YamlError, source: String) -> PresetError {
        func context(_ context: YamlError.Context?, _ mark: Mark) -> String {
            guard let context, !context.text.isEmpty else { return "" }
            return context.mark.line == mark.line
                ? " (\(context.text))"
                : " (\(context.text) on line \(context.mark.line))"
        }
        switch error {
        case let .scanner(ctx, problem, mark, _), let .parser(ctx, problem, mark, _), let .composer(ctx, problem, mark, _):
            return PresetError(file: source, line: mark.line, path: "", message: "invalid YAML: \(problem)\(context(ctx, mark))")
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { offset in 1 + yaml.utf8.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count }
            return PresetError(file: source, line: line, path: "", message: "invalid YAML: \(problem)")
        default:
            return PresetError(file: source, line: nil, path: "", message: "invalid YAML: \(error)")
        }
    }

    /// The text with the next occurrence of `key` after `mark` renamed to a marked key, or
    /// `nil` when it cannot be found.
    ///
    /// In block style the duplicate is the next line that starts with the key at the same
    /// column (stopping where the mapping ends); in flow style it is the next `key:` anywhere.
    static func markSecondOccurrence(of key: String, after mark: Mark, in text: String, tag: Int) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(String($0).unicodeScalars) }
        let keyScalars = Array(key.unicodeScalars)
        let firstLine = mark.line - 1
        let column = mark.column - 1
        guard !keyScalars.isEmpty, lines.indices.contains(firstLine), column <= lines[firstLine].count else { return nil }
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" }
        let lead = lines[firstLine][..<column]
        let block = lead.allSatisfy { blank($0) || $0 == "-" }

        /// The index just past the key when `line` has `key:` at `start`, else nil.
        func keyEnd(_ line: [Unicode.Scalar], at start: Int) -> Int? {
            var i = start
            var quote: Unicode.Scalar?
            if i < line.count, line[i] == "\"" || line[i] == "'" {
                quote = line[i]
                i += 1
            }
            guard i + keyScalars.count <= line.count, Array(line[i..<(i + keyScalars.count)]) == keyScalars else { return nil }
            let end = i + keyScalars.count
            var j = end
            if let quote {
                guard j < line.count, line[j] == quote else { return nil }
                j += 1
            }
            while j < line.count, blank(line[j]) { j += 1 }
            guard j < line.count, line[j] == ":" else { return nil }
            guard j + 1 == line.count || blank(line[j + 1]) || line[j + 1] == "\r" || quote != nil else { return nil }
            return end
        }

        var found: (line: Int, end: Int)?
        if block {
            for index in (firstLine + 1)..<max(firstLine + 1, lines.count) {
                let line = lines[index]
                guard let start = line.firstIndex(where: { !blank($0) && $0 != "\r" }) else { continue }
                if line[start] == "#" { continue }
                if start < column { break }
                if start == column, let end = keyEnd(line, at: start) {
                    found = (index, end)
                    break
                }
            }
        } else {
            var index = firstLine
            var from = column + 1
            search: while index < lines.count {
                let line = lines[index]
                var i = from
                while i < line.count {
                    let before = i == 0 ? " " : line[i - 1]
                    if blank(before) || before == "{" || before == ",", let end = keyEnd(line, at: i) {
                        found = (index, end)
                        break search
                    }
                    i += 1
                }
                index += 1
                from = 0
            }
        }
        guard let found else { return nil }
        let marker = Array("\(PresetReader.duplicateMarker)\(tag)".unicodeScalars)
        lines[found.line].insert(contentsOf: marker, at: found.end)
        return lines.map { line in
            var text = String.UnicodeScalarView()
            text.append(contentsOf: line)
            return String(text)
        }.joined(separator: "\n")
    }

    // MARK: - Files

    /// Problems ordered by line, keeping the order of discovery within a line.
    static func sortedByLine(_ problems: [PresetProblem], file: String) -> [PresetProblem] {
        problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    /// The file's text, or the system's reason it cannot be read (e.g. `No such file or directory`).
    static func readFile(_ path: String) -> Result<String, ReadFailure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(ReadFailure(errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(ReadFailure(reason: "not UTF-8 text"))
        }
        return .success(text)
    }

    /// Why a file could not be read, in the system's words.
    struct ReadFailure: Error, CustomStringConvertible {
        var reason: String
        init(reason: String) { self.reason = reason }
        init(_ code: Int32) { self.reason = String(cString: strerror(code)) }
        var description: String { reason }
    }
}
