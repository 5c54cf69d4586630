import PropertyBased
import Testing
@testable import ChanscopeEngine

/// The resource manager's policies driven by deterministic scripts of requests: who is granted,
/// in which order, zero violations under every policy, and `as-written` leaving the requester
/// it ignored waiting for good.
@Suite("Readers-writers manager core")
struct RWManagerCoreTests {
    typealias Grant = RWManagerCore.Grant

    /// Readers are 1-9, writers 11-19 (the ids say which is which in a failing expectation).
    static let r1: Int32 = 1, r2: Int32 = 2, r3: Int32 = 3, w1: Int32 = 11, w2: Int32 = 12

    @Test("readers-first: new readers pass a waiting writer, which enters only when the last reader leaves")
    func readersFirst() {
        var m = RWManagerCore(policy: .readersFirst)
        #expect(m.request(.read, from: Self.r1, at: 1) == [Grant(.read, to: Self.r1)])
        #expect(m.request(.write, from: Self.w1, at: 2) == [])
        #expect(m.request(.read, from: Self.r2, at: 3) == [Grant(.read, to: Self.r2)])
        #expect(m.done(.read, from: Self.r1) == [])
        #expect(m.request(.read, from: Self.r3, at: 4) == [Grant(.read, to: Self.r3)])
        #expect(m.oldestWait(.write, now: 10) == 8, "the writer has waited since 2")
        #expect(m.done(.read, from: Self.r2) == [])
        #expect(m.done(.read, from: Self.r3) == [Grant(.write, to: Self.w1)])
        #expect(m.writerInside == Self.w1 && m.readersInside == 0)
        #expect(m.request(.read, from: Self.r1, at: 5) == [])
        #expect(m.done(.write, from: Self.w1) == [Grant(.read, to: Self.r1)])
        #expect(m.database.violations == 0)
        #expect((m.readGrants, m.writeGrants) == (4, 1))
    }

    @Test("writers-first: a waiting writer holds new readers; they enter after it")
    func writersFirst() {
        var m = RWManagerCore(policy: .writersFirst)
        #expect(m.request(.read, from: Self.r1, at: 1) == [Grant(.read, to: Self.r1)])
        #expect(m.request(.write, from: Self.w1, at: 2) == [])
        #expect(m.request(.read, from: Self.r2, at: 3) == [], "held while a writer waits")
        #expect(m.request(.write, from: Self.w2, at: 4) == [])
        #expect(m.done(.read, from: Self.r1) == [Grant(.write, to: Self.w1)])
        #expect(m.done(.write, from: Self.w1) == [Grant(.write, to: Self.w2)], "writers before the waiting reader")
        #expect(m.waitingCount(.read) == 1)
        #expect(m.done(.write, from: Self.w2) == [Grant(.read, to: Self.r2)])
        #expect(m.database.violations == 0)
    }

    @Test("fair: arrival order, consecutive readers together, a writer alone")
    func fair() {
        var m = RWManagerCore(policy: .fair)
        #expect(m.request(.read, from: Self.r1, at: 1) == [Grant(.read, to: Self.r1)])
        #expect(m.request(.write, from: Self.w1, at: 2) == [])
        #expect(m.request(.read, from: Self.r2, at: 3) == [], "behind the writer in line")
        #expect(m.request(.read, from: Self.r3, at: 4) == [])
        #expect(m.request(.write, from: Self.w2, at: 5) == [])
        #expect(m.done(.read, from: Self.r1) == [Grant(.write, to: Self.w1)])
        #expect(m.done(.write, from: Self.w1) == [Grant(.read, to: Self.r2), Grant(.read, to: Self.r3)])
        #expect(m.done(.read, from: Self.r2) == [])
        #expect(m.done(.read, from: Self.r3) == [Grant(.write, to: Self.w2)])
        #expect(m.database.violations == 0)
    }

    @Test("as-written: a request it cannot grant at once is dropped; its sender waits forever")
    func asWritten() {
        var m = RWManagerCore(policy: .asWritten)
        #expect(m.request(.read, from: Self.r1, at: 1) == [Grant(.read, to: Self.r1)])
        #expect(m.request(.write, from: Self.w1, at: 2) == [])
        #expect(m.done(.read, from: Self.r1) == [], "a release signals nobody")
        #expect(m.unanswered.map(\.requester) == [Self.w1])
        #expect(m.request(.write, from: Self.w2, at: 3) == [Grant(.write, to: Self.w2)], "a request that can enter at once does")
        #expect(m.request(.read, from: Self.r2, at: 4) == [])
        #expect(m.done(.write, from: Self.w2) == [])
        #expect(m.unanswered.map(\.requester) == [Self.w1, Self.r2])
        #expect(m.waitingCount(.write) == 1 && m.waitingCount(.read) == 1)
        // Switching away does not bring the dropped requests back: the manager threw them away.
        #expect(m.setPolicy(.fair) == [])
        #expect(m.unanswered.map(\.requester) == [Self.w1, Self.r2])
        #expect(m.oldestWait(.write, now: 10) == 8)
        #expect(m.database.violations == 0)
    }

