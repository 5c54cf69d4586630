import CProcessSupport
import Channels
import Glibc
import Synchronization

/// The worker process: `chanscope` started again by the parent to run one group on the far side
/// of a kernel object.
///
/// It never touches the terminal (its standard streams are /dev/null) and never draws: the parent
/// stays the screen and the sampler. It dies with the parent (`PR_SET_PDEATHSIG`, and end of file
/// on the control socket), runs the same `Worker` loop as a thread would, with the channel's
/// outlet or inlet being a `KernelWriter` or `KernelReader`, and publishes its counters in the shared
/// report every few milliseconds.
public enum WorkerProcess {
    /// The variable that marks a worker process; its value is the parent's process id.
    static let variable = "CHANSCOPE_WORKER_PROCESS"
    /// Descriptors the parent hands over: the control socket and the shared report.
    static let controlFD: Int32 = 3
    static let reportFD: Int32 = 4
    /// The first descriptor number for inherited pipe ends.
    static let firstChannelFD: Int32 = 5

    /// Whether this process was started as a worker process (call first thing in `main`).
    public static var isRequested: Bool { getenv(variable) != nil }

    /// Runs the worker process and exits; never returns.
    public static func run() -> Never {
        let parent = getenv(variable).flatMap { Int32(String(cString: $0)) } ?? 0
        _ = chanscope_die_with_parent(SIGKILL)
        // The parent may have died before the line above: then nobody would send the signal.
        guard parent > 0, getppid() == parent else { _exit(3) }
        signal(SIGPIPE, SIG_IGN)
        guard let length = ControlRecord.readExactly(controlFD, 4),
              let bytes = ControlRecord.readExactly(controlFD, Int(length.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) })),
              let plan = WorkerProcessPlan.decode(bytes),
              let report = SharedWords(inheritedFD: reportFD, count: ReportLayout.words(channels: plan.channels.count))
        else { _exit(4) }
        report[ReportLayout.pid] = UInt64(getpid())
        let host = WorkerProcessHost(plan: plan, report: report)
        host.run(control: controlFD)
        exit(0)
    }
}
