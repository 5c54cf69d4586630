#if canImport(Glibc)
import Glibc
#endif

/// How long a thread of this process has spent in the kernel (its system time), read from
/// `/proc/self/task/TID/stat`.
///
/// WHY: a worker's CPU figure alone cannot tell a thread handing messages over in memory from a
/// process making a `write(2)` and a `read(2)` for each one; the kernel's share of it can. The
/// sampler reads other threads' figures here (only a thread can ask `getrusage` for itself), in
/// clock ticks (10 ms on Linux), a fine enough grain over the 2 s window.
enum ThreadKernelTime {
    /// Nanoseconds in one clock tick of `/proc`'s figures (`sysconf(_SC_CLK_TCK)`, 100 a second).
    static let nanosecondsPerTick: UInt64 = {
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return ticks > 0 ? 1_000_000_000 / UInt64(ticks) : 10_000_000
    }()

    /// The system time of thread `tid` of this process, or nil when it cannot be read (the
    /// thread has ended, or there is no `/proc`).
    static func nanoseconds(ofThread tid: Int32) -> UInt64? {
        #if os(Linux)
        let descriptor = open("/proc/self/task/\(tid)/stat", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return systemTicks(fromStat: buffer.prefix(count)).map { $0 &* nanosecondsPerTick }
        #else
        return nil
        #endif
    }

    /// The `stime` field (the 15th) of a `stat` line, in clock ticks: the thirteenth after the
    /// command name (`fieldsAfterName`).
    static func systemTicks<Bytes: BidirectionalCollection<UInt8>>(fromStat line: Bytes) -> UInt64? {
        let fields = fieldsAfterName(ofStat: line)
        guard fields.count > 12 else { return nil }
        return UInt64(String(decoding: fields[12], as: UTF8.self))
    }

    /// The fields of a `/proc/.../stat` line after the command name, the state letter first. The
    /// name (the 2nd field, in parentheses) may hold spaces and parentheses itself, so they count
    /// from the last `)`; none without one.
    static func fieldsAfterName<Bytes: BidirectionalCollection<UInt8>>(ofStat line: Bytes) -> [Bytes.SubSequence] {
        guard let close = line.lastIndex(of: UInt8(ascii: ")")) else { return [] }
        return line[line.index(after: close)...].split(separator: UInt8(ascii: " "))
    }
}
