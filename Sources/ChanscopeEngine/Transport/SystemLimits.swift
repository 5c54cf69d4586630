import Foundation

/// What this system allows kernel transports, read from `/proc/sys/fs` once.
///
/// WHY read instead of assumed: without `CAP_SYS_RESOURCE` (a container, a normal user) a pipe
/// stops at `pipe-max-size` and a larger `F_SETPIPE_SZ` fails with `EPERM`; the slider's range
/// says so instead of failing.
public enum SystemLimits {
    /// `/proc/sys/fs/pipe-max-size` (1 MiB when it cannot be read).
    public static let pipeMaxSize: Int = number(at: "/proc/sys/fs/pipe-max-size") ?? 1 << 20

    static func number(at path: String) -> Int? {
        (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
