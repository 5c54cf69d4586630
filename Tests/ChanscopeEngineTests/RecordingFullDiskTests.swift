#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing

@testable import ChanscopeEngine

/// A recording on a disk that fills up keeps only whole rows, names the real reason, and leaves
/// no empty file behind.
@Suite(.serialized) struct RecordingFullDiskTests {
    static let yaml = """
        name: Full disk
        summary: s
        channels: { work: { kind: bounded, capacity: 4 } }
        knobs: { wait_ms: { value: 1, min: 0, max: 100, label: Wait, unit: ms } }
        workers:
          producer: { loop: [ make, { sleep: wait_ms }, { send: work } ] }
          consumer: { loop: [ { recv: work } ] }
        """

    static func temporaryPath() -> String { NSTemporaryDirectory() + "chanscope-full-\(UUID().uuidString).csv" }

    /// A `write` that takes `budget` bytes in all, then writes part of a call and fails with ENOSPC.
    static func filling(budget: Int) -> @Sendable (Int32, UnsafeRawPointer, Int) -> Int {
        let left = Atomic<Int>(budget)
        return { descriptor, bytes, count in
            let room = left.load(ordering: .relaxed)
            if room <= 0 {
                errno = ENOSPC
                return -1
            }
            let taken = min(room, count)
            left.store(room - taken, ordering: .relaxed)
            return Foundation.write(descriptor, bytes, taken)
        }
    }

    @Test("a short write is cut back to the last whole row, with the system's reason")
    func aShortWriteKeepsWholeRows() throws {
        let path = Self.temporaryPath()
        defer { unlink(path) }
        let experiment = Experiment(preset: try enginePreset(Self.yaml))
        let layout = experiment.layout()
        let header = CSVRecorder.line(CSVRecorder.header(for: layout)).utf8.count + 1
        let row = CSVRecorder.line(CSVRecorder.row(for: layout)).utf8.count + 1
        let recorder = try CSVRecorder(path: path, layout: layout, writer: Self.filling(budget: header + 2 * row + row / 2))
        try recorder.record(layout)
        try recorder.record(layout)
        var failure: CSVRecorder.RecorderError?
        do { try recorder.record(layout) } catch { failure = error }
        #expect(failure?.description.contains("No space left on device") == true, "\(String(describing: failure))")
        #expect(failure?.description.contains("Success") == false)
        #expect(recorder.rowsWritten == 2)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.utf8.count == header + 2 * row, "no torn row")
        #expect(text.hasSuffix("\n"))
        #expect(throws: CSVRecorder.RecorderError.self) { try recorder.record(layout) }
    }

    @Test("a recording that cannot write its first row leaves no file behind")
    func noEmptyFileIsLeft() throws {
        let path = Self.temporaryPath()
        let experiment = Experiment(preset: try enginePreset(Self.yaml))
        #expect(throws: CSVRecorder.RecorderError.self) {
            _ = try CSVRecorder(path: path, layout: experiment.layout(), writer: Self.filling(budget: 10))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a headless run on an 8 KiB file system: whole rows, the reason, and still a summary")
    func aHeadlessRunOnATinyFileSystem() throws {
        let mountPoint = NSTemporaryDirectory() + "chanscope-tmpfs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        guard geteuid() == 0, mount("tmpfs", mountPoint, "tmpfs", 0, "size=8k") == 0 else {
            // Only root in a system that allows mounts can make a tiny file system; the short-write
            // test above covers the same code path.
            return
        }
        defer { umount(mountPoint) }
        let path = mountPoint + "/run.csv"
        let result = try HeadlessRunner.run(
            try enginePreset(Self.yaml), options: HeadlessOptions(duration: 2, sampleHz: 100, recordPath: path))
        let failure = try #require(result.recordingFailure)
        #expect(failure.contains("No space left on device"), "\(failure)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == result.rowsRecorded + 1)
        let width = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == width })
        #expect(SummaryTable.render(result).contains("Full disk"))
    }
}
