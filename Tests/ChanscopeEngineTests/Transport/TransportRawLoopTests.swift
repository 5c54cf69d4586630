import CProcessSupport
import Foundation
import Glibc
import Testing

/// The bench's anchor, `chanscope_raw_loop`: it moves every message over each transport and
/// leaves nothing behind, and it never removes a name it did not make.
@Suite struct TransportRawLoopTests {
    static let transports: [(code: Int32, name: String)] = [
        (Int32(CHANSCOPE_RAW_PIPE), "pipe"), (Int32(CHANSCOPE_RAW_FIFO), "fifo"),
        (Int32(CHANSCOPE_RAW_UNIX_STREAM), "unix-stream"), (Int32(CHANSCOPE_RAW_UNIX_DATAGRAM), "unix-datagram"),
        (Int32(CHANSCOPE_RAW_MQUEUE), "mqueue"),
    ]

    /// A fresh empty folder for one test's files.
    private static func folder(_ name: String) throws -> String {
        var template = Array("\(NSTemporaryDirectory())chanscope-rawloop-\(name)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let path = try #require(made.map { String(cString: $0) })
        return path
    }

    private static func queueExists(_ name: String) -> Bool { chanscope_raw_queue_exists(name) != 0 }

    @Test(arguments: [16, 4096])
    func everyTransportMovesEveryMessageAndLeavesNothing(bytes: Int32) throws {
        let folder = try Self.folder("all")
        defer { rmdir(folder) }
        for (code, name) in Self.transports {
            let path = code == CHANSCOPE_RAW_MQUEUE ? "/chanscope-rawloop-\(getpid())-\(bytes)" : folder + "/" + name
            // More messages than any of the kernel buffers holds, so the writer really waits.
            let nanoseconds = chanscope_raw_loop(code, path, 3000, bytes)
            #expect(nanoseconds > 0, "\(name), \(bytes) bytes")
            if code == CHANSCOPE_RAW_MQUEUE { #expect(!Self.queueExists(path), "the queue is left") }
        }
        #expect((try FileManager.default.contentsOfDirectory(atPath: folder)) == [])
    }

    @Test func aNameAlreadyTakenFailsTheLoopAndStaysWhereItWas() throws {
        let folder = try Self.folder("taken")
        defer { rmdir(folder) }
        for (code, name) in Self.transports where code == CHANSCOPE_RAW_FIFO || code == CHANSCOPE_RAW_UNIX_STREAM
            || code == CHANSCOPE_RAW_UNIX_DATAGRAM {
            let path = folder + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data("mine".utf8)))
            #expect(chanscope_raw_loop(code, path, 10, 16) == -1, "\(name)")
            #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "mine", "\(name) removed another's file")
            unlink(path)
        }
    }

    @Test func aQueueAlreadyTakenFailsTheLoopAndNoQueueOfItsOwnIsLeft() throws {
        let name = "/chanscope-rawloop-taken-\(getpid())"
        try #require(chanscope_raw_queue_make(name) == 0)
        defer { chanscope_raw_queue_remove(name) }
        #expect(chanscope_raw_loop(Int32(CHANSCOPE_RAW_MQUEUE), name, 10, 16) == -1)
        #expect(Self.queueExists(name), "the loop removed another's queue")
        // Above the system's msgsize_max (8,192 here) mq_open refuses unless the process is
        // privileged; either way no queue is left behind.
        let large = "/chanscope-rawloop-large-\(getpid())"
        _ = chanscope_raw_loop(Int32(CHANSCOPE_RAW_MQUEUE), large, 10, 65536)
        #expect(!Self.queueExists(large))
    }

    @Test func sizesOutsideTheLoopsRangeAreRefusedBeforeAnythingIsMade() throws {
        let folder = try Self.folder("range")
        defer { rmdir(folder) }
        #expect(chanscope_raw_loop(Int32(CHANSCOPE_RAW_FIFO), folder + "/fifo", 10, 0) == -1)
        #expect(chanscope_raw_loop(Int32(CHANSCOPE_RAW_FIFO), folder + "/fifo", 10, 65537) == -1)
        #expect(chanscope_raw_loop(5, folder + "/fifo", 10, 16) == -1)
        #expect((try FileManager.default.contentsOfDirectory(atPath: folder)) == [])
    }
}