    @Test("the policy switches live: what waits is judged by the new policy at once")
    func liveSwitch() {
        var m = RWManagerCore(policy: .readersFirst)
        _ = m.request(.read, from: Self.r1, at: 1)
        _ = m.request(.write, from: Self.w1, at: 2)
        #expect(m.setPolicy(.writersFirst) == [], "the reader inside stays; the writer still waits")
        #expect(m.request(.read, from: Self.r2, at: 3) == [], "now new readers are held")
        #expect(m.setPolicy(.readersFirst) == [Grant(.read, to: Self.r2)], "back: the held reader enters")
        #expect(m.setPolicy(.asWritten) == [])
        #expect(m.waiting.isEmpty && m.unanswered.map(\.requester) == [Self.w1])
        #expect(m.database.violations == 0)
    }

    @Test("the database witnesses a broken rule")
    func databaseCountsViolations() {
        var db = RWDatabase()
        db.enter(.read)
        db.enter(.read)
        #expect(db.violations == 0)
        db.enter(.write)
        #expect(db.violations == 1)
        db.leave(.read)
        db.leave(.read)
        db.enter(.read)
        #expect(db.violations == 2, "a reader with a writer inside")
        #expect(RWDatabase.violates(.write, readers: 0, writers: 0) == false)
    }

    // MARK: Random scripts

    /// One step of a script: requester `who` (0-5 readers, 6-8 writers) asks or leaves, or the
    /// policy switches.
    enum Step: Sendable, CustomStringConvertible {
        case act(who: Int)
        case policy(RWPolicy)

        var description: String {
            switch self {
            case .act(let who): "act(\(who))"
            case .policy(let p): "policy(\(p))"
            }
        }
    }

    static let policyGen = Gen.int(in: 0...3).map { RWPolicy.allCases[$0] }
    static let stepsGen = zip(Gen.int(in: 0...11), Gen.int(in: 0...3)).map { code, policy -> Step in
        code < 9 ? .act(who: code) : .policy(RWPolicy.allCases[policy])
    }.array(of: 1...120)

    @Test("random scripts under every policy and live switches: zero violations, the counts agree, no stall")
    func randomScripts() async {
        await propertyCheck(count: 300, input: Self.policyGen, Self.stepsGen) { policy, steps in
            Self.run(policy: policy, steps: steps)
        }
    }

    /// Plays a script in which each requester follows the protocol: idle -> request -> (granted)
    /// inside -> done -> idle. Checks the invariants after every step.
    static func run(policy: RWPolicy, steps: [Step]) {
        var m = RWManagerCore(policy: policy)
        enum Phase { case idle, waiting, inside }
        var phase = Array(repeating: Phase.idle, count: 9)
        var time: UInt64 = 0
        func access(_ who: Int) -> RWAccess { who < 6 ? .read : .write }
        for step in steps {
            time += 1
            var grants: [RWManagerCore.Grant] = []
            switch step {
            case .act(let who):
                switch phase[who] {
                case .idle:
                    phase[who] = .waiting
                    grants = m.request(access(who), from: Int32(who), at: time)
                case .inside:
                    phase[who] = .idle
                    grants = m.done(access(who), from: Int32(who))
                case .waiting:
                    continue  // blocked on its reply
                }
            case .policy(let newPolicy):
                grants = m.setPolicy(newPolicy)
            }
            for grant in grants {
                let who = Int(grant.requester)
                #expect(phase[who] == .waiting && grant.access == access(who), "granted \(grant) after \(steps)")
                phase[who] = .inside
            }
            let readers = (0..<6).filter { phase[$0] == .inside }.count
            let writers = (6..<9).filter { phase[$0] == .inside }.count
            #expect(m.database.violations == 0, "violation after \(steps)")
            #expect(m.readersInside == readers && (m.writerInside == nil ? 0 : 1) == writers)
            #expect(writers == 0 || (writers == 1 && readers == 0))
            #expect(m.waiting.count + m.unanswered.count == phase.filter { $0 == .waiting }.count)
            if m.policy != .asWritten && readers == 0 && writers == 0 {
                #expect(m.waiting.isEmpty, "nobody inside but requests wait: a stall after \(steps)")
            }
        }
    }
}
