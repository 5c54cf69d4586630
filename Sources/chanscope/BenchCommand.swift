import ArgumentParser
import Foundation
import ChanscopeBench
import ChanscopeTUI
import Channels

/// Which tables `chanscope bench` prints.
enum BenchPart: String, ExpressibleByArgument, CaseIterable {
    case all, channels, screen
}

/// `chanscope bench`: raw channel throughput for the peer benchmark's scenarios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure raw channel throughput on the peer benchmark's scenarios.",
        discussion: """
            Without arguments, runs every scenario raw and instrumented and prints a table, then \
            times the screen (frame build and diff at 80x24, 120x40 and 200x60). With --json SCENARIO \
            MESSAGES, runs one scenario and prints one JSON line, the plug-in contract of \
            ../shared/bench-peers (run.sh -e 'chanscope=PATH/chanscope bench --json'). \
            Build with -c release for meaningful numbers.
            """)

    @Flag(help: "Print one JSON line for one run (the peer harness's plug-in contract).")
    var json = false

    @Option(help: "Scale the default message counts (table mode).")
    var scale: Double = 0.25

    @Option(help: "Runs of each variant per scenario in the table, alternating raw and instrumented; the table shows medians.")
    var rounds: Int = 5

    @Option(help: "Which tables to print: all, channels or screen.")
    var part: BenchPart = .all

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
        if part == .screen, scenario != nil {
            throw ValidationError("--part screen times the screen only; it takes no SCENARIO")
        }
        if rounds < 1 {
            throw ValidationError("--rounds must be at least 1")
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
        if part != .screen, !runChannels(chosen) { throw ExitCode.failure }
        if part != .channels, scenario == nil { runScreen() }
    }

    /// The raw-versus-instrumented table; false if a check failed.
    private func runChannels(_ chosen: [BenchScenario]) -> Bool {
        var failed = false
        print("msgs/s: median (min-max) of \(rounds) run(s) each, raw and instrumented alternating; cost from the medians")
        print("scenario                 messages   raw                     instrumented            cost")
        for scenarioValue in chosen {
            let count = messages ?? max(1000, Int(Double(scenarioValue.defaultMessages) * scale))
            var raw: [BenchResult] = []
            var instrumented: [BenchResult] = []
            // Alternating spreads the machine's changing speed over both columns alike.
            for _ in 0..<rounds {
                raw.append(BenchWorkload.run(scenarioValue, messages: count, instrumented: false))
                instrumented.append(BenchWorkload.run(scenarioValue, messages: count, instrumented: true))
            }
            let rawRate = median(raw.map(\.throughput))
            let instrumentedRate = median(instrumented.map(\.throughput))
            let cost = rawRate > 0 ? (1 - instrumentedRate / rawRate) * 100 : 0
            let failure = (raw + instrumented).first { !$0.ok }
            print(
                pad(scenarioValue.name, 22) + pad(String(count), 11, right: true) + "   "
                    + pad(spread(raw.map(\.throughput)), 24)
                    + pad(spread(instrumented.map(\.throughput)), 24)
                    + pad(String(Int(cost.rounded())) + "%", 5, right: true)
                    + (failure.map { "  CHECK FAILED: \($0.failure ?? "")" } ?? ""))
            failed = failed || failure != nil
        }
        return !failed
    }

    /// Frame build + diff time per screen size, with the in-memory backend.
    private func runScreen() {
        let frames = max(50, Int(1600 * scale))  // 400 at the default scale
        let (preset, snapshots) = ScreenBenchmark.recordSnapshots(frames: frames)
        print("")
        print("screen     frames   first frame cells   mean frame   p99 frame   cells written/frame")
        for (width, height) in ScreenBenchmark.standardSizes {
            let result = ScreenBenchmark.measure(preset: preset, snapshots: snapshots, width: width, height: height)
            print(
                pad("\(width)x\(height)", 9) + pad(String(result.frames), 8, right: true)
                    + pad(String(result.firstFrameCells), 20, right: true)
                    + pad(milliseconds(microseconds: result.meanMicroseconds), 13, right: true)
                    + pad(milliseconds(microseconds: result.p99Microseconds), 12, right: true)
                    + pad(String(Int(result.meanCellsWritten.rounded())), 22, right: true))
        }
    }

    /// "12.3M (10.1M-14.0M)": the median and the range of a set of rates.
    private func spread(_ values: [Double]) -> String {
        "\(millions(median(values))) (\(millions(values.min() ?? 0))-\(millions(values.max() ?? 0)))"
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func milliseconds(microseconds: Double) -> String {
        String(format: "%.3f ms", microseconds / 1000)
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
