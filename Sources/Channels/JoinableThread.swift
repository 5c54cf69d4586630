#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CThreadSupport

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
            if let name = box.name { nameCurrentThread(name) }
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

/// Names the calling thread, so `top -H`, `ps -L` and debuggers show which worker is which.
/// Linux keeps 15 bytes of a name; longer names are cut there, at a character boundary.
private func nameCurrentThread(_ name: String) {
    var bytes = 0
    var cut = ""
    for character in name {
        bytes += character.utf8.count
        if bytes > 15 { break }
        cut.append(character)
    }
    chanscope_name_current_thread(cut)
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
