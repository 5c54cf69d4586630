import ArgumentParser
import ChanscopeBench
import Channels

/// `chanscope bench`: raw channel throughput for the peer benchmark's scenarios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure raw channel throughput on the peer benchmark's scenarios.",
        discussion: """
            Without arguments, runs every scenario and prints a table. With --json SCENARIO \
            MESSAGES, runs one scenario and prints one JSON line, the plug-in contract of \
            ../shared/bench-peers (run.sh -e 'chanscope=PATH/chanscope bench --json'). \
            Build with -c release for meaningful numbers.
            """)

    @Flag(help: "Print one JSON line for one run (the peer harness's plug-in contract).")
    var json = false

    @Option(help: "Scale the default message counts (table mode).")
    var scale: Double = 0.25

    @Argument(help: "The scenario (with --json): \(BenchScenario.all.map(\.name).joined(separator: ", ")).")
    var scenario: String?

    @Argument(help: "How many messages (with --json).")
    var messages: Int?

    func validate() throws {
        if let scenario, BenchScenario.named(scenario) == nil {
            throw ValidationError("unknown scenario \"\(scenario)\" (scenarios: \(BenchScenario.all.map(\.name).joined(separator: ", ")))")
        }
        if json && (scenario == nil || messages == nil) {
            throw ValidationError("--json needs SCENARIO and MESSAGES")
        }
        if let messages, messages < 1 {
            throw ValidationError("MESSAGES must be at least 1")
        }
    }

    func run() throws {
        let chosen = scenario.flatMap(BenchScenario.named).map { [$0] } ?? BenchScenario.all
        if json, let scenarioValue = chosen.first, let messages {
            let result = BenchWorkload.run(scenarioValue, messages: messages)
            print(result.jsonLine)
            if !result.ok { throw ExitCode.failure }
            return
        }
        var failed = false
        print("scenario                 messages      raw msgs/s   instrumented   cost")
        for scenarioValue in chosen {
            let count = messages ?? max(1000, Int(Double(scenarioValue.defaultMessages) * scale / (scenarioValue.kind == .rendezvous || scenarioValue.kind == .bounded(1) ? 4 : 1)))
            let raw = BenchWorkload.run(scenarioValue, messages: count, instrumented: false)
            let instrumented = BenchWorkload.run(scenarioValue, messages: count, instrumented: true)
            let cost = raw.throughput > 0 ? (1 - instrumented.throughput / raw.throughput) * 100 : 0
            print(
                pad(scenarioValue.name, 22) + pad(String(count), 11, right: true)
                    + pad(millions(raw.throughput), 16, right: true)
                    + pad(millions(instrumented.throughput), 15, right: true)
                    + pad(String(Int(cost.rounded())) + "%", 7, right: true)
                    + (raw.ok && instrumented.ok ? "" : "  CHECK FAILED: \(raw.failure ?? instrumented.failure ?? "")"))
            failed = failed || !raw.ok || !instrumented.ok
        }
        if failed { throw ExitCode.failure }
    }

    private func millions(_ rate: Double) -> String {
        let tenths = Int((rate / 100_000).rounded())
        return "\(tenths / 10).\(tenths % 10)M"
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
