import ChanscopeEngine

/// The screen session (work in progress on this commit).
public enum App {
    public struct NotReady: Error, CustomStringConvertible {
        public var description: String { "the screen is not built yet; use --headless" }
    }
    public static func run(preset: Preset, options: AppOptions) throws {
        throw NotReady()
    }
}
