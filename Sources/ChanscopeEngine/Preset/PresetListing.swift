/// One preset found by `PresetLibrary.listAll`, for `chanscope presets` and the `p` list.
///
/// A broken file is listed too, with its error, because a listing that hides a file the user
/// just wrote would leave them guessing why `run` cannot find it.
public struct PresetListing: Sendable, Equatable {
    /// The file name without `.yaml`: what `chanscope run NAME` takes.
    public var name: String
    /// The preset's own `name`, or `nil` when the file does not load.
    public var title: String?
    /// The preset's one-line summary, or `nil` when the file does not load.
    public var summary: String?
    /// What `PresetLibrary.load(path:)` takes: the file's path, or `builtin:NAME`.
    public var path: String
    /// Why the file does not load, or `nil` when it does.
    public var error: PresetError?
    /// The folder the file is in, shown as paths in messages are, or `nil` for a preset built
    /// into the program: where the preset comes from.
    public var folder: String?

    public init(name: String, title: String?, summary: String?, path: String, error: PresetError?, folder: String? = nil) {
        self.name = name
        self.title = title
        self.summary = summary
        self.path = path
        self.error = error
        self.folder = folder
    }

    /// Whether the preset is one built into the program rather than a file.
    public var isBuiltIn: Bool { BuiltInPreset.name(inPath: path) != nil }

    /// The line a listing prints: the summary, or the file's first error line.
    public var line: String {
        if let summary { return summary }
        return error?.problems.first?.description ?? ""
    }
}
