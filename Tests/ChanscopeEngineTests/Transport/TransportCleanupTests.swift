import CProcessSupport
import Channels
import Foundation
import Glibc
import Testing
@testable import ChanscopeEngine

/// Clean-up on every path: no worker process outlives the experiment or the program, none stays
/// a zombie, and no FIFO or run folder is left behind; a killed run's folder goes at the next
/// start.
@Suite("Transport clean-up", .serialized, .enabled(if: WorkerBinary.available, "the chanscope executable is not built next to the tests"))
struct TransportCleanupTests {
    @Test("shutdown kills and reaps every worker process and removes the FIFO and its folder")
    func shutdown() throws {
        let preset = try TransportProcessTests.pipePreset(transport: "fifo")
        let experiment = Experiment(preset: preset)
        experiment.start()
        let writer = try #require(experiment.processID(of: GroupID("writer")))
        let reader = try #require(experiment.processID(of: GroupID("reader")))
        let path = try #require(experiment.takeSnapshot().channel(named: "p")?.kernel?.path)
        #expect(access(path, F_OK) == 0)
        #expect(Set(workerProcesses()).isSuperset(of: [writer, reader]))
        experiment.shutdown()
        // Reaped, not zombies: the pids no longer exist at all. (Other suites may run their own
        // experiments meanwhile, so only this one's processes and folder are counted.)
        #expect(!processExists(writer))
        #expect(!processExists(reader))
        #expect(access(path, F_OK) != 0)
        #expect(access(URL(fileURLWithPath: path).deletingLastPathComponent().path, F_OK) != 0)
        #expect(!workerProcesses().contains(writer) && !workerProcesses().contains(reader))
    }

    @Test("shutdown removes a socket's file and unlinks a message queue, with the worker processes",
          arguments: ["unix-stream", "unix-datagram", "mqueue"])
    func shutdownNamedObjects(transport: String) throws {
        let capacity = transport == "mqueue" ? "capacity: 5" : "buffer_bytes: 16384"
        let preset = try enginePreset("""
            name: T
            summary: t
            channels:
              p: { kind: bounded, transport: \(transport), \(capacity), message_bytes: 16 }
            workers:
              writer: { count: 1, loop: [ make, { send: p } ] }
              reader: { count: 1, loop: [ { recv: p } ] }
            """)
        let experiment = Experiment(preset: preset)
        experiment.start()
        let writer = try #require(experiment.processID(of: GroupID("writer")))
        let reader = try #require(experiment.processID(of: GroupID("reader")))
        let name = try #require(experiment.takeSnapshot().channel(named: "p")?.kernel?.path)
        func exists() -> Bool {
            if transport == "mqueue" {
                let queue = chanscope_mq_open(name, 0, 1)
                if queue >= 0 { _ = chanscope_mq_close(queue) }
                return queue >= 0
            }
            return access(name, F_OK) == 0
        }
        #expect(exists())
        experiment.shutdown()
        #expect(!processExists(writer) && !processExists(reader))
        #expect(!exists(), "\(name) left behind")
    }

    @Test("a killed run's message queue goes at the next start, by the note its folder keeps")
    func staleQueue() throws {
        let pid = deadProcessID()
        let stale = RunDirectory(path: RunDirectory.temporary + "/\(RunDirectory.prefix)\(pid)-0")
        mkdir(stale.path, 0o700)
        let queue = stale.queueName("jobs")
        #expect(chanscope_mq_create(queue, 2, 16) == 0)
        stale.noteQueue(queue)
        #expect(access(stale.file("jobs" + RunDirectory.queueSuffix), F_OK) == 0)
        #expect(RunDirectory.removeStale() >= 1)
        let reopened = chanscope_mq_open(queue, 0, 1)
        if reopened >= 0 { _ = chanscope_mq_close(reopened); _ = chanscope_mq_unlink(queue) }
        #expect(reopened == -1 && errno == ENOENT)
        #expect(access(stale.path, F_OK) != 0)
    }

    @Test("a run folder whose process is gone is removed at the next start; a live one's stays")
    func staleFolders() throws {
        let pid = deadProcessID()
        let folder = RunDirectory.temporary + "/\(RunDirectory.prefix)\(pid)-0"
        mkdir(folder, 0o700)
        mkfifo(folder + "/p", 0o600)
        let live = try #require(RunDirectory.make(serial: 999))
        defer { live.remove() }
        let experiment = Experiment(preset: try TransportProcessTests.pipePreset(transport: "fifo"))
        experiment.start()
        experiment.shutdown()
        #expect(access(folder, F_OK) != 0)
        #expect(access(live.path, F_OK) == 0)
    }

    @Test("kill -9 of the parent: its worker processes die with it (PR_SET_PDEATHSIG) and its folder goes at the next start; a quit signal: the run cleans up itself",
          arguments: [SIGKILL, SIGTERM, SIGINT, SIGHUP])
    func parentDies(signal: Int32) throws {
        let binary = try #require(WorkerBinary.path)
        let file = NSTemporaryDirectory() + "chanscope-test-\(getpid())-pipe.yaml"
        try """
            name: T
            summary: t
            channels:
              p: { kind: bounded, transport: fifo }
            knobs:
              wait_ms: { value: 1, min: 0, max: 10 }
            workers:
              writer: { count: 1, loop: [ make, { sleep: wait_ms }, { send: p } ] }
              reader: { count: 1, loop: [ { recv: p }, { sleep: wait_ms } ] }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        defer { unlink(file) }
        var parent: pid_t = 0
        let arguments = [binary, "run", file, "--headless", "--duration", "120"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The quit signals at their defaults and none blocked, whatever the test runner set.
        var attributes = ProcessSpawner.cleanSignals()
        defer { posix_spawnattr_destroy(&attributes) }
        #expect(posix_spawn(&parent, binary, &actions, &attributes, &argv, environ) == 0)
        var workers: [Int32] = []
        waitUntil(timeout: 30, "two worker processes under the parent") {
            workers = workerProcesses(of: parent)
            return workers.count == 2
        }
        #expect(runFolders(of: parent).count == 1)
        kill(parent, signal)
        var status: Int32 = 0
        waitpid(parent, &status, 0)
        // The workers are the killed parent's children; once it is gone they are re-parented and
        // reaped by the system's reaper, so their pids disappear.
        waitUntil(timeout: 30, "the worker processes gone") { workers.allSatisfy { !processExists($0) || isZombieOfOthers($0) } }
        if signal != SIGKILL {
            // A quit signal ends the run as its duration would: it cleans up itself, and its
            // status says which signal it was.
            #expect(runFolders(of: parent).isEmpty, "removed by the run itself")
            #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 128 + signal)
        }
        RunDirectory.removeStale()
        #expect(runFolders(of: parent).isEmpty)
    }
}

/// A pid that surely belongs to nobody: a child that has ended and been reaped.
private func deadProcessID() -> pid_t {
    var pid: pid_t = 0
    var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
    defer { free(argv[0]) }
    #expect(posix_spawn(&pid, "/bin/true", nil, nil, &argv, environ) == 0)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return pid
}

/// Whether `pid` is a zombie that some other process (not this test) must reap: in a container
/// without an init that reaps, orphans can stay zombies, which is not ours to fix.
private func isZombieOfOthers(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    return ThreadInKernel.state(fromStat: stat) == "Z"
}
