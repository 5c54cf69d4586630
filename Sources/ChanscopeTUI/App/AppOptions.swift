import ChanscopeEngine

/// How the screen session starts: sampling rate, jitter seed, glyphs, recording.
public struct AppOptions: Sendable, Equatable {
    public var sampleHz: Double
    public var seed: UInt64
    /// Draw with ASCII only even on a UTF-8 terminal.
    public var forceASCII: Bool
    /// Start recording at once to this file (otherwise `s` starts an auto-named one).
    public var recordPath: String?
    /// Extra folder for the preset list.
    public var presetsDir: String?
    /// Where `s` creates its auto-named recordings; nil = the working directory.
    public var recordingDirectory: String?
    /// Start with the workers held, the first frame on screen; space starts them.
    public var startPaused: Bool
    /// Where the memory guard holds a growing channel's producers.
    public var memoryLimit: MemoryLimit

    public init(sampleHz: Double = 10, seed: UInt64 = 0x5EED, forceASCII: Bool = false, recordPath: String? = nil, presetsDir: String? = nil,
        recordingDirectory: String? = nil, startPaused: Bool = false, memoryLimit: MemoryLimit = .machineDefault
    ) {
        self.sampleHz = sampleHz
        self.seed = seed
        self.forceASCII = forceASCII
        self.recordPath = recordPath
        self.presetsDir = presetsDir
        self.recordingDirectory = recordingDirectory
        self.startPaused = startPaused
        self.memoryLimit = memoryLimit
    }
}
