#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread's CPU time, as the system counts it: what a busy-waiting worker costs.
///
/// WHY the system's clock: a worker that polls in a loop never blocks and never sleeps, so no
/// counter of ours shows its cost; the kernel's per-thread CPU clock (`top -H`) does. The worker
/// publishes its clock when it starts and its final reading when it ends, so the sampler can read
/// any worker's figure at any time without touching the thread.
enum ThreadCPUClock {
    /// No clock (the thread has not started, or the system has none).
    static let none: Int32 = -1

    /// The calling thread's CPU-time clock.
    static func currentThread() -> Int32 {
        #if os(Linux)
        var clock = clockid_t()
        return pthread_getcpuclockid(pthread_self(), &clock) == 0 ? Int32(clock) : none
        #else
        return none
        #endif
    }

    /// CPU nanoseconds on `clock`, or nil when it cannot be read (its thread has ended).
    static func nanoseconds(of clock: Int32) -> UInt64? {
        var time = timespec()
        guard clock_gettime(clockid_t(clock), &time) == 0, time.tv_sec >= 0 else { return nil }
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(max(0, time.tv_nsec))
    }

    /// The calling thread's CPU nanoseconds so far.
    static func currentThreadNanoseconds() -> UInt64 {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0, time.tv_sec >= 0 else { return 0 }
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(max(0, time.tv_nsec))
    }
}
