import Channels

/// How a message travels through a kernel object: a fixed number of bytes per message (the
/// channel's `message_bytes`): the sequence number (48 bits) with the tag above it first, the
/// monotonic time it was written next, the rest padding.
///
/// WHY fixed-size: every write of at most `PIPE_BUF` (4,096) bytes to a pipe is atomic, so one
/// write is one whole message and one read of the same size takes one whole message back; the
/// pipe's own byte count divided by the size is the number of messages it holds.
enum MessageFrame {
    /// The smallest message: sequence and time stamp.
    static let headerBytes = 16
    /// The largest: `PIPE_BUF`, the most a pipe writes atomically.
    static let maxBytes = 4096

    static func encode(_ message: Message, stamp: UInt64, into buffer: UnsafeMutableRawPointer) {
        let word = (message.sequence & 0xFFFF_FFFF_FFFF) | UInt64(message.tag) << 48
        buffer.storeBytes(of: word.littleEndian, as: UInt64.self)
        buffer.storeBytes(of: stamp.littleEndian, toByteOffset: 8, as: UInt64.self)
    }

    static func decode(_ buffer: UnsafeRawPointer) -> (message: Message, stamp: UInt64) {
        let word = UInt64(littleEndian: buffer.loadUnaligned(as: UInt64.self))
        let stamp = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        return (Message(sequence: word & 0xFFFF_FFFF_FFFF, origin: 0, tag: UInt16(truncatingIfNeeded: word >> 48)), stamp)
    }

    /// The latency bucket of `nanoseconds` spent in the kernel: the bit length of its microseconds.
    static func latencyBucket(nanoseconds: UInt64) -> Int {
        let micros = nanoseconds / 1000
        return min(ReportLayout.Channel.latencyBuckets - 1, UInt64.bitWidth - micros.leadingZeroBitCount)
    }
}
