import Channels
import ChanscopeEngine
import Foundation
import Testing

/// Runs that stop, or end by themselves: deadlock, disconnect-producer, disconnect-consumer.
extension LessonClaims {
    // MARK: deadlock

    @Test("deadlock: A and B both send-blocked; the detector names A -> ab -> B -> ba -> A")
    func deadlockNamed() throws {
        let run = try LiveLesson("deadlock", deadlockGrace: 0.5)
        let found = try #require(run.waitFor("the DEADLOCK") { $0.deadlock != nil })
        #expect(found.deadlock == "A -> ab -> B -> ba -> A")
        #expect(found.now("A", .blockedOnSend) == 1 && found.now("B", .blockedOnSend) == 1)
        #expect(found.word("ab") == .handOffWait && found.word("ba") == .handOffWait)
    }

    @Test("deadlock: 2 on ab (bounded(8)): A's send completes, the deadlock is resolved and messages move")
    func deadlockBroken() throws {
        let run = try LiveLesson("deadlock", ["think_ms=20"], deadlockGrace: 0.5)
        run.waitFor("the DEADLOCK") { $0.deadlock != nil }
        #expect(run.experiment.setKind(of: "ab", to: .bounded) != nil)
        #expect(run.experiment.kind(of: "ab") == .bounded(8))
        #expect(run.waitFor("resolved") { $0.deadlock == nil } != nil)
        #expect(run.waitFor("messages both ways") {
            ($0.channel(named: "ab")?.counters.received ?? 0) >= 3 && ($0.channel(named: "ba")?.counters.received ?? 0) >= 3
        } != nil)
        #expect(run.events.contains { $0.kind == .deadlockCleared && $0.text.contains("A -> ab -> B -> ba -> A") })
        // No new deadlock once it flows.
        #expect(run.watch(seconds: 1).allSatisfy { $0.deadlock == nil })
    }

    // MARK: disconnect-producer

    @Test("disconnect-producer: the producer is finished after Max work; work reads NO SENDERS: draining N, then DISCONNECTED; nothing lost")
    func disconnectProducerDrains() throws {
        let result = try LessonPresets.run("disconnect-producer", ["produce_ms=10", "consume_ms=30"], duration: 60)
        let draining = try #require(result.snapshots.first { $0.word("work") == .noSenders }, "no NO SENDERS")
        #expect(draining.group(named: "producer")?.workerStates == [.finished])
        #expect(draining.channel(named: "work")?.situation.description.hasPrefix("NO SENDERS: draining ") == true)
        #expect(draining.group(named: "consumer")?.isFinished == false)
        let final = try #require(result.final)
        #expect(final.word("work") == .disconnected)
        #expect(final.group(named: "consumer")?.workerStates == [.disconnected])
        let made = try result.group("producer").made
        #expect(made == 40, "Max work is 40")
        #expect(try result.group("consumer").received == made, "got = made: nothing lost")
    }

    @Test("disconnect-producer: at its own waits the run lasts long enough to talk over (about 12 s)")
    func disconnectProducerDuration() throws {
        let preset = try LessonPresets.load("disconnect-producer")
        let value = { (name: String) in preset.knobs.first { $0.name == name }?.value ?? 0 }
        // The consumer takes Max work messages at Consumer wait each.
        #expect(value("max_work") * value("consume_ms") / 1000 >= 10)
        #expect(value("consume_ms") > value("produce_ms"), "the consumer must be the slower side, or nothing is left to drain")
    }

    // MARK: disconnect-consumer

    @Test("disconnect-consumer: work fills, BACKPRESSURE; after Consumer max the producer's send fails (failed 1), it is disconnected, 5 discarded")
    func disconnectConsumerFails() throws {
        // 40 messages at 40 ms: 1.6 s, long enough for the 2 s window's send-blocked share to pass
        // half; a producer that never waits is blocked whenever work is full, however late a
        // loaded machine wakes either thread. The run ends by itself.
        let result = try LessonPresets.run("disconnect-consumer", ["consumer_max=40", "produce_ms=0", "consume_ms=40"], duration: 60)
        #expect(result.violations.isEmpty)
        #expect(result.snapshots.contains { $0.word("work") == .backpressure && $0.depth("work") == 5 })
        #expect(try result.group("consumer").received == 40)
        #expect(try result.group("consumer").workerStates == [.finished])
        #expect(try result.group("producer").workerStates == [.disconnected])
        let work = try result.channel("work")
        #expect(work.counters.failed == 1)
        #expect(work.counters.discarded == 5)
        #expect(work.situation.word == .disconnected)
        #expect(try result.accountsForEverything(made: "producer", on: "work"))
    }

    @Test("disconnect-consumer: at its own waits the run lasts long enough to talk over (about 10 s)")
    func disconnectConsumerDuration() throws {
        let preset = try LessonPresets.load("disconnect-consumer")
        let value = { (name: String) in preset.knobs.first { $0.name == name }?.value ?? 0 }
        #expect(value("consumer_max") * value("consume_ms") / 1000 >= 10)
        #expect(value("produce_ms") < value("consume_ms"), "the producer must be faster, so work is full when the consumer goes")
    }
}
