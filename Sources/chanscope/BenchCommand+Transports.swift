import ChanscopeEngine
import Foundation

extension BenchCommand {
    /// Messages per second through each transport's worker processes beside the C raw loop, the
    /// two alternating; false if a run failed.
    func runTransports() -> Bool {
        print("")
        print("transports: msgs/s through chanscope's worker processes and through the C raw loop, median (min-max) of \(rounds) round(s),")
        print("the two alternating (each first in every other round); ratio: median over rounds of chanscope/raw")
        print("transport       bytes   messages   chanscope                     raw C loop                    ratio")
        for transport in Transport.allCases {
            for bytes in [16, 4096] {
                let messages = max(1000, Int(saturating: (bytes == 16 ? 2_000_000.0 : 200_000.0) * scale))
                let runs = (0..<rounds).map { round in
                    TransportBench.run(transport, messageBytes: bytes, messages: messages, chanscopeFirst: round % 2 == 0)
                }
                let results = runs.compactMap { $0 }
                guard results.count == runs.count else {
                    print("\(transport.rawValue), \(bytes) bytes: a run failed")
                    return false
                }
                let ratio = median(results.map { $0.rawPerSecond > 0 ? $0.chanscopePerSecond / $0.rawPerSecond : 0 })
                print(pad(transport.rawValue, 13) + pad(String(bytes), 8, right: true) + pad(String(messages), 11, right: true) + "   "
                      + pad(spread(results.map(\.chanscopePerSecond), unit: rate), 30) + pad(spread(results.map(\.rawPerSecond), unit: rate), 30)
                      + String(format: "%.2fx", ratio))
            }
        }
        return true
    }

    /// `--json ipc-...`: one run of the peer suite's cross-process scenario through chanscope's
    /// worker processes, or the contract's skip for one chanscope does not run; false if the
    /// run's check failed.
    func runTransportScenario(_ scenario: TransportScenario, name: String, messages: Int) -> Bool {
        let head = "{\"scenario\":\(Self.jsonString(name)),\"messages\":\(messages)"
        switch scenario {
        case .skip(let reason):
            print(head + ",\"skip\":\(Self.jsonString(reason))}")
            return true
        case .run(let transport, let bytes):
            let run = TransportBench.contractRun(transport, messageBytes: bytes, messages: messages)
            var line = head + String(format: ",\"seconds\":%.6f", run.seconds) + ",\"delivered\":\(run.delivered)"
                + ",\"ok\":\(run.failure == nil),\"peer\":\"chanscope\""
            if let failure = run.failure { line += ",\"error\":\(Self.jsonString(failure))" }
            print(line + "}")
            return run.failure == nil
        }
    }

    /// A JSON string literal: the scenario name is the caller's text, so quotes, backslashes and
    /// control characters are escaped.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension BenchCommand {
    /// "568.8k/s", "1.8M/s": the screen's own rate format.
    func rate(_ value: Double) -> String { NumberText.rate(value) }
}
