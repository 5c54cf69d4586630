/// The ranges every number read from a preset (or `--set`) must lie in, named once.
///
/// A number enters at the loader and then travels: a sleep knob in milliseconds becomes
/// nanoseconds in a `UInt64`, a limit knob becomes an `Int`, a capacity becomes a slider's
/// maximum, a prefill becomes that many messages made before the first frame. Each bound below is
/// chosen so that every one of those consumers can represent the number, and the loader, `--set`,
/// the engine and the sliders can all refer to the same constant instead of repeating it.
public enum PresetLimits {
    /// The largest preset file read, in bytes (1 MiB). Hand-written presets are a few hundred
    /// lines; anything bigger is a mistake (a log, `/dev/zero` behind a link) and must not be
    /// read into memory whole.
    public static let fileBytes = 1 << 20

    /// How far from 0 a knob's value, min, max and step may be: ±1e12. A sleep of 1e12 ms is
    /// 1e18 ns, which still fits a `UInt64` (1.8e19) even with full jitter; a limit knob of 1e12
    /// fits an `Int`; and the slider can print it without an exponent.
    public static let knobMagnitude: Double = 1e12

    /// The most slider positions a knob may have, `(max - min) / step`: 1e9. Beyond that a step
    /// is too small to move the slider visibly, and step arithmetic loses precision.
    public static let knobSteps: Double = 1e9

    /// A channel's capacity: 1...1,000,000. The capacity slider's maximum is a multiple of it,
    /// and a ring buffer of that many slots must fit in memory; 2^61 used to crash the slider.
    public static let capacity: ClosedRange<Int> = 1...1_000_000

    /// Threads in one worker group: 0...64, the same for a file's `count`, `--set G.workers` and
    /// the live workers slider. Each worker is a real thread, and 64 threads on a lecture laptop
    /// are already a crowd. Zero is a group with nobody in it yet ("press + to add a consumer"),
    /// or one whose every worker was removed live.
    public static let workers: ClosedRange<Int> = 0...64

    /// Messages one prefill puts into one channel: 0...1,000,000. Prefill happens before the
    /// first frame, so a larger number would freeze the program before it shows anything.
    public static let prefill: ClosedRange<Int> = 0...1_000_000

    /// A fixed `limit` (iterations across a group): 0...1e12, the same bound as a limit knob,
    /// so a fixed limit and a knob limit convert to `Int` the same way.
    public static let limit: ClosedRange<Int> = 0...1_000_000_000_000

    /// A sleep's jitter: 0...1, a share of the sleep; above 1 the sleep could go negative.
    public static let jitter: ClosedRange<Double> = 0...1

    /// A simulated link's delay and jitter knobs: 0...60,000 ms (a minute on the wire is
    /// already longer than any lesson waits).
    public static let linkMilliseconds: ClosedRange<Double> = 0...60_000

    /// A link protocol's retransmission timeout: 1...60,000 ms; 0 would retransmit in a loop.
    public static let linkTimeout: ClosedRange<Double> = 1...60_000

    /// A link protocol's window: 1...1024 unacknowledged messages per sender (1 is stop-and-wait).
    public static let window: ClosedRange<Double> = 1...1024

    /// The names of one choice knob: 2...16 of them (one is no choice; more do not fit a row of
    /// the screen), each 1...32 characters of letters, digits, `-` and `_`, so that it reads the
    /// same in the selector, in `--set NAME=CHOICE` and in a CSV cell.
    public static let choices: ClosedRange<Int> = 2...16
    public static let choiceLength: ClosedRange<Int> = 1...32

    /// Whether `name` may be one of a choice knob's choices (see `choiceLength`).
    public static func isChoiceName(_ name: String) -> Bool {
        choiceLength.contains(name.count) && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }

    /// A priority channel's levels: 0 (the lowest) to 15, the `Channels` library's most.
    public static let priorityLevel: ClosedRange<Int> = 0...15

    /// Distinct message tags in one preset: at most 1000. A message carries its tag as a `UInt16`
    /// index (so it stays 16 bytes), and a lesson names a handful.
    public static let tags: ClosedRange<Int> = 0...1000

    /// Whether `value` is a number every part can represent as a knob's value, min, max or step.
    public static func isRepresentable(_ value: Double) -> Bool {
        value.isFinite && value.magnitude <= knobMagnitude
    }

    /// Bytes per message through a transport: 16...4,096. Sixteen carry the sequence number and
    /// the time stamp; 4,096 is `PIPE_BUF`, the most a pipe writes atomically, so one write is
    /// always one whole message.
    public static let messageBytes: ClosedRange<Int> = 16...4096

    /// A pipe's kernel buffer in bytes: one page up to what this system lets a process without
    /// `CAP_SYS_RESOURCE` ask for (`/proc/sys/fs/pipe-max-size`, 1 MiB by default), read once.
    public static let pipeBuffer: ClosedRange<Int> = 4096...max(4096, SystemLimits.pipeMaxSize)

    /// A Unix socket's send buffer (`SO_SNDBUF`) in bytes, as the kernel keeps it: twice what is
    /// asked, so 8,192 up to twice `/proc/sys/net/core/wmem_max` (what a process without
    /// `CAP_NET_ADMIN` may ask for), read once.
    public static let socketBuffer: ClosedRange<Int> = 8192...max(8192, 2 * SystemLimits.socketSendBufferMax)

    /// A POSIX message queue's `mq_maxmsg`: 1 up to `/proc/sys/fs/mqueue/msg_max` (10 by default;
    /// `mq_open` refuses more without `CAP_SYS_RESOURCE`), read once.
    public static let queueMessages: ClosedRange<Int> = 1...max(1, SystemLimits.queueMessagesMax)

    /// Any `buffer_bytes`, as the reader first checks it: what every part can hold (a kernel call
    /// takes an `int`); each transport's own range is checked once the transport is known.
    public static let kernelBuffer: ClosedRange<Int> = 1...Int(Int32.max)

    /// The range of `transport`'s buffer in bytes (nil: a message queue counts messages).
    public static func buffer(of transport: Transport) -> ClosedRange<Int>? {
        switch transport {
        case .pipe, .fifo: pipeBuffer
        case .unixStream, .unixDatagram: socketBuffer
        case .mqueue: nil
        }
    }

    /// The buffer a transport channel gets when its preset does not say: a pipe's 64 KiB, a
    /// socket's `wmem_default`.
    public static func defaultBuffer(of transport: Transport) -> Int {
        transport.isSocket ? min(max(SystemLimits.socketSendBufferDefault, socketBuffer.lowerBound), socketBuffer.upperBound) : 65536
    }
}
