/// One thing wrong with a preset, located well enough to fix it without guessing.
///
/// It prints as one line, `FILE:LINE: KEY.PATH: message`, the shape compilers use, so
/// editors and terminals can jump to it. Parts that are unknown are left out: a file that
/// cannot be read has no line, and a YAML syntax error has no key path. The fields keep the
/// file's text as it is; the one-line form is `terminalSafe`, because names and keys quoted
/// from a file could otherwise carry escape sequences to the terminal.
public struct PresetProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file path as the user gave it, `<built-in>`, `--set` for command-line overrides, or
    /// empty when no file is involved (an unknown preset name).
    public var file: String
    /// The 1-based line of the offending node, or `nil` when there is none.
    public var line: Int?
    /// The dotted key path, e.g. `workers.consumer.loop[0]`; empty when there is none.
    public var path: String
    /// What is wrong, and where it helps, what would be right.
    public var message: String

    public init(file: String, line: Int?, path: String, message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// The one-line form, `FILE:LINE: KEY.PATH: message`, with control characters escaped.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        var parts = location.isEmpty ? [] : [location]
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ").terminalSafe
    }
}
