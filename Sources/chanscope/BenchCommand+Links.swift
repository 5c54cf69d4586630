import ChanscopeEngine
import Foundation

extension BenchCommand {
    /// The simulated link's tables: its cost with every knob at 0 against the plain channel (one
    /// thread, CPU time, fastest run), and producer-to-consumer throughput including the protocol
    /// at 10% loss; false if a run lost or duplicated a message.
    func runLinks() -> Bool {
        let count = messages ?? max(100_000, Int(8_000_000 * scale))
        print("")
        print("simulated link, one thread, nobody to wait for: ns per message (send + receive), taking turns batch by batch; median of \(rounds) run(s)")
        print("variant                        messages   ns/msg     cost")
        let runs = (0..<rounds).map { _ in LinkBenchmark.oneThreadNanoseconds(messages: count) }
        let plainNs = median(runs.map(\.plain))
        let linkedNs = median(runs.map(\.link))
        let cost = median(runs.map { $0.plain > 0 ? ($0.link / $0.plain - 1) * 100 : 0 })
        print(pad(LinkBenchmark.Variant.plain.rawValue, 27) + pad(String(count), 12, right: true) + "   " + pad(String(format: "%.1f ns", plainNs), 11))
        print(pad(LinkBenchmark.Variant.transparent.rawValue, 27) + pad(String(count), 12, right: true) + "   "
            + pad(String(format: "%.1f ns", linkedNs), 11) + pad(String(format: "%.1f%%", cost), 6, right: true))
        print("")
        let reliableCount = max(10_000, count / 20)
        print("simulated link, producer thread to consumer thread: msgs/s, median (min-max) of \(rounds) run(s)")
        print("variant                        messages   msgs/s")
        var ok = true
        for variant in LinkBenchmark.Variant.allCases {
            let n = variant == .reliable ? reliableCount : count
            let runs = (0..<rounds).map { _ in LinkBenchmark.throughput(variant, messages: n) }
            ok = ok && runs.allSatisfy(\.ok)
            let rates = runs.map(\.perSecond)
            print(pad(variant.rawValue, 27) + pad(String(n), 12, right: true) + "   "
                + "\(thousands(median(rates))) (\(thousands(rates.min() ?? 0))-\(thousands(rates.max() ?? 0)))"
                + (runs.allSatisfy(\.ok) ? "" : "   LOST OR DUPLICATED MESSAGES"))
        }
        return ok
    }
}
