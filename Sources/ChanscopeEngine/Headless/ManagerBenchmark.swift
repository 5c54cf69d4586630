/// How fast the readers-writers resource manager serves: request, grant and done round trips
/// per second through the real engine (worker threads, tagged messages, the requests channel,
/// the manager's core and the readers' mailboxes), under the `fair` policy.
public enum ManagerBenchmark {
    /// One run's figures.
    public struct Result: Sendable {
        /// Round trips (a reader's request, its grant, its done) per second, all readers together.
        public var perSecond: Double
        /// What the database counted (must be 0).
        public var violations: UInt64
        /// Whether every reader made its round trips before the time limit.
        public var completed: Bool
    }

    /// The preset: `readers` readers sharing `roundTrips` iterations, no waits, one manager.
    static func preset(readers: Int, roundTrips: Int) throws(PresetError) -> Preset {
        try PresetLoader.parse(yaml: """
            name: Manager bench
            summary: Readers asking the manager as fast as they can.
            channels: { requests: { kind: unbounded } }
            knobs:
              policy: { choices: [fair, readers-first], value: fair }
              zero: { value: 0, min: 0, max: 1 }
            workers:
              reader:
                count: \(readers)
                limit: \(roundTrips)
                mailbox: { kind: unbounded }
                loop: [ { make: REQUEST_READ }, { send: requests }, { recv: mailbox }, { work: zero, as: reading },
                        { tag: DONE_READ }, { send: requests } ]
              manager: { role: rw-manager, requests: requests, policy: policy }
            """, source: "<bench>")
    }

    /// Runs `roundTrips` round trips shared by `readers` readers (at most a minute).
    public static func run(readers: Int, roundTrips: Int) -> Result {
        guard let preset = try? preset(readers: readers, roundTrips: roundTrips) else {
            return Result(perSecond: 0, violations: 0, completed: false)
        }
        let options = HeadlessOptions(duration: 60, sampleHz: 2)
        guard let result = try? HeadlessRunner.run(preset, options: options), let final = result.final else {
            return Result(perSecond: 0, violations: 0, completed: false)
        }
        let done = final.group(named: "reader")?.iterations ?? 0
        let seconds = final.endTime ?? final.time
        return Result(
            perSecond: seconds > 0 ? Double(done) / seconds : 0,
            violations: final.manager(ofGroup: "manager")?.violations ?? 0,
            completed: done >= roundTrips && final.isFinished)
    }
}
