import Channels
import Synchronization

/// The route of a channel a `join` waits on: each worker's inlet counts what it receives, so the
/// worker can finish exactly those messages at its `task_done` (see `TaskLedger`).
struct TaskCountingRoute: MessageRoute {
    let base: any MessageRoute
    let ledger: TaskLedger

    func makeOutlet() -> any MessageOutlet { base.makeOutlet() }
    func makeInlet() -> any MessageInlet { TaskCountingInlet(base: base.makeInlet(), ledger: ledger) }
}

/// One worker's receiving end on a joined channel: its receives not yet finished.
final class TaskCountingInlet: MessageInlet {
    let base: any MessageInlet
    let ledger: TaskLedger
    /// Received by this worker and not yet finished. Only the owning worker's thread changes it.
    private let pending = Atomic<UInt64>(0)

    init(base: any MessageInlet, ledger: TaskLedger) {
        self.base = base
        self.ledger = ledger
    }

    func tryReceive() -> ReceiveResult<Message> { counted(base.tryReceive()) }
    func receive() -> ReceiveResult<Message> { counted(base.receive()) }
    func close() { base.close() }
    var selectableReceiver: Receiver<Message>? { base.selectableReceiver }
    func noteSelected() { pending.wrappingAdd(1, ordering: .relaxed) }

    /// Finishes every message received since the last call (the worker's `task_done`).
    func finishReceived() {
        ledger.finish(pending.exchange(0, ordering: .relaxed))
    }

    private func counted(_ result: ReceiveResult<Message>) -> ReceiveResult<Message> {
        if case .received = result { pending.wrappingAdd(1, ordering: .relaxed) }
        return result
    }
}
