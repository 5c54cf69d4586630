import Foundation

/// What this system allows kernel transports, read from `/proc/sys` once.
///
/// WHY read instead of assumed: without `CAP_SYS_RESOURCE` (a container, a normal user) a pipe
/// stops at `pipe-max-size` and a larger `F_SETPIPE_SZ` fails with `EPERM`, and a message queue
/// stops at `msg_max` messages (10 by default: `mq_open` refuses more with `EINVAL`); the
/// sliders' ranges say so instead of failing.
public enum SystemLimits {
    /// `/proc/sys/fs/pipe-max-size` (1 MiB when it cannot be read).
    public static let pipeMaxSize: Int = number(at: "/proc/sys/fs/pipe-max-size") ?? 1 << 20
    /// `/proc/sys/net/core/wmem_max`: the most `SO_SNDBUF` may ask; the kernel keeps twice it.
    public static let socketSendBufferMax: Int = number(at: "/proc/sys/net/core/wmem_max") ?? 212_992
    /// `/proc/sys/net/core/wmem_default`: a new socket's `SO_SNDBUF`.
    public static let socketSendBufferDefault: Int = number(at: "/proc/sys/net/core/wmem_default") ?? 212_992
    /// `/proc/sys/net/unix/max_dgram_qlen`: datagrams that wait for a reader not connected back
    /// to the writer; the kernel refuses the next only when more than this many wait, so one more
    /// fits (11 by default).
    public static let datagramQueue: Int = (number(at: "/proc/sys/net/unix/max_dgram_qlen") ?? 10) + 1
    /// `/proc/sys/fs/mqueue/msg_max`: the most messages a message queue may hold (`mq_maxmsg`).
    public static let queueMessagesMax: Int = number(at: "/proc/sys/fs/mqueue/msg_max") ?? 10
    /// `/proc/sys/fs/mqueue/msgsize_max`: the largest message (`mq_msgsize`).
    public static let queueMessageSizeMax: Int = number(at: "/proc/sys/fs/mqueue/msgsize_max") ?? 8192

    static func number(at path: String) -> Int? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
