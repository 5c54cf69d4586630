import Testing
@testable import ChanscopeEngine

/// `chanscope bench --json ipc-...`: which of the peer suite's cross-process scenarios run
/// through chanscope's worker processes, and the check a run passes.
@Suite struct TransportScenarioTests {
    @Test func theSuitesTransportScenariosRunAtTheirMessageSize() {
        #expect(TransportScenario(name: "ipc-pipe-16") == .run(.pipe, messageBytes: 16))
        #expect(TransportScenario(name: "ipc-pipe-4096") == .run(.pipe, messageBytes: 4096))
        #expect(TransportScenario(name: "ipc-fifo-16") == .run(.fifo, messageBytes: 16))
        #expect(TransportScenario(name: "ipc-fifo-4096") == .run(.fifo, messageBytes: 4096))
        #expect(TransportScenario(name: "ipc-unix-stream-16") == .run(.unixStream, messageBytes: 16))
        #expect(TransportScenario(name: "ipc-unix-dgram-4096") == .run(.unixDatagram, messageBytes: 4096))
        #expect(TransportScenario(name: "ipc-mqueue-16") == .run(.mqueue, messageBytes: 16))
    }

    @Test func otherIpcNamesAreSkippedWithTheirReason() throws {
        for (name, reason) in [("ipc-pipe-16-batched", "batched"), ("ipc-no-such-16", "no no-such transport"),
                               ("ipc-pipe-8", "message_bytes is 16...4096"), ("ipc-fifo-4097", "16...4096"),
                               ("ipc-pipe", "not an ipc-<transport>-<bytes>"), ("ipc-", "not an ipc-<transport>-<bytes>")] {
            guard case .skip(let text)? = TransportScenario(name: name) else {
                Issue.record("\(name) is not skipped")
                continue
            }
            #expect(text.contains(reason), "\(name): \(text)")
        }
    }

    @Test func theInProcessScenariosAreNotTransportScenarios() {
        #expect(TransportScenario(name: "spsc-bounded-1024") == nil)
        #expect(!TransportScenario.isTransportScenario("spsc-bounded-1024"))
        #expect(TransportScenario.isTransportScenario("ipc-anything"))
    }

    @Test func everyTransportOfTheTableHasARawLoopToCompareWith() {
        for transport in TransportScenario.transports.values {
            #expect(TransportBench.rawLoopCodes[transport.rawValue] != nil, "\(transport.rawValue)")
        }
    }
}

/// One contract run through real worker processes (no failure: both exited with status 0).
@Suite("Transport scenario runs", .serialized, .enabled(if: WorkerBinary.available, "the chanscope executable is not built next to the tests"))
struct TransportScenarioRunTests {
    @Test(arguments: Transport.allCases)
    func aRunDeliversEveryMessageAndBothProcessesExitCleanly(transport: Transport) {
        // More than any of the kernel buffers holds (a pipe 4,096 messages of 16 bytes), so the
        // writer really waits.
        let run = TransportBench.contractRun(transport, messageBytes: 16, messages: 20_000)
        #expect(run.failure == nil)
        #expect(run.delivered == 20_000)
        #expect(run.seconds > 0)
    }
}
