/// What the app loop runs commands against: the engine, the sampler and the recorder, or a
/// stand-in in tests.
///
/// WHY a protocol: the loop and `update` never touch the engine directly, so a test can drive
/// key -> command -> answer -> screen with an in-memory backend and a real or scripted session.
public protocol SessionControl: AnyObject {
    /// Carries out a command; the answers become messages to `update`, in order.
    func run(_ command: Command) -> [AppMessage]
    /// Messages that arrived since the last call without a command: snapshots, recording rows
    /// and failures. Never blocks.
    func takeMessages() -> [AppMessage]
    /// Stops sampling, recording and every worker (waits for them).
    func shutdown()
}
