import Foundation

/// Reads where a worker process's thread is in the kernel, from `/proc`.
enum ThreadInKernel {
    /// The wait channel and state letter of thread `tid` of process `pid` (empty strings when
    /// the files cannot be read: the process is gone, or the kernel hides them).
    static func read(pid: Int32, tid: Int32) -> (waitChannel: String, state: String) {
        let base = "/proc/\(pid)/task/\(tid)"
        let wchan = (try? String(contentsOfFile: base + "/wchan", encoding: .utf8)) ?? ""
        let stat = (try? String(contentsOfFile: base + "/stat", encoding: .utf8)) ?? ""
        return (wchan == "0" ? "" : wchan.trimmingCharacters(in: .whitespacesAndNewlines), state(fromStat: stat))
    }

    /// The state letter of a `stat` line: the first field after the command name.
    static func state(fromStat line: String) -> String {
        ThreadKernelTime.fieldsAfterName(ofStat: Array(line.utf8)).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
