import Foundation
import Testing

/// `chanscope bench --json ipc-...`, the peer suite's plug-in contract for its cross-process
/// scenarios: one JSON line the suite's runner can read, a run or a skip, and the exit status.
@Suite(.enabled(if: ChanscopeBinary.path != nil, "the chanscope executable is not built next to the tests (run swift build)"),
       .timeLimit(.minutes(1)))
struct BenchJSONEndToEndTests {
    /// The last line starting with `{` (what the runner reads), parsed, and the exit status.
    static func bench(_ arguments: String...) throws -> (json: [String: Any], status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ChanscopeBinary.path))
        process.arguments = ["bench", "--json"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let line = try #require(String(decoding: data, as: UTF8.self).split(separator: "\n").last { $0.hasPrefix("{") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        return (json, process.terminationStatus)
    }

    @Test(arguments: ["ipc-pipe-16", "ipc-fifo-4096"])
    func aPipeScenarioRunsThroughTheWorkerProcesses(scenario: String) throws {
        let (json, status) = try Self.bench(scenario, "3000")
        #expect(status == 0)
        #expect(json["scenario"] as? String == scenario)
        #expect(json["messages"] as? Int == 3000)
        #expect(json["delivered"] as? Int == 3000)
        #expect(json["ok"] as? Bool == true)
        #expect((json["seconds"] as? Double ?? 0) > 0)
        #expect(json["skip"] == nil)
    }

    @Test func aScenarioChanscopeDoesNotRunIsSkippedAndTheNameEchoedExactly() throws {
        let name = "ipc-a\"b\\c-16"
        let (json, status) = try Self.bench(name, "10")
        #expect(status == 0)
        #expect(json["scenario"] as? String == name)
        #expect(json["messages"] as? Int == 10)
        #expect((json["skip"] as? String)?.isEmpty == false)
        #expect(json["seconds"] == nil)
        let (batched, _) = try Self.bench("ipc-pipe-16-batched", "10")
        #expect((batched["skip"] as? String)?.contains("batched") == true)
    }
}
