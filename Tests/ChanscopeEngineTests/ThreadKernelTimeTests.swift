import Channels
import CProcessSupport
import Glibc
import Testing

@testable import ChanscopeEngine

/// A thread's time in the kernel, as `/proc` and `getrusage` count it: what the CPU figure's
/// `kernel` part shows.
@Suite struct ThreadKernelTimeTests {
    @Test("stime is the 15th field of a stat line, counted from the last parenthesis of the name")
    func parsesTheStatLine() {
        let line = "4242 (odd) name) (x) S 1 4242 4242 0 -1 4194560 120 0 0 0 37 512 0 0 20 0 1 0 100 0 0"
        #expect(ThreadKernelTime.systemTicks(fromStat: Array(line.utf8)) == 512)
        #expect(ThreadKernelTime.systemTicks(fromStat: Array("4242 (short) S 1 2".utf8)) == nil)
        #expect(ThreadKernelTime.systemTicks(fromStat: Array("no name at all".utf8)) == nil)
    }

    @Test("a thread that makes system calls gains kernel time, read from /proc and by itself alike; one that computes does not")
    func systemCallsCountAndComputingDoesNot() throws {
        let done = Locked<(tid: Int32, fromProc: UInt64?, own: UInt64)?>(nil)
        let caller = JoinableThread(name: "syscalls") {
            let tid = chanscope_thread_id()
            let devNull = open("/dev/null", O_WRONLY)
            var byte: UInt8 = 0
            // Until the kernel has counted two clock ticks of system time (20 ms), or 10 s.
            let start = MonotonicClock.now()
            while chanscope_thread_system_nanos() < 2 * ThreadKernelTime.nanosecondsPerTick, secondsSince(start) < 10 {
                for _ in 0..<1000 { _ = write(devNull, &byte, 1) }
            }
            close(devNull)
            let own = chanscope_thread_system_nanos()
            done.withLock { $0 = (tid, ThreadKernelTime.nanoseconds(ofThread: tid), own) }
        }
        caller.join()
        let result = try #require(done.current)
        #expect(result.own >= 2 * ThreadKernelTime.nanosecondsPerTick)
        let fromProc = try #require(result.fromProc, "thread \(result.tid) readable in /proc while it ran")
        #expect(fromProc >= ThreadKernelTime.nanosecondsPerTick, "\(fromProc) ns from /proc, \(result.own) ns its own")
        #expect(ThreadKernelTime.nanoseconds(ofThread: -1) == nil)

        let computed = Locked<UInt64>(0)
        let computer = JoinableThread(name: "computes") {
            var x: UInt64 = 1
            let start = MonotonicClock.now()
            while secondsSince(start) < 0.2 { for i in 0..<10_000 { x = x &* 6364136223846793005 &+ UInt64(i) } }
            computed.withLock { $0 = chanscope_thread_system_nanos() &+ (x & 0) }
        }
        computer.join()
        #expect(computed.current < 2 * ThreadKernelTime.nanosecondsPerTick, "a computing thread spent \(computed.current) ns in the kernel")
    }
}
