import CProcessSupport
import Glibc

/// A block of 64-bit words in memory shared between the parent and one worker process.
///
/// WHY shared memory: the worker process's counters must reach the parent's sampler without the
/// measured path paying for it. The worker writes plain atomic stores into its own pages (no
/// system call); the parent reads them when it samples. The memory is an anonymous file
/// (`memfd_create`) the child inherits as a descriptor and maps again.
final class SharedWords: @unchecked Sendable {
    let fd: Int32
    let count: Int
    private let base: UnsafeMutablePointer<UInt64>

    /// Makes a fresh zeroed block of `count` words; nil if the system refuses.
    init?(count: Int) {
        let fd = chanscope_shared_memory("chanscope-report", count * 8)
        guard fd >= 0, let mapped = Self.map(fd: fd, count: count) else {
            if fd >= 0 { close(fd) }
            return nil
        }
        self.fd = fd
        self.count = count
        base = mapped
    }

    /// Maps a block a parent made (in the worker process).
    init?(inheritedFD fd: Int32, count: Int) {
        guard let mapped = Self.map(fd: fd, count: count) else { return nil }
        self.fd = fd
        self.count = count
        base = mapped
    }

    deinit {
        munmap(base, count * 8)
        close(fd)
    }

    private static func map(fd: Int32, count: Int) -> UnsafeMutablePointer<UInt64>? {
        let raw = mmap(nil, count * 8, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
        guard let raw, raw != MAP_FAILED else { return nil }
        return raw.bindMemory(to: UInt64.self, capacity: count)
    }

    subscript(index: Int) -> UInt64 {
        get { index < count ? chanscope_load64(base + index) : 0 }
        set { if index < count { chanscope_store64(base + index, newValue) } }
    }

    /// Adds one to a word only this process writes (a load and a store, no locked instruction).
    func increment(_ index: Int, by amount: UInt64 = 1) {
        self[index] = self[index] &+ amount
    }
}
