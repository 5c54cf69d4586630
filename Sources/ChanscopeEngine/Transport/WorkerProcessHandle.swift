import Channels
import Glibc
import Synchronization

/// The parent's hold on one worker process: its pid, the control socket, the shared report, and
/// a thread that waits for it to end, so it never stays a zombie.
final class WorkerProcessHandle: @unchecked Sendable {
    /// How the process ended, once it has.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)

        /// `exited with status 0`, `killed by SIGKILL`.
        var text: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signalled(let signal): "killed by \(Self.name(of: signal))"
            }
        }

        static func name(of signal: Int32) -> String {
            switch signal {
            case SIGKILL: "SIGKILL"
            case SIGTERM: "SIGTERM"
            case SIGINT: "SIGINT"
            case SIGHUP: "SIGHUP"
            case SIGPIPE: "SIGPIPE"
            case SIGSEGV: "SIGSEGV"
            case SIGABRT: "SIGABRT"
            default: "signal \(signal)"
            }
        }
    }

    let pid: pid_t
    let groupIndex: Int
    let report: SharedWords
    private let controlFD: Int32
    /// Serializes the records on the control socket, counting them (not a `Locked<Void>`: the
    /// sanitizer misreads an access to an empty value as a race).
    private let sendLock = Locked<UInt64>(0)
    private let state = Locked<(ending: Ending?, endedAt: UInt64, announced: Bool)>((nil, 0, false))
    private var watcher: JoinableThread?

    init(pid: pid_t, groupIndex: Int, report: SharedWords, controlFD: Int32) {
        self.pid = pid
        self.groupIndex = groupIndex
        self.report = report
        self.controlFD = controlFD
        watcher = JoinableThread(name: "reap-\(pid)") { [self] in reap() }
    }

    deinit { close(controlFD) }

    /// Waits for the end without reaping (`WNOWAIT`), then reaps under the lock `signal` takes,
    /// so a signal never goes to a pid the system has already given to another process.
    private func reap() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 {
            guard errno == EINTR else { return }
        }
        state.withLock { s in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            // WIFSIGNALED / WTERMSIG / WEXITSTATUS are macros Swift cannot import.
            let signal = status & 0x7F
            s.ending = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
            s.endedAt = MonotonicClock.now()
        }
    }

    /// Sends one instruction; false if the process is gone.
    @discardableResult
    func send(_ record: ControlRecord) -> Bool {
        sendLock.withLock { sent in
            sent &+= 1
            return ControlRecord.writeAll(controlFD, record.bytes())
        }
    }

    /// Sends the plan: its length, then its JSON.
    func send(plan: WorkerProcessPlan) -> Bool {
        let bytes = plan.encoded()
        var length = [UInt8](repeating: 0, count: 4)
        length.withUnsafeMutableBytes { $0.storeBytes(of: UInt32(bytes.count).littleEndian, as: UInt32.self) }
        return sendLock.withLock { sent in
            sent &+= 1
            return ControlRecord.writeAll(controlFD, length + bytes)
        }
    }

    /// How it ended, and when (monotonic nanoseconds); nil while it runs.
    var ending: (Ending, UInt64)? {
        state.withLock { s in s.ending.map { ($0, s.endedAt) } }
    }

    var isRunning: Bool { ending == nil }

    /// The ending once, for the event log: nil before it ended and after it was taken.
    func takeEndingNotice() -> Ending? {
        state.withLock { s in
            guard let ending = s.ending, !s.announced else { return nil }
            s.announced = true
            return ending
        }
    }

    /// Sends `signal` if the process still runs; false if it had already ended.
    @discardableResult
    func signal(_ signal: Int32) -> Bool {
        // The reaper sets the ending only after waitpid, so until then the pid is still ours
        // (a zombie at worst) and cannot name another process.
        state.withLock { s in s.ending == nil && kill(pid, signal) == 0 }
    }

    /// Waits until the process has ended on its own and been reaped (the bench, which must not
    /// wake every few milliseconds beside the processes it measures). Call from one thread.
    func waitUntilEnded() { watcher?.join() }

    /// Kills the process and waits until it is reaped.
    func terminate() {
        signal(SIGKILL)
        watcher?.join()
        watcher = nil
    }
}
