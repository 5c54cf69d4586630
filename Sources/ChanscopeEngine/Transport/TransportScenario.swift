/// A cross-process scenario of the peer benchmark, `ipc-<transport>-<bytes>[-batched]`, as
/// `chanscope bench --json` runs it: through chanscope's own worker processes, or skipped.
public enum TransportScenario: Equatable, Sendable {
    /// One writer process sends the messages over the transport, one reader process takes them.
    case run(Transport, messageBytes: Int)
    /// A scenario of the suite that chanscope does not run, and why (the contract's `skip`).
    case skip(String)

    /// The suite's transport names and the transport each is here; a name not in the table is
    /// skipped. Adding a transport to the bench is adding its line.
    public static let transports: [String: Transport] = [
        "pipe": .pipe,
        "fifo": .fifo,
        "unix-stream": .unixStream,
        "unix-dgram": .unixDatagram,
        "mqueue": .mqueue,
    ]

    static let prefix = "ipc-"
    static let batched = "-batched"

    /// Whether `name` is one of the suite's cross-process scenarios (any `ipc-` name: those this
    /// table does not know are answered with a skip rather than refused).
    public static func isTransportScenario(_ name: String) -> Bool { name.hasPrefix(prefix) }

    /// The scenario `name` stands for; nil for a name that is not an `ipc-` one.
    public init?(name: String) {
        guard Self.isTransportScenario(name) else { return nil }
        var rest = name.dropFirst(Self.prefix.count)
        if rest.hasSuffix(Self.batched) {
            self = .skip("chanscope's worker moves one message a system call; batched sends are not a channel setting")
            return
        }
        guard let dash = rest.lastIndex(of: "-"), let bytes = Int(rest[rest.index(after: dash)...]) else {
            self = .skip("not an ipc-<transport>-<bytes> scenario")
            return
        }
        rest = rest[..<dash]
        guard let transport = Self.transports[String(rest)] else {
            self = .skip("chanscope has no \(rest) transport")
            return
        }
        guard PresetLimits.messageBytes.contains(bytes), transport != .mqueue || bytes <= SystemLimits.queueMessageSizeMax else {
            self = .skip("a channel's message_bytes is \(PresetLimits.messageBytes.lowerBound)...\(PresetLimits.messageBytes.upperBound)")
            return
        }
        self = .run(transport, messageBytes: bytes)
    }
}
