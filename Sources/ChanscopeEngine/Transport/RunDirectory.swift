import CProcessSupport
import Foundation
import Glibc

/// The folder of one experiment's named kernel objects (FIFOs, socket files, a note of each
/// message queue's name), removed when the experiment ends; folders of runs that were killed
/// before they could remove theirs go at the next start, with the queues they note.
///
/// Named `chanscope-ipc-PID-N` in the temporary folder, so a later run can tell from the pid
/// whether the run that made it still lives. A message queue lives in its own namespace (listed
/// only where `/dev/mqueue` is mounted), so the folder keeps an empty file `NAME.mqueue` for each.
struct RunDirectory {
    static let prefix = "chanscope-ipc-"
    let path: String

    /// The temporary folder: `TMPDIR`, else /tmp.
    static var temporary: String {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
    }

    /// Makes a fresh folder (mode 0700); nil if that fails.
    static func make(serial: Int, in folder: String = temporary) -> RunDirectory? {
        let path = "\(folder)/\(prefix)\(getpid())-\(serial)"
        removeTree(path)
        return mkdir(path, 0o700) == 0 ? RunDirectory(path: path) : nil
    }

    /// The path of an object in the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// Removes the folder and what is in it.
    func remove() { Self.removeTree(path) }

    /// The message-queue name for channel file name `name`: the folder's own name behind a slash.
    func queueName(_ name: String) -> String {
        "/" + (path.split(separator: "/").last.map(String.init) ?? "") + "-" + name
    }

    /// Notes that queue `name` (made by `queueName`) exists, so that a later start removes it if
    /// this run cannot.
    func noteQueue(_ name: String) {
        let prefix = queueName("")
        guard name.hasPrefix(prefix) else { return }
        close(open(file(String(name.dropFirst(prefix.count)) + Self.queueSuffix), O_CREAT | O_WRONLY | O_CLOEXEC, 0o600))
    }

    static let queueSuffix = ".mqueue"

    /// Removes the folders of runs whose process is gone; returns how many.
    @discardableResult
    static func removeStale(in folder: String = temporary) -> Int {
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            // ESRCH: no such process. (EPERM means it lives under another user: leave it.)
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                removeTree(folder + "/" + name)
                removed += 1
            }
        }
        return removed
    }

    /// Leftovers of this program in `folder`: run folders, for the clean-up tests.
    static func leftovers(in folder: String = temporary) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Removes the folder, what is in it and the message queues it notes.
    private static func removeTree(_ path: String) {
        let folder = RunDirectory(path: path)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            if name.hasSuffix(queueSuffix) { _ = chanscope_mq_unlink(folder.queueName(String(name.dropLast(queueSuffix.count)))) }
            unlink(path + "/" + name)
        }
        rmdir(path)
    }
}
