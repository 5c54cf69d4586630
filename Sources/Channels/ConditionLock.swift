#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One pthread mutex with the condition variables a channel's waiters park on.
///
/// A pthread mutex rather than `Synchronization.Mutex`: the thread sanitizer reports a false
/// positive on the latter (it cannot see its futex-based locking), and a condition variable needs a pthread
/// mutex anyway. The conditions wait on `CLOCK_MONOTONIC` so deadlines match `MonotonicClock`.
/// Memory is allocated once and never moves, as pthread objects require.
@usableFromInline
final class ConditionLock: @unchecked Sendable {
    /// Which group of waiters a wait or a wake-up is for.
    @usableFromInline
    enum Condition: Int, CaseIterable {
        /// Receivers waiting for a message.
        case receivers = 0
        /// Senders waiting for room in a bounded queue.
        case space = 1
        /// Rendezvous senders waiting for their offer to be taken.
        case handoff = 2
    }

    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline let conditions: UnsafeMutablePointer<pthread_cond_t>

    @usableFromInline
    init() {
        mutex = .allocate(capacity: 1)
        var mutexAttributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&mutexAttributes)
        #if os(Linux)
        // Adaptive: spin briefly before sleeping in the kernel. Critical sections here are a few
        // dozen nanoseconds, so a contended lock is usually free again before a futex sleep
        // would even start.
        pthread_mutexattr_settype(&mutexAttributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        #endif
        pthread_mutex_init(mutex, &mutexAttributes)
        pthread_mutexattr_destroy(&mutexAttributes)
        conditions = .allocate(capacity: Condition.allCases.count)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if os(Linux)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        for index in 0..<Condition.allCases.count {
            pthread_cond_init(conditions + index, &attributes)
        }
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        for index in 0..<Condition.allCases.count {
            pthread_cond_destroy(conditions + index)
        }
        conditions.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    @inlinable @inline(__always)
    func lock() { pthread_mutex_lock(mutex) }

    @inlinable @inline(__always)
    func unlock() { pthread_mutex_unlock(mutex) }

    /// Takes the lock if it is free; true when taken.
    @inlinable @inline(__always)
    func tryLock() -> Bool { pthread_mutex_trylock(mutex) == 0 }

    /// Parks the calling thread (which holds the lock) until woken or until `deadline`
    /// (monotonic nanoseconds). Returns false when the deadline passed. Spurious wake-ups happen:
    /// callers re-check their state in a loop.
    @inlinable
    func wait(_ condition: Condition, until deadline: UInt64?) -> Bool {
        let cond = conditions + condition.rawValue
        guard let deadline else {
            pthread_cond_wait(cond, mutex)
            return true
        }
        #if os(Linux)
        var ts = timespec(
            tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        #else
        let remaining = deadline > MonotonicClock.now() ? deadline - MonotonicClock.now() : 0
        var now = timeval()
        gettimeofday(&now, nil)
        let absolute = UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_usec) * 1000 + remaining
        var ts = timespec(
            tv_sec: Int(absolute / 1_000_000_000), tv_nsec: Int(absolute % 1_000_000_000))
        #endif
        return pthread_cond_timedwait(cond, mutex, &ts) != ETIMEDOUT
    }

    /// Wakes one waiter of `condition`.
    @inlinable @inline(__always)
    func signal(_ condition: Condition) { pthread_cond_signal(conditions + condition.rawValue) }

    /// Wakes every waiter of `condition`.
    @inlinable @inline(__always)
    func broadcast(_ condition: Condition) {
        pthread_cond_broadcast(conditions + condition.rawValue)
    }
}
