import Channels

/// A route whose ends are kernel objects this process already holds (in a worker process), or
/// ends that are elsewhere (in the parent, whose mirror workers never run).
struct KernelEndRoute: MessageRoute {
    let outlet: (any MessageOutlet)?
    let inlet: (any MessageInlet)?

    func makeOutlet() -> any MessageOutlet { outlet ?? ElsewhereEnd() }
    func makeInlet() -> any MessageInlet { inlet ?? ElsewhereEnd() }
}

/// The end of a kernel channel that lives in another process: the parent's mirror of a worker
/// process's worker holds these, and never runs its loop, so nothing reaches them but `close`.
final class ElsewhereEnd: MessageOutlet, MessageInlet {
    func trySend(_ message: Message) -> SendResult<Message> { .cancelled(message) }
    func send(_ message: Message) -> SendResult<Message> { .cancelled(message) }
    func tryReceive() -> ReceiveResult<Message> { .cancelled }
    func receive() -> ReceiveResult<Message> { .cancelled }
    func close() {}
}
