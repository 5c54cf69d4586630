import ArgumentParser
import Foundation
import ChanscopeBench
import ChanscopeEngine
import ChanscopeTUI
import Channels

/// Which tables `chanscope bench` prints.
enum BenchPart: String, ExpressibleByArgument, CaseIterable {
    case all, channels, screen, links, transports
}

/// `chanscope bench`: raw channel throughput for the peer benchmark's scenarios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure raw channel throughput on the peer benchmark's scenarios.",
        discussion: """
            Without arguments, runs every scenario raw and instrumented and prints a table, then \
            times the screen (frame build and diff at 80x24, 120x40 and 200x60). With --json SCENARIO \
            MESSAGES, runs one scenario and prints one JSON line, the plug-in contract of the \
            peer benchmark runner (run.sh -e 'chanscope=PATH/chanscope bench --json'); its ipc-* \
            scenarios run through chanscope's worker processes. --part transports: messages per second \
            through the worker processes over each kernel transport, beside a C loop making the same \
            system calls. Build with -c release for meaningful numbers.
            """)

    @Flag(help: "Print one JSON line for one run (the peer harness's plug-in contract).")
    var json = false

    @Option(help: "Scale the default message counts (table mode).")
    var scale: Double = 0.25

    @Option(help: "Runs of each variant per scenario in the table, alternating raw and instrumented (each first in every other round); the table shows medians.")
    var rounds: Int = 5

    @Option(help: "Which tables to print: all, channels, screen, links (the simulated link against the plain channel) or transports.")
    var part: BenchPart = .all

    @Argument(help: "The scenario (with --json): \((BenchScenario.all + BenchScenario.own).map(\.name).joined(separator: ", ")); or the peer suite's ipc-TRANSPORT-BYTES through chanscope's worker processes (TRANSPORT: \(TransportScenario.transports.keys.sorted().joined(separator: ", ")); BYTES 16-4096; other ipc- names answer the contract's skip).")
    var scenario: String?

    @Argument(help: "How many messages (with --json).")
    var messages: Int?

    func validate() throws {
        if let scenario, TransportScenario.isTransportScenario(scenario), !json {
            throw ValidationError("\(scenario) runs with --json SCENARIO MESSAGES (the transports' table is --part transports)")
        }
        if let scenario, BenchScenario.named(scenario) == nil, !TransportScenario.isTransportScenario(scenario) {
            throw ValidationError("unknown scenario \"\(scenario)\" (scenarios: \((BenchScenario.all + BenchScenario.own).map(\.name).joined(separator: ", ")))")
        }
        if json && (scenario == nil || messages == nil) {
            throw ValidationError("--json needs SCENARIO and MESSAGES")
        }
        if part == .screen || part == .links, scenario != nil {
            throw ValidationError("--part \(part.rawValue) takes no SCENARIO")
        }
        if rounds < 1 {
            throw ValidationError("--rounds must be at least 1")
        }
        if let messages, messages < 1 {
            throw ValidationError("MESSAGES must be at least 1")
        }
    }

    func run() throws {
        if json, let scenario, let transportScenario = TransportScenario(name: scenario), let messages {
            if !runTransportScenario(transportScenario, name: scenario, messages: messages) { throw ExitCode.failure }
            return
        }
        let chosen = scenario.flatMap(BenchScenario.named).map { [$0] } ?? BenchScenario.all + BenchScenario.own
        if json, let scenarioValue = chosen.first, let messages {
            let result = BenchWorkload.run(scenarioValue, messages: messages)
            print(result.jsonLine)
            if !result.ok { throw ExitCode.failure }
            return
        }
        if part == .all || part == .channels, !runChannels(chosen) { throw ExitCode.failure }
        if part == .all || part == .screen, scenario == nil { runScreen() }
        if part == .all || part == .links, scenario == nil, !runLinks() { throw ExitCode.failure }
        if part == .all || part == .transports, scenario == nil, !runTransports() { throw ExitCode.failure }
    }

    /// The raw-versus-instrumented table; false if a check failed.
    private func runChannels(_ chosen: [BenchScenario]) -> Bool {
        var failed = false
        print("msgs/s: median (min-max) of \(rounds) run(s) each, raw and instrumented alternating (each first in every other round); cost: median over rounds of 1 - instrumented/raw")
        print("scenario                 messages   raw                     instrumented            cost")
        for scenarioValue in chosen {
            let count = messages ?? max(1000, Int(saturating: Double(scenarioValue.defaultMessages) * scale))
            let (raw, instrumented) = alternating { BenchWorkload.run(scenarioValue, messages: count, instrumented: $0) }
            // Each round's two runs ran back to back, so their ratio is the fairest comparison the
            // machine allows; the median of those ratios shrugs off a round that one run of the
            // pair spent in a slower mode (single runs here vary up to 3x).
            let ratios = zip(raw, instrumented).map { $0.throughput > 0 ? $1.throughput / $0.throughput : 1 }
            let cost = (1 - median(ratios)) * 100
            let failure = (raw + instrumented).first { !$0.ok }
            print(
                pad(scenarioValue.name, 22) + pad(String(count), 11, right: true) + "   "
                    + pad(spread(raw.map(\.throughput)), 24)
                    + pad(spread(instrumented.map(\.throughput)), 24)
                    + pad(String(Int(saturating: cost.rounded())) + "%", 5, right: true)
                    + (failure.map { "  CHECK FAILED: \($0.failure ?? "")" } ?? ""))
            failed = failed || failure != nil
        }
        runOneThread()
        if scenario == nil { failed = !runManager() || failed }
        return !failed
    }

    /// The instrumentation's cost per message without scheduling noise (see `OneThreadCost`).
    private func runOneThread() {
        let count = messages ?? max(100_000, Int(32_000_000 * scale))
        print("")
        // The fastest run: on one thread, interference (interrupts, the other vCPU's owner) only
        // ever adds time, so the minimum is the run closest to the channel's own cost.
        print("one thread, nobody to wait for: ns per message (send + receive), fastest of \(rounds) run(s) each")
        print("kind                  messages   raw        instrumented   cost")
        for kind in OneThreadCost.kinds {
            let (raw, instrumented) = alternating {
                OneThreadCost.nanosecondsPerMessage(kind: kind, messages: count, instrumented: $0)
            }
            let rawNs = raw.min() ?? 0
            let instrumentedNs = instrumented.min() ?? 0
            let cost = rawNs > 0 ? (instrumentedNs / rawNs - 1) * 100 : 0
            print(
                pad(kind.description, 18) + pad(String(count), 12, right: true) + "   "
                    + pad(String(format: "%.1f ns", rawNs), 11)
                    + pad(String(format: "%.1f ns", instrumentedNs), 15)
                    + pad(String(format: "%.1f%%", cost), 6, right: true))
        }
    }

    /// The readers-writers manager's request-grant-done round trips per second through the real
    /// engine (see `ManagerBenchmark`); false if the database counted a violation.
    private func runManager() -> Bool {
        let count = messages ?? max(1000, Int(80_000 * scale))
        print("")
        print("rw-manager: request, grant, done round trips per second through the engine, median (min-max) of \(rounds) run(s)")
        print("readers  round trips   rate                    violations")
        var ok = true
        for readers in [1, 4] {
            let results = (0..<rounds).map { _ in ManagerBenchmark.run(readers: readers, roundTrips: count) }
            let violations = results.map(\.violations).max() ?? 0
            ok = ok && violations == 0 && results.allSatisfy(\.completed)
            print(pad(String(readers), 7, right: true) + pad(String(count), 14, right: true) + "   "
                  + pad(spread(results.map(\.perSecond), unit: thousands), 24) + pad(String(violations), 10, right: true)
                  + (results.allSatisfy(\.completed) ? "" : "  CHECK FAILED: a run did not finish"))
        }
        return ok
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
                    + pad(String(Int(saturating: result.meanCellsWritten.rounded())), 22, right: true))
        }
    }

    /// `rounds` measurements of each variant, the two of a round back to back.
    ///
    /// Alternating spreads the machine's changing speed over both variants alike, and swapping
    /// which goes first each round cancels what running second costs (measured: the second of
    /// two back-to-back runs was 4-7% slower, whichever variant it was).
    func alternating<T>(_ measure: (_ instrumented: Bool) -> T) -> (raw: [T], instrumented: [T]) {
        var raw: [T] = []
        var instrumented: [T] = []
        for round in 0..<rounds {
            for instrumentedFirst in round % 2 == 0 ? [false, true] : [true, false] {
                let result = measure(instrumentedFirst)
                if instrumentedFirst { instrumented.append(result) } else { raw.append(result) }
            }
        }
        return (raw, instrumented)
    }

    /// "12.3M (10.1M-14.0M)": the median and the range of a set of rates.
    func spread(_ values: [Double], unit: (Double) -> String = { millions($0) }) -> String {
        "\(unit(median(values))) (\(unit(values.min() ?? 0))-\(unit(values.max() ?? 0)))"
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func milliseconds(microseconds: Double) -> String {
        String(format: "%.3f ms", microseconds / 1000)
    }

    func thousands(_ rate: Double) -> String {
        let tenths = Int(saturating: (rate / 100).rounded())
        return "\(tenths / 10).\(tenths % 10)k"
    }

    private static func millions(_ rate: Double) -> String {
        let tenths = Int(saturating: (rate / 100_000).rounded())
        return "\(tenths / 10).\(tenths % 10)M"
    }

    func millions(_ rate: Double) -> String {
        let tenths = Int(saturating: (rate / 100_000).rounded())
        return "\(tenths / 10).\(tenths % 10)M"
    }

    func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
