import Foundation
import Testing

/// The real binary, run from a directory outside the repository, still has the lessons: they
/// are built in, and a file in `./presets` of the same name replaces one.
///
/// Each test runs `chanscope` through `sh -c 'cd DIR && ...'` with `TmuxHarness.run` (no tmux:
/// `posix_spawnp` and a bounded `waitpid`, never `Process.waitUntilExit`), with
/// `$CHANSCOPE_PRESETS` unset so that only the working directory and the binary count.
@Suite(
    .enabled(if: ChanscopeBinary.path != nil, "the chanscope executable is not built next to the tests (run swift build)"),
    .timeLimit(.minutes(1)))
struct BuiltInPresetsEndToEndTests {
    /// A fresh directory outside the repository, removed when the test ends.
    final class Directory {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("chanscope-builtin-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/presets", withIntermediateDirectories: true)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: path)
        }

        /// Runs `executable ARGUMENTS` (default: the built `chanscope`) with this directory as
        /// its working directory.
        func run(_ arguments: [String], executable: String? = nil) throws -> TmuxHarness.CommandResult {
            let program = try #require(executable ?? ChanscopeBinary.path)
            let script = "cd \"$1\" || exit 99; shift; unset CHANSCOPE_PRESETS; export SWIFT_BACKTRACE=interactive=no; exec \"$@\""
            return try TmuxHarness.run(["sh", "-c", script, "sh", path, program] + arguments, timeout: .seconds(20))
        }
    }

    /// The names in the repository's `presets/`: the ones the binary must carry.
    static func repositoryPresetNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: AppEndToEndTests.presetsFolder)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The listing of `chanscope presets` as (heading, names under it).
    static func groups(_ output: String) -> [(heading: String, names: [String])] {
        var groups: [(heading: String, names: [String])] = []
        for line in output.split(separator: "\n") {
            if line.hasPrefix("  ") {
                let name = String(line.dropFirst(2).prefix { $0 != " " })
                if !groups.isEmpty { groups[groups.count - 1].names.append(name) }
            } else {
                groups.append((heading: String(line), names: []))
            }
        }
        return groups
    }

    @Test func presetsListsTheLessonsFromAnyDirectory() throws {
        let directory = try Directory()
        let result = try directory.run(["presets"])
        #expect(result.status == 0, "\(result.output)")
        let groups = Self.groups(result.output)
        #expect(groups.map(\.heading) == ["Built in:"], "\(result.output)")
        #expect(groups.first?.names == (try Self.repositoryPresetNames()))
        #expect((groups.first?.names.count ?? 0) >= 13, "at least the thirteen presets of the first round")
    }

    @Test func runRealtimeHeadlessFromAnyDirectory() throws {
        let directory = try Directory()
        let result = try directory.run(["run", "realtime", "--headless", "--duration", "1"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("Real-time master and worker: "), "\(result.output)")
    }

    @Test func aFileInPresetsShadowsTheBuiltInOne() throws {
        let directory = try Directory()
        let yaml = """
            name: Local realtime
            summary: The lecturer's own copy.
            channels:
              work: { kind: bounded, capacity: 2 }
            workers:
              producer: { loop: [ make, { send: work } ] }
              consumer: { loop: [ { recv: work } ] }
            """
        try yaml.write(toFile: directory.path + "/presets/realtime.yaml", atomically: true, encoding: .utf8)

        let listing = try directory.run(["presets"])
        #expect(listing.status == 0, "\(listing.output)")
        let groups = Self.groups(listing.output)
        #expect(groups.map(\.heading) == ["From presets/:", "Built in:"], "\(listing.output)")
        #expect(groups.first?.names == ["realtime"])
        #expect(groups.last?.names.contains("realtime") == false)
        #expect(listing.output.contains("realtime             The lecturer's own copy."), "\(listing.output)")

        let run = try directory.run(["run", "realtime", "--headless", "--duration", "1"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasPrefix("Local realtime: "), "\(run.output)")
    }

    @Test func aCopiedBinaryNeedsNoFilesBesideIt() throws {
        let directory = try Directory()
        let copy = directory.path + "/chanscope"
        // Copied by a child process: a file this process had open for writing could be inherited
        // by another test's spawn at that moment, and executing it would then fail "text file busy".
        let copied = try TmuxHarness.run(["cp", try #require(ChanscopeBinary.path), copy])
        #expect(copied.status == 0, "\(copied.output)")
        let result = try directory.run(["run", "backpressure", "--headless", "--duration", "1"], executable: copy)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("Backpressure: "), "\(result.output)")
    }
}
