#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain OS thread that runs one closure and can be joined.
///
/// The experiment's workers and the benchmark need real threads that block in the kernel (that is
/// the lesson), not tasks on a cooperative pool that must never block. Foundation's `Thread`
/// cannot be joined, so this wraps `pthread_create`/`pthread_join` directly.
public final class JoinableThread: @unchecked Sendable {
    private var thread: pthread_t?
    private var joined = false

    /// Starts `body` on a new thread at once.
    public init(name: String? = nil, _ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(ThreadBody(name: name, body: body))
        #if canImport(Glibc)
        var handle = pthread_t()
        #else
        var handle: pthread_t?
        #endif
        let status = pthread_create(&handle, nil, { raw in
            let box = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box.toOpaque())
        precondition(status == 0, "pthread_create failed: \(status)")
        thread = handle
    }

    /// A thread nobody joins is detached, so the system reclaims it when it ends.
    deinit {
        if !joined, let thread { pthread_detach(thread) }
    }

    /// Waits for the closure to return. Call it once, from one thread.
    public func join() {
        guard !joined, let thread else { return }
        joined = true
        pthread_join(thread, nil)
    }
}

/// The closure and name handed to a new thread.
private final class ThreadBody {
    let name: String?
    let body: @Sendable () -> Void
    init(name: String?, body: @escaping @Sendable () -> Void) {
        self.name = name
        self.body = body
    }
}
