#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory an experiment may take before the memory guard holds its growing producers.
///
/// WHY a limit at all: an unbounded queue fed by a producer at 0 ms grows by tens of megabytes a
/// second, which is the lesson, but left running through a lecture it would swap the machine or
/// be killed. The default is a quarter of the machine's memory; `--max-memory 256MB` sets it.
public struct MemoryLimit: Sendable, Equatable, CustomStringConvertible {
    public var bytes: UInt64

    public init(bytes: UInt64) { self.bytes = bytes }

    /// The smallest limit accepted: chanscope itself takes about 25 MB.
    public static let smallest: UInt64 = 32 << 20

    /// A quarter of the machine's physical memory (1 GiB when it cannot be read).
    public static var machineDefault: MemoryLimit {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return MemoryLimit(bytes: 1 << 30) }
        return MemoryLimit(bytes: max(smallest, UInt64(pages) / 4 * UInt64(size)))
    }

    /// `256MB`, `1.5GB`, `512MiB`, `300000000` (bytes); nil for anything else or a value below
    /// `smallest` or above the machine's memory.
    public static func parse(_ text: String) -> MemoryLimit? {
        let trimmed = text.filter { $0 != " " }.uppercased()
        let units: [(String, Double)] = [
            ("KIB", 1024), ("MIB", 1_048_576), ("GIB", 1_073_741_824), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("K", 1e3), ("M", 1e6),
            ("G", 1e9), ("B", 1),
        ]
        var number = trimmed
        var factor = 1.0
        if let (unit, scale) = units.first(where: { trimmed.hasSuffix($0.0) }) {
            number = String(trimmed.dropLast(unit.count))
            factor = scale
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        let bytes = value * factor
        let physical = Double(machineDefault.bytes) * 4
        guard bytes >= Double(smallest), bytes <= physical else { return nil }
        return MemoryLimit(bytes: UInt64(saturating: bytes))
    }

    /// `256 MB`.
    public var description: String {
        bytes >= 1_000_000_000 ? NumberText.fixed(Double(bytes) / 1e9, decimals: 1) + " GB" : NumberText.fixed(Double(bytes) / 1e6, decimals: 0) + " MB"
    }

    /// This process's resident memory now (from `/proc/self/statm`), or nil where there is none.
    public static func residentBytes() -> UInt64? {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = UInt64(fields[1]) else { return nil }
        return pages &* UInt64(max(1, sysconf(Int32(_SC_PAGESIZE))))
    }
}
