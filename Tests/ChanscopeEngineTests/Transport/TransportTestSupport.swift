import Foundation
import Glibc
import Testing
@testable import ChanscopeEngine

/// The built `chanscope` next to the test bundle: worker processes are that program started
/// again, so tests that start processes point the engine at it.
enum WorkerBinary {
    static let path: String? = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let me = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let candidate = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("chanscope").path
        guard access(candidate, X_OK) == 0 else { return nil }
        setenv("CHANSCOPE_WORKER_EXECUTABLE", candidate, 1)
        return candidate
    }()

    static var available: Bool { path != nil }
}

/// Whether a process with this pid exists (a zombie counts: it is not reaped yet).
func processExists(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

/// The pids of this process's children that are worker processes (from /proc), for leftovers.
func workerProcesses(of parent: Int32 = getpid()) -> [Int32] {
    var found: [Int32] = []
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = Int32(entry),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 2, Int32(fields[1]) == parent else { continue }
        let cmdline = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        if cmdline.contains("worker-process") { found.append(pid) }
    }
    return found
}

/// The run folders of one pid in the temporary folder.
func runFolders(of pid: Int32) -> [String] {
    RunDirectory.leftovers().filter { $0.hasPrefix("\(RunDirectory.prefix)\(pid)-") }
}
