import Channels
import Glibc

/// Starts worker processes from one thread that lives as long as the program.
///
/// WHY one long-lived thread: `PR_SET_PDEATHSIG` fires when the *thread* that created the child
/// ends, not the process. Spawning from whichever thread restarted the experiment would kill the
/// workers when that thread went away; spawning from this one ties them to the program's life.
final class ProcessSpawner: @unchecked Sendable {
    /// One process to start: the descriptors it gets (source in this process, number in the
    /// child) and the process group it joins (0: a new one).
    struct Request {
        var descriptors: [(source: Int32, target: Int32)]
        var processGroup: pid_t
    }

    static let shared = ProcessSpawner()

    private let lock = WaitCondition()
    private var pending: Request?
    private var answer: Result<pid_t, SpawnError>?
    private var thread: JoinableThread?

    struct SpawnError: Error, Equatable {
        var code: Int32
        var text: String { String(cString: strerror(code)) }
    }

    private init() {}

    /// Starts the worker executable with `request`'s descriptors; its pid, or the error.
    func spawn(_ request: Request) -> Result<pid_t, SpawnError> {
        lock.withLock {
            if thread == nil { thread = JoinableThread(name: "spawner") { [self] in serve() } }
            while pending != nil || answer != nil { lock.wait(until: nil) }
            pending = request
            lock.broadcast()
            while answer == nil { lock.wait(until: nil) }
            let result = answer!
            answer = nil
            lock.broadcast()
            return result
        }
    }

    private func serve() {
        while true {
            let request: Request = lock.withLock {
                while pending == nil { lock.wait(until: nil) }
                return pending!
            }
            let result = Self.launch(request)
            lock.withLock {
                pending = nil
                answer = result
                lock.broadcast()
            }
        }
    }

    /// The program worker processes run: `CHANSCOPE_WORKER_EXECUTABLE` if set (tests point it
    /// at the built `chanscope`), else this program.
    static var executable: String? {
        if let path = getenv("CHANSCOPE_WORKER_EXECUTABLE") { return String(cString: path) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Spawn attributes with no signal blocked and the quit signals (and `SIGPIPE`, `SIGCHLD`) at
    /// their defaults, whatever this process set: an ignored signal stays ignored across `exec`.
    /// With a process group: join it (0: a new one). Destroy them after use.
    static func cleanSignals(processGroup: pid_t? = nil) -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var none = sigset_t()
        sigemptyset(&none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if let processGroup {
            posix_spawnattr_setpgroup(&attributes, processGroup)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        return attributes
    }

    /// `posix_spawn` with the descriptors moved into place, standard streams on /dev/null, the
    /// quit signals at their defaults and nothing blocked.
    private static func launch(_ request: Request) -> Result<pid_t, SpawnError> {
        guard let path = executable else { return .failure(SpawnError(code: ENOENT)) }
        // Above every target first, so moving one never overwrites another's source.
        let high = request.descriptors.map { fcntl($0.source, F_DUPFD_CLOEXEC, 100) }
        defer { for fd in high where fd >= 0 { close(fd) } }
        guard !high.contains(where: { $0 < 0 }) else { return .failure(SpawnError(code: errno)) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        for (fd, pair) in zip(high, request.descriptors) { posix_spawn_file_actions_adddup2(&actions, fd, pair.target) }
        var attributes = cleanSignals(processGroup: request.processGroup)
        defer { posix_spawnattr_destroy(&attributes) }
        var environment = ["\(WorkerProcess.variable)=\(getpid())"]
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            if !text.hasPrefix(WorkerProcess.variable + "=") { environment.append(text) }
            index += 1
        }
        if !environment.contains(where: { $0.hasPrefix("SWIFT_BACKTRACE=") }) { environment.append("SWIFT_BACKTRACE=enable=no") }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), strdup("worker-process"), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        return status == 0 ? .success(pid) : .failure(SpawnError(code: status))
    }
}
