/// One lesson preset compiled into the binary: its name and the YAML text of its file.
///
/// The lessons must work from any directory and from a copied binary with no files beside it,
/// so their text lives in the program (`BuiltInPreset+Lessons.swift`, generated from
/// `presets/*.yaml`) and is read by the same loader as a file; only the source in messages
/// (`<built-in>/NAME.yaml`) tells them apart.
public struct BuiltInPreset: Sendable, Equatable {
    /// What `chanscope run NAME` takes: the file name without `.yaml`.
    public let name: String
    /// The file's text, byte for byte.
    public let yaml: String

    public init(name: String, yaml: String) {
        self.name = name
        self.yaml = yaml
    }

    /// The start of a pseudo-path naming a built-in preset, e.g. `builtin:realtime`: what a
    /// listing's `path` holds so that `PresetLibrary.load(path:)` can load either kind.
    public static let pathPrefix = "builtin:"

    /// The pseudo-path `PresetLibrary.load(path:)` reads this preset from.
    public var path: String { Self.pathPrefix + name }

    /// The source messages name, as if it were a file: `<built-in>/realtime.yaml`.
    public var source: String { "<built-in>/\(name).yaml" }

    /// The preset, read by the file loader from the compiled-in text.
    public func load() throws(PresetError) -> Preset {
        try PresetLoader.parse(yaml: yaml, source: source)
    }

    /// The built-in name a pseudo-path means (`builtin:realtime` -> `realtime`), or `nil` for
    /// a file path.
    public static func name(inPath path: String) -> String? {
        path.hasPrefix(pathPrefix) ? String(path.dropFirst(pathPrefix.count)) : nil
    }
}
