/// One preset file found by `PresetLibrary.listAll`, for `chanscope presets`.
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
    /// The file's path.
    public var path: String
    /// Why the file does not load, or `nil` when it does.
    public var error: PresetError?

    public init(name: String, title: String?, summary: String?, path: String, error: PresetError?) {
        self.name = name
        self.title = title
        self.summary = summary
        self.path = path
        self.error = error
    }

    /// The line a listing prints: the summary, or the file's first error line.
    public var line: String {
        if let summary { return summary }
        return error?.problems.first?.description ?? ""
    }
}
