import Glibc

/// One instruction from the parent to a worker process, 16 bytes on the control socket (a
/// socket pair, so the parent sends with `MSG_NOSIGNAL`).
///
/// Fixed-size records are written whole by one `write` (far below `PIPE_BUF`), so the worker
/// process's control thread reads each in one piece. End of file on the pipe means the parent is
/// gone: the worker process ends at once.
struct ControlRecord: Equatable {
    enum Operation: UInt32 {
        /// Set knob `index` to `value` (the parent has already clamped it).
        case setKnob = 1
        /// Pause (`value` 1) or resume (0).
        case pause = 2
        /// Start the worker (sent after the initial knob values).
        case start = 3
        /// Ask for channel `index`'s kernel buffer to be `value` bytes.
        case setCapacity = 4
        /// Channel `index` drops when full (`value` 1) or waits (0).
        case setDropping = 5
        /// Publish the counters now, then note request number `value` as served: the parent asks
        /// every process at once before a sample, so the writer's and the reader's counts are of
        /// the same moment (a 5 ms gap is 1,400 messages at 280,000 a second).
        case publish = 6
    }

    var operation: Operation
    var index: UInt32
    var value: Double

    static let size = 16

    func bytes() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Self.size)
        out.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: operation.rawValue.littleEndian, as: UInt32.self)
            raw.storeBytes(of: index.littleEndian, toByteOffset: 4, as: UInt32.self)
            raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: 8, as: UInt64.self)
        }
        return out
    }

    init(_ operation: Operation, index: Int = 0, value: Double = 0) {
        self.operation = operation
        self.index = UInt32(clamping: index)
        self.value = value
    }

    init?(bytes: [UInt8]) {
        guard bytes.count == Self.size else { return nil }
        let (op, index, bits) = bytes.withUnsafeBytes { raw in
            (UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)),
             UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
             UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        guard let operation = Operation(rawValue: op) else { return nil }
        self.operation = operation
        self.index = index
        value = Double(bitPattern: bits)
    }

    /// Reads exactly `count` bytes from `fd` (nil at end of file or on an error).
    static func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, count - done) }
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
        return out
    }

    /// Sends all of `bytes` on the control socket `fd` (`MSG_NOSIGNAL`: a gone worker process
    /// is an error here, never a `SIGPIPE` in the parent); false if it is gone.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL)) }
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            return false
        }
        return true
    }
}
