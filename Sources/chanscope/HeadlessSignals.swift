import ChanscopeEngine
import Foundation
import Glibc
import Synchronization

/// The quit signals of a headless run (SIGINT, SIGTERM, SIGHUP): blocked in every thread and
/// taken by one thread with `sigwait`, which asks the run to stop, so it ends as at the end of its
/// duration: workers and worker processes stopped, the run's folder and queues removed, the
/// summary printed; then the exit status says which signal it was (130, 143, 129).
///
/// WHY `sigwait` rather than a handler: a handler may do almost nothing; a thread that waits for
/// the signal may do anything, and the threads started after the mask is set inherit it.
final class HeadlessSignals: Sendable {
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let received = Atomic<Int32>(0)

    /// Blocks the quit signals (call before any other thread starts) and waits for one on a
    /// thread of its own, which then requests `stop`.
    init(stopping stop: HeadlessStop) {
        var set = Self.signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let thread = Thread { [self] in
            var waited = Self.signalSet()
            var signal: Int32 = 0
            guard sigwait(&waited, &signal) == 0 else { return }
            self.received.store(signal, ordering: .releasing)
            stop.request()
        }
        thread.name = "quit-signals"
        thread.start()
    }

    /// The signal that ended the run, if one did.
    var receivedSignal: Int32? {
        let signal = received.load(ordering: .acquiring)
        return signal == 0 ? nil : signal
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in quitSignals { sigaddset(&set, signal) }
        return set
    }
}
